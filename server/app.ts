import { DefaultAzureCredential } from '@azure/identity';
import type { Logger } from 'pino';
import type restify from 'restify';
import { createAdapter } from '../bot/adapter';
import { OiboBot } from '../bot/oibo-bot';
import { ConversationRefsRepository } from '../core/conversations/conversation-refs.repository';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { DirectoryService } from '../core/directory/directory.service';
import { OrgUnitsRepository } from '../core/directory/org-units.repository';
import { PeopleRepository } from '../core/directory/people.repository';
import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from '../core/tables';
import { openEmbeddedStore } from './azurite';
import type { Config, StoreConfig } from './config';
import { createHttpServer } from './http';

export interface Services {
  store: TableStore;
  directory: DirectoryService;
  conversationRefs: ConversationRefsRepository;
}

export interface OpenedStore {
  store: TableStore;
  close(): Promise<void>;
}

/** Connects to the configured store (starting the embedded one if needed) and creates tables. */
export async function openStore(config: StoreConfig): Promise<OpenedStore> {
  if (config.kind === 'embedded') {
    const azurite = await openEmbeddedStore(config.dataDir);
    const store = new TableStore(
      { kind: 'connectionString', connectionString: azurite.connectionString },
      config.prefix,
    );
    await store.ensureTables(ALL_TABLES);
    return { store, close: () => azurite.stop() };
  }
  const store =
    config.kind === 'connectionString'
      ? new TableStore(
          { kind: 'connectionString', connectionString: config.connectionString },
          config.prefix,
        )
      : new TableStore(
          { kind: 'endpoint', endpoint: config.endpoint, credential: new DefaultAzureCredential() },
          config.prefix,
        );
  await store.ensureTables(ALL_TABLES);
  return { store, close: async () => {} };
}

export function createServices(store: TableStore): Services {
  return {
    store,
    directory: new DirectoryService(new PeopleRepository(store), new OrgUnitsRepository(store)),
    conversationRefs: new ConversationRefsRepository(store),
  };
}

/** Fills an empty directory with the synthetic demo organisation (local use only). */
export async function seedDemoData(services: Services, logger: Logger): Promise<void> {
  if (!(await services.directory.isEmpty())) return;
  const summary = await services.directory.importPeople(generateDemoDirectory());
  logger.info(summary, 'demo directory created');
}

export function createBotServer(
  config: Pick<Config, 'botAuth'>,
  services: Services,
  logger: Logger,
): restify.Server {
  const adapter = createAdapter(config.botAuth, logger);
  const bot = new OiboBot({
    directory: services.directory,
    conversationRefs: services.conversationRefs,
    logger,
  });
  return createHttpServer({ adapter, bot, store: services.store, logger });
}
