/**
 * A small in-process cache: at most `maxEntries`, each for `ttlMs`, least recently used evicted
 * first. Only for data whose staleness is harmless or caught (etag checks, short TTLs).
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /**
   * The cached promise for `key`, or `load()`'s, cached: concurrent callers share one load, and a
   * load that fails is dropped (unless something newer replaced it meanwhile), so the next caller
   * loads again.
   */
  getOrLoad<T>(this: LruCache<K, Promise<T>>, key: K, load: () => Promise<T>): Promise<T> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const loading = load();
    this.set(key, loading);
    loading.catch(() => {
      if (this.entries.get(key)?.value === loading) this.entries.delete(key);
    });
    return loading;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
