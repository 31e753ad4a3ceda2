import type { Delivery, DeliveryStatus } from './deliveries.repository';
import { countRows, leftInFlight } from './delivery-engine';
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

const stored = (...rows: Delivery[]) =>
  rows.map((value) => ({ value, etag: `e-${value.personId}` }));

/** Marked "m2" while step "m1" was still on its way; both steps' rows listed. */
const twoStepsOut: InFlight = { mark: 'm2', previous: 'm1', at: 1_000, personIds: ['a', 'b', 'c'] };

describe('the rows a stopped owner left in flight', () => {
  it('are none without a mark', () => {
    expect(leftInFlight(undefined, stored(row('a')))).toEqual(new Set());
  });

  it('are the listed open rows not written since: never written, or under an older mark', () => {
    const rows = stored(row('a'), row('b', { mark: 'm0', attempts: 1 }), row('c'));

    expect(leftInFlight(twoStepsOut, rows)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('leave out a row recorded under the mark', () => {
    const rows = stored(row('a', { mark: 'm2', attempts: 1 }), row('b'), row('c'));

    expect(leftInFlight(twoStepsOut, rows)).toEqual(new Set(['b', 'c']));
  });

  it("leave out a row recorded under the previous step's mark (else a crash resends it)", () => {
    const rows = stored(
      row('a', { mark: 'm1', attempts: 1, notBefore: 9_000 }),
      row('b'),
      row('c'),
    );

    expect(leftInFlight(twoStepsOut, rows)).toEqual(new Set(['b', 'c']));
  });

  it('keep a never-written row when the mark has no previous step (the first step)', () => {
    const first: InFlight = { mark: 'm1', at: 1_000, personIds: ['a', 'b'] };

    expect(leftInFlight(first, stored(row('a'), row('b', { mark: 'm1' })))).toEqual(new Set(['a']));
  });

  it('leave out settled rows and rows the mark does not list', () => {
    const rows = stored(
      row('a', { status: 'sent', mark: 'm0' }),
      row('b', { status: 'blocked' }),
      row('c'),
      row('d'),
    );

    expect(leftInFlight(twoStepsOut, rows)).toEqual(new Set(['c']));
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
    const rows = statuses.map((status, i) => row(`p${i}`, { status, inDoubt: i === 1 || i === 2 }));

    expect(countRows(rows)).toEqual({
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
