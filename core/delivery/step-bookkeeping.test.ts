import type { Delivery, DeliveryStatus } from './deliveries.repository';
import { countRows, inDoubt, leftInFlight, stepMark } from './step-bookkeeping';
import type { InFlight } from './shards.repository';

function row(personId: string, changes: Partial<Delivery> = {}): Delivery {
  return {
    campaignId: 'c1',
    bucket: 0,
    personId,
    locale: 'it-IT',
    status: 'pending',
    attempts: 0,
    throttled: 0,
    notBefore: 0,
    inDoubt: false,
    updatedAt: new Date(0),
    ...changes,
  };
}

/** Marked "m2" while step "m1" was still on its way; both steps' rows listed. */
const twoStepsOut: InFlight = { mark: 'm2', previous: 'm1', at: 1_000, personIds: ['a', 'b', 'c'] };

describe("a step's in-flight mark", () => {
  it('lists the step, the step still on its way (as previous) and the rows not flagged yet', () => {
    const mark = stepMark(
      { mark: 'm2', personIds: ['a', 'b'] },
      5_000,
      { mark: 'm1', personIds: ['c'] },
      new Set(['x']),
    );

    expect(mark).toEqual({
      mark: 'm2',
      previous: 'm1',
      at: 5_000,
      personIds: ['a', 'b', 'c', 'x'],
    });
  });

  it('names no previous step when none is out', () => {
    expect(stepMark({ mark: 'm1', personIds: ['a'] }, 5_000, undefined, [])).toEqual({
      mark: 'm1',
      at: 5_000,
      personIds: ['a'],
    });
  });

  it('leaves exactly the unrecorded rows of both steps in flight after a crash', () => {
    const mark = stepMark(
      { mark: 'm2', personIds: ['a', 'b'] },
      5_000,
      { mark: 'm1', personIds: ['c', 'd'] },
      ['e'],
    );
    // The owner stopped after recording c under its own step's mark, nothing else.
    const shard = ['a', 'b', 'd', 'e', 'f'].map((id) => row(id));
    shard.push(row('c', { mark: 'm1', attempts: 1, notBefore: 9_000 }));

    expect(leftInFlight(mark, shard)).toEqual(new Set(['a', 'b', 'd', 'e']));
  });
});

describe('the rows a stopped owner left in flight', () => {
  it('are none without a mark', () => {
    expect(leftInFlight(undefined, [row('a')])).toEqual(new Set());
  });

  it('are the listed open rows not written since: never written, or under an older mark', () => {
    const shard = [row('a'), row('b', { mark: 'm0', attempts: 1 }), row('c')];

    expect(leftInFlight(twoStepsOut, shard)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('leave out a row recorded under the mark', () => {
    const shard = [row('a', { mark: 'm2', attempts: 1 }), row('b'), row('c')];

    expect(leftInFlight(twoStepsOut, shard)).toEqual(new Set(['b', 'c']));
  });

  it("leave out a row recorded under the previous step's mark (else a crash resends it)", () => {
    const shard = [row('a', { mark: 'm1', attempts: 1, notBefore: 9_000 }), row('b'), row('c')];

    expect(leftInFlight(twoStepsOut, shard)).toEqual(new Set(['b', 'c']));
  });

  it('keep a never-written row when the mark has no previous step (the first step)', () => {
    const first: InFlight = { mark: 'm1', at: 1_000, personIds: ['a', 'b'] };

    expect(leftInFlight(first, [row('a'), row('b', { mark: 'm1' })])).toEqual(new Set(['a']));
  });

  it('leave out settled rows and rows the mark does not list', () => {
    const shard = [
      row('a', { status: 'sent', mark: 'm0' }),
      row('b', { status: 'blocked' }),
      row('c'),
      row('d'),
    ];

    expect(leftInFlight(twoStepsOut, shard)).toEqual(new Set(['c']));
  });
});

describe('a row left in flight', () => {
  it('is in doubt, and not due before its request can no longer be pending', () => {
    expect(inDoubt(row('a', { notBefore: 2_000 }), 1_000, 30_000)).toMatchObject({
      inDoubt: true,
      notBefore: 31_000,
    });
  });

  it('keeps a later retry time of its own', () => {
    expect(inDoubt(row('a', { notBefore: 90_000 }), 1_000, 30_000).notBefore).toBe(90_000);
  });
});

describe("a shard's counts", () => {
  it('count every row in the total, each settled status once, and the rows in doubt', () => {
    const statuses: DeliveryStatus[] = [
      'pending',
      'pending',
      'sent',
      'sent',
      'sent',
      'failed',
      'blocked',
      'unreachable',
      'alreadyCompleted',
    ];
    const shard = statuses.map((status, i) =>
      row(`p${i}`, { status, inDoubt: i === 1 || i === 2 }),
    );

    expect(countRows(shard)).toEqual({
      total: 9,
      sent: 3,
      failed: 1,
      blocked: 1,
      unreachable: 1,
      alreadyCompleted: 1,
      inDoubt: 2,
    });
  });

  it('are all zero for no rows', () => {
    expect(countRows([])).toEqual({
      total: 0,
      sent: 0,
      failed: 0,
      blocked: 0,
      unreachable: 0,
      alreadyCompleted: 0,
      inDoubt: 0,
    });
  });
});
