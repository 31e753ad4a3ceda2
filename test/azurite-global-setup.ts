import { startAzurite, type AzuriteHandle } from '../server/azurite';

declare global {
  var azurite: AzuriteHandle | undefined;
}

/** One in-memory Azurite for the whole integration run; each test file uses its own tables. */
export default async function setup(): Promise<void> {
  globalThis.azurite = await startAzurite();
  process.env.OIBO_TEST_TABLES = globalThis.azurite.connectionString;
}
