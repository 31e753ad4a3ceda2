import type { TableStore } from '../core/store/table-store';
import { PEOPLE_TABLE } from '../core/directory/people.repository';

export type Health = { ok: true } | { ok: false; reason: string };

/** The store is reachable when a one-row query on a known table answers in time. */
export async function checkStore(store: TableStore, timeoutMs = 2_000): Promise<Health> {
  try {
    const pages = store
      .client(PEOPLE_TABLE)
      .listEntities({ abortSignal: AbortSignal.timeout(timeoutMs) })
      .byPage({ maxPageSize: 1 });
    await pages.next();
    return { ok: true };
  } catch (error) {
    const name = (error as Error).name;
    return {
      ok: false,
      reason: name === 'AbortError' ? 'store timed out' : `store unreachable (${name})`,
    };
  }
}
