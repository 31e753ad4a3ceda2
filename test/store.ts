import { generateDemoDirectory } from '../core/directory/demo-directory';
import { createServices, ensureStorage, type Services } from '../server/app';
import { randomBytes } from 'node:crypto';
import { TableStore } from '../core/store/table-store';
import { BlobStore, blobTargetOf } from '../core/store/blobs';
import { ALL_CONTAINERS, ALL_TABLES } from '../server/registry';

/**
 * A store on the run's Azurite with a fresh table and container namespace, so files never see each other's
 * rows. Call in `beforeAll`; the tables and containers are dropped by `drop()` in `afterAll`.
 */
export async function freshStore(): Promise<{ store: TableStore; drop: () => Promise<void> }> {
  const connectionString = process.env.OIBO_TEST_TABLES;
  if (!connectionString) throw new Error('integration tests need the Azurite global setup');
  const store = new TableStore(
    { kind: 'connectionString', connectionString },
    `t${randomBytes(5).toString('hex')}`,
  );
  await ensureStorage(store);
  const blobs = new BlobStore(blobTargetOf(store.target), store.prefix);
  const drop = async () => {
    await Promise.all([store.deleteTables(ALL_TABLES), blobs.deleteContainers(ALL_CONTAINERS)]);
  };
  return { store, drop };
}

export const TEST_CONFIG = { pseudonymSecret: 'integration-tests-only-0123456789abcdef' };

/** A fresh store with the services over it and the demo organisation imported. */
export async function demoServices(): Promise<{ services: Services; drop: () => Promise<void> }> {
  const { store, drop } = await freshStore();
  const services = createServices(store, TEST_CONFIG);
  await services.directory.importPeople(generateDemoDirectory());
  return { services, drop };
}
