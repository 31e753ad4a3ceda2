import { getHeapStatistics } from 'node:v8';
import { TableStore } from '../core/store/table-store';
import { createServices } from '../server/app';
import { heapHeldBy } from './api-bench';

/**
 * bench:memory's app side, in its own process with `npm start`'s flags (its heap limit): the app's
 * services over the seeded store, then the call's ideas and the posts loaded into memory as the
 * first requests load them. Arguments: the store's connection string, its table prefix, the
 * call's id. Prints the heap each part holds and the limit (JSON).
 */
async function main(): Promise<void> {
  const [connectionString, prefix, callId] = process.argv.slice(2) as [string, string, string];
  const store = new TableStore({ kind: 'connectionString', connectionString }, prefix);
  let services: ReturnType<typeof createServices> | undefined;
  const servicesMb = await heapHeldBy(async () => {
    services = createServices(store, {
      pseudonymSecret: 'bench-only-0123456789abcdef0123456789',
    });
  });
  const ideasMb = await heapHeldBy(() => services!.ideas.list(callId, { withHidden: false }));
  const postsMb = await heapHeldBy(() => services!.posts.list({ objectId: 'b', admin: false }, {}));
  console.log(
    JSON.stringify({
      servicesMb,
      ideasMb,
      postsMb,
      heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
      rssMb: process.memoryUsage().rss / 1024 / 1024,
      limitMb: getHeapStatistics().heap_size_limit / 1024 / 1024,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
