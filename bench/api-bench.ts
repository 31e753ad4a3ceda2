import { randomBytes } from 'node:crypto';
import type { Role } from '../core/directory/person';
import { TableStore } from '../core/store/table-store';
import { createBotServer, createServices, type Services } from '../server/app';
import { ALL_TABLES } from '../server/registry';
import { identityOf } from '../tab/api/auth/identity';
import { silentLogger } from '../test/bot-harness';

/**
 * What the API benchmarks share: a fresh store on the bench's Azurite (its own table prefix),
 * the app's HTTP server answering as one caller, and the latencies of concurrent callers.
 */
export async function freshServices(
  connectionString: string,
): Promise<{ store: TableStore; services: Services; drop: () => Promise<void> }> {
  const store = new TableStore(
    { kind: 'connectionString', connectionString },
    `b${randomBytes(4).toString('hex')}`,
  );
  await store.ensureTables(ALL_TABLES);
  const services = createServices(store, {
    pseudonymSecret: 'bench-only-0123456789abcdef0123456789',
  });
  return { store, services, drop: () => store.deleteTables(ALL_TABLES) };
}

/** The app's server on a free local port, every request authenticated as `objectId`. */
export async function apiAs(
  services: Services,
  objectId: string,
  roles: Role[],
): Promise<{ origin: string; close: () => void }> {
  const server = createBotServer(
    {
      botAuth: { mode: 'local' },
      authenticate: async () => ({ ...identityOf(objectId), roles }),
    },
    services,
    silentLogger,
  );
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => void server.close() };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface Latencies {
  p50: number;
  p95: number;
}

/**
 * `requests` calls from `concurrency` callers at once, after `warmUp` calls one by one; each
 * call timed from its start to its answer's last byte.
 */
export async function latencies(
  call: () => Promise<unknown>,
  { requests = 300, warmUp = 20, concurrency = 10 } = {},
): Promise<Latencies> {
  for (let i = 0; i < warmUp; i++) await call();
  const times: number[] = [];
  const caller = async (): Promise<void> => {
    while (times.length < requests) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const sorted = times.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/**
 * The heap (MB) `load` leaves held: what an in-memory view costs. Measured after full collections,
 * so only when the process runs with `--expose-gc` (null otherwise).
 */
export async function heapHeldBy(load: () => Promise<unknown>): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    await load();
    return null;
  }
  const used = () => {
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const before = used();
  await load();
  return used() - before;
}
