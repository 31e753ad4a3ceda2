import type { Campaign } from '../../core/delivery/campaign';
import type { Delivery } from '../../core/delivery/deliveries.repository';
import { shippedQuestionnaire } from '../../server/app';
import type { AdaptiveCard } from '../cards/card';
import { cardProblems } from '../cards/card-validation';
import { ASSESSMENT_VERBS } from '../features/assessment/assessment.verbs';
import { MessageKinds } from '../../core/delivery/message-kinds';
import { assessmentMessageKinds } from './campaign-messages';

const campaign = (kind: Campaign['kind']): Campaign => ({
  id: 'c20261126t120000abcdef',
  kind,
  audience: { kind: 'all' },
  subject: 'digital-mindset-v1',
  state: 'running',
  notBefore: new Date(),
  createdAt: new Date(),
  createdBy: 'test',
  expandedBuckets: 256,
  changedAt: new Date(),
});

const delivery = (locale: Delivery['locale']): Delivery => ({
  campaignId: 'c20261126t120000abcdef',
  bucket: 3,
  personId: 'oid:5d1c2b3a-0000-4000-8000-00000000000a',
  locale,
  status: 'pending',
  attempts: 0,
  throttled: 0,
  notBefore: 0,
  inDoubt: false,
  updatedAt: new Date(),
});

describe('campaign messages', () => {
  const { build } = new MessageKinds(
    assessmentMessageKinds(
      shippedQuestionnaire(),
      () => Promise.resolve(7),
      () => Promise.resolve(() => false),
    ),
  );

  it.each([
    ['assessment', 'it-IT', /tocca a te/],
    ['assessment', 'en-US', /your turn/],
    ['reminder', 'it-IT', /^Promemoria/],
    ['reminder', 'en-US', /^Reminder/],
  ] as const)(
    '%s in %s: a valid card in the person’s language that opens the assessment',
    async (kind, locale, title) => {
      const activity = (await build(campaign(kind), delivery(locale))) as {
        attachments: { content: AdaptiveCard }[];
        channelData: { idempotencyKey: string };
      };
      const card = activity.attachments[0]!.content;
      expect(cardProblems(card)).toEqual([]);
      expect(card.body[0]).toMatchObject({ text: expect.stringMatching(title) });
      expect(card.actions).toEqual([expect.objectContaining({ verb: ASSESSMENT_VERBS.open.name })]);
      // The privacy promise names the campaign's locked threshold, not a fixed number.
      expect(JSON.stringify(card.body)).toMatch(/\b7 (persone|people)/);
      expect(activity.channelData.idempotencyKey).toBe(
        'c20261126t120000abcdef/oid:5d1c2b3a-0000-4000-8000-00000000000a',
      );
    },
  );
});
