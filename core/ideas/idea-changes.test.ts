import fc from 'fast-check';
import { anIdea } from '../../test/ideas';
import { decisionEntryId, noticeOf, reconcile, revised } from './idea-changes';
import type { Amendment, HistoryEntry } from './ideas.repository';

const anna = { objectId: 'anna', name: 'Anna' };
const idea = anIdea({
  id: 'c0c0c0c0-0000000001',
  authors: [anna],
  votes: 7,
});

function amendment(id: string, fields: Partial<Amendment> = {}): Amendment {
  return {
    kind: 'amendment',
    ideaId: idea.id,
    id,
    author: { objectId: `amender-${id}`, name: `Persona ${id}` },
    field: 'proposal',
    text: `Testo ${id}`,
    before: idea.proposal,
    status: 'open',
    reason: null,
    createdAt: new Date('2026-03-02T09:00:00Z'),
    decidedAt: null,
    ...fields,
  };
}
const accepted = (id: string, minute: number, fields: Partial<Amendment> = {}) =>
  amendment(id, {
    status: 'accepted',
    decidedAt: new Date(Date.UTC(2026, 2, 3, 9, minute)),
    ...fields,
  });

describe('an idea reconciled with its thread', () => {
  it('counts open amendments and comments, and leaves the rest', () => {
    const next = reconcile(
      { ...idea, comments: 9, openAmendments: 5 },
      [amendment('a'), amendment('b'), amendment('c', { status: 'rejected' })],
      3,
    );
    expect(next).toEqual({ ...idea, comments: 3, openAmendments: 2 });
  });

  it('takes the text of the last accepted amendment of each field and its amenders as co-authors', () => {
    const next = reconcile(
      idea,
      [
        accepted('late', 30),
        accepted('early', 10),
        accepted('problem', 20, { field: 'problem', text: 'Moduli di carta' }),
      ],
      0,
    );
    expect(next.proposal).toBe('Testo late');
    expect(next.problem).toBe('Moduli di carta');
    expect(next.authors.map((a) => a.objectId)).toEqual([
      'anna',
      'amender-early',
      'amender-problem',
      'amender-late',
    ]);
  });

  it('adds neither an existing author nor an erased amender', () => {
    const next = reconcile(
      idea,
      [
        accepted('a', 1, { author: anna }),
        accepted('b', 2, { author: { objectId: null, name: null } }),
      ],
      0,
    );
    expect(next.authors).toEqual([anna]);
    expect(next.proposal).toBe('Testo b');
  });

  it('gives the same idea whatever the order and number of times it runs', () => {
    const amendments = fc.array(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        status: fc.constantFrom<Amendment['status'][]>('open', 'accepted', 'rejected'),
        field: fc.constantFrom<Amendment['field'][]>('proposal', 'problem'),
        minute: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(amendments, fc.integer({ min: 0, max: 20 }), (specs, comments) => {
        const rows = specs.map((s, i) =>
          s.status === 'accepted'
            ? accepted(`${s.id}${i}`, s.minute, {
                field: s.field,
                author: { objectId: s.id, name: s.id },
              })
            : amendment(`${s.id}${i}`, { status: s.status, field: s.field }),
        );
        const once = reconcile(idea, rows, comments);
        expect(reconcile(once, [...rows].reverse(), comments)).toEqual(once);
        expect(revised(once, reconcile(once, rows, comments))).toBe(false);
      }),
    );
  });

  it('says whether anything changed', () => {
    expect(revised(idea, reconcile(idea, [], 0))).toBe(false);
    expect(revised(idea, reconcile(idea, [], 1))).toBe(true);
    expect(revised(idea, reconcile(idea, [amendment('a')], 0))).toBe(true);
    expect(revised(idea, reconcile(idea, [accepted('a', 1)], 0))).toBe(true);
  });
});

describe('the notice of a history entry', () => {
  const entry = (fields: Partial<HistoryEntry>): HistoryEntry => ({
    kind: 'history',
    ideaId: idea.id,
    id: '2026-03-03T09:00:00.000Z|abcdef',
    event: 'status',
    at: new Date('2026-03-03T09:00:00Z'),
    actor: anna,
    status: 'underReview',
    reason: null,
    field: null,
    before: null,
    after: null,
    other: null,
    labId: null,
    amendmentId: null,
    ...fields,
  });

  it('tells of a decision, a proposal, a status change and a merge; not of the rest', () => {
    const at = new Date('2026-03-03T09:00:00Z');
    expect(noticeOf(entry({ event: 'amendmentAccepted', amendmentId: 'x' }))).toEqual({
      kind: 'amendmentDecided',
      ideaId: idea.id,
      amendmentId: 'x',
      actor: 'anna',
      at,
    });
    for (const event of ['amendmentProposed', 'status', 'merged'] as const) {
      expect(noticeOf(entry({ event }))).toMatchObject({ kind: 'update', entryId: entry({}).id });
    }
    for (const event of ['submitted', 'mergedFrom', 'unmerged', 'hidden', 'restored'] as const) {
      expect(noticeOf(entry({ event }))).toBeUndefined();
    }
  });

  it('has a decision entry id that a retry finds again, one per amendment and time', () => {
    const at = new Date('2026-03-03T09:00:00Z');
    expect(decisionEntryId({ id: 'x' }, at)).toBe(decisionEntryId({ id: 'x' }, new Date(at)));
    expect(decisionEntryId({ id: 'x' }, at)).not.toBe(decisionEntryId({ id: 'y' }, at));
    expect(decisionEntryId({ id: 'x' }, at)).toMatch(/^2026-03-03T09:00:00.000Z\|[0-9a-f]{6}$/);
  });
});
