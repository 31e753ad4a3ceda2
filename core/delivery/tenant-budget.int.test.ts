import { freshStore } from '../../test/store';
import type { TableStore } from '../store/table-store';
import { TenantBudget } from './tenant-budget';

jest.setTimeout(30_000);

/** The most slots found in any sliding window of `windowMs` (slots ascending). */
function busiestWindow(slots: number[], windowMs: number): number {
  let most = 0;
  let start = 0;
  for (let end = 0; end < slots.length; end++) {
    while (slots[end]! - slots[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('TenantBudget over Azurite', () => {
  let store: TableStore;
  let drop: () => Promise<void>;

  beforeEach(async () => ({ store, drop } = await freshStore()));
  afterEach(() => drop());

  it('gives instances competing for it no more than the rate in any second, and no slot twice', async () => {
    const rate = 200;
    const instances = [1, 2, 3].map(() => new TenantBudget(store, { ratePerSecond: rate }));
    const slots: number[] = [];
    const startedAt = Date.now();
    // Three instances × four senders each, claiming 10 slots at a time, for 600 slots in all.
    await Promise.all(
      instances.flatMap((budget) =>
        [1, 2, 3, 4].map(async () => {
          for (let i = 0; i < 5; i++) slots.push(...(await budget.acquire(10))!);
        }),
      ),
    );
    slots.sort((a, b) => a - b);

    expect(new Set(slots).size).toBe(600);
    expect(busiestWindow(slots, 1_000)).toBeLessThanOrEqual(rate);
    // Close to the rate all the same: 600 slots span about 3 s.
    const span = (slots[slots.length - 1]! - Math.max(slots[0]!, startedAt)) / 1_000;
    expect(span).toBeLessThan((600 / rate) * 1.1);
  });

  it("shares one claim among an instance's waiting callers instead of racing them", async () => {
    const budget = new TenantBudget(store, { ratePerSecond: 100 });
    const claimed = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(() => budget.acquire(5)));

    const slots = claimed.flatMap((s) => s!).sort((a, b) => a - b);
    expect(new Set(slots).size).toBe(40);
    expect(budget.stats.conflicts).toBe(0);
    expect(budget.stats.claims).toBeLessThanOrEqual(2);
    // Each caller's slots are its own consecutive run.
    for (const own of claimed) expect(own!).toEqual([...own!].sort((a, b) => a - b));
  });

  it('holds every instance back for Retry-After after a 429', async () => {
    const [a, b] = [1, 2].map(() => new TenantBudget(store, { ratePerSecond: 50 }));
    await a!.acquire(1);
    const pausedAt = Date.now();
    await a!.pause(1_500);

    const [slot] = (await b!.acquire(1))!;

    expect(slot).toBeGreaterThanOrEqual(pausedAt + 1_500);
    expect(b!.pausedUntil).toBeGreaterThanOrEqual(pausedAt + 1_500);
  });

  it('stops waiting when the caller gives up (pause or cancel)', async () => {
    const budget = new TenantBudget(store, { ratePerSecond: 50 });
    await budget.pause(10_000);
    let cancelled = false;
    setTimeout(() => (cancelled = true), 300);
    const startedAt = Date.now();
    expect(await budget.acquire(5, () => cancelled)).toBeUndefined();
    expect(Date.now() - startedAt).toBeLessThan(1_500);
  });
});
