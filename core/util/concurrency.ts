import { setImmediate } from 'node:timers/promises';

/** Runs `task` over `items` with at most `limit` in flight; rejects on the first failure. */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Items handled between two yields in loops over large lists (a few milliseconds of work). */
export const YIELD_EVERY = 200;

/** `items.map(map)`, letting timers and I/O run every {@link YIELD_EVERY} items. */
export async function mapYielding<T, U>(items: readonly T[], map: (item: T) => U): Promise<U[]> {
  const mapped: U[] = [];
  for (const [i, item] of items.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await setImmediate();
    mapped.push(map(item));
  }
  return mapped;
}
