import type { Campaign } from './campaign';
import type { Delivery } from './deliveries.repository';
import { MessageKinds, type MessageKind } from './message-kinds';

const campaign = (kind: string): Campaign => ({
  id: 'c20261126t120000abcdef',
  kind,
  audience: { kind: 'all' },
  subject: 'survey-7',
  state: 'running',
  notBefore: new Date(0),
  createdAt: new Date(0),
  createdBy: 'test',
  expandedBuckets: 0,
  changedAt: new Date(0),
});
const delivery = { personId: 'oid:1', locale: 'it-IT' } as Delivery;

const survey: MessageKind = {
  id: 'survey',
  build: (c, d) => Promise.resolve({ text: `${c.subject} for ${d.personId}` }),
  doneBy: (subject) => Promise.resolve((objectId) => `${subject}/${objectId}` === 'survey-7/a'),
  reminder: 'survey.reminder',
};
const announcement: MessageKind = {
  id: 'announcement',
  build: () => Promise.resolve({ text: 'news' }),
};
const approval: MessageKind = {
  id: 'approval',
  build: () => Promise.resolve({ text: 'approve?' }),
  recipients: (subject) => Promise.resolve((objectId) => `${subject}/${objectId}` === 'survey-7/m'),
};

describe('message kinds', () => {
  const kinds = new MessageKinds([survey, announcement, approval]);

  it('builds each recipient’s message with their campaign’s kind', async () => {
    expect(await kinds.build(campaign('survey'), delivery)).toEqual({
      text: 'survey-7 for oid:1',
    });
    expect(await kinds.build(campaign('announcement'), delivery)).toEqual({ text: 'news' });
  });

  it('asks the kind who is done with its subject, and nobody for a kind that asks nothing', async () => {
    const surveyDone = await kinds.doneBy(campaign('survey'));
    expect([surveyDone('a'), surveyDone('b')]).toEqual([true, false]);
    expect((await kinds.doneBy(campaign('announcement')))('a')).toBe(false);
  });

  it('lets a kind choose the recipients of an audience `chosen`, and only then', async () => {
    const chosen = await kinds.recipients({
      ...campaign('approval'),
      audience: { kind: 'chosen' },
    });
    expect([chosen.chosen('m'), chosen.chosen('a'), chosen.done('m')]).toEqual([
      true,
      false,
      false,
    ]);
    const all = await kinds.recipients(campaign('approval'));
    expect(all.chosen('m')).toBe(false);
    expect([kinds.choosesRecipients('approval'), kinds.choosesRecipients('survey')]).toEqual([
      true,
      false,
    ]);
    expect((await kinds.recipients(campaign('survey'))).done('a')).toBe(true);
  });

  it('refuses an unknown kind and a kind registered twice', () => {
    expect(() => kinds.get('poll')).toThrow(/unknown message kind poll/);
    expect(() => new MessageKinds([survey, survey])).toThrow(/registered twice/);
  });
});
