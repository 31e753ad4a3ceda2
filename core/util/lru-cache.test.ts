import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('forgets entries after their time to live', () => {
    let now = 0;
    const cache = new LruCache<string, number>(10, 1_000, () => now);
    cache.set('a', 1);
    now = 999;
    expect(cache.get('a')).toBe(1);
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new LruCache<string, number>(2, 60_000);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('shares one load among concurrent callers', async () => {
    const cache = new LruCache<string, Promise<number>>(10, 60_000);
    let loads = 0;
    let release!: (value: number) => void;
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = cache.getOrLoad('a', load);
    const second = cache.getOrLoad('a', load);
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(await cache.getOrLoad('a', load)).toBe(7);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new LruCache<string, Promise<number>>(10, 60_000);
    await expect(cache.getOrLoad('a', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.getOrLoad('a', () => Promise.resolve(2))).toBe(2);
  });

  it('keeps a newer load when an older one fails after it was replaced', async () => {
    const cache = new LruCache<string, Promise<number>>(10, 60_000);
    let fail!: (error: Error) => void;
    const old = cache.getOrLoad('a', () => new Promise<number>((_, reject) => (fail = reject)));
    cache.delete('a');
    const newer = cache.getOrLoad('a', () => Promise.resolve(3));
    fail(new Error('late'));
    await expect(old).rejects.toThrow('late');
    expect(await newer).toBe(3);
    expect(await cache.getOrLoad('a', () => Promise.resolve(4))).toBe(3);
  });
});
