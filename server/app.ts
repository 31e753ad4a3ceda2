import { DefaultAzureCredential } from '@azure/identity';
import type { Logger } from 'pino';
import type restify from 'restify';
import questionnaireFile from '../content/questionnaires/digital-mindset.v1.json';
import { createAdapter } from '../bot/adapter';
import {
  assessmentActions,
  assessmentCommands,
} from '../bot/features/assessment/assessment.handlers';
import { privacyActions, privacyCommands } from '../bot/features/privacy/privacy.handlers';
import { OiboBot } from '../bot/oibo-bot';
import { AggregatesRepository } from '../core/assessment/aggregates.repository';
import { AssessmentService } from '../core/assessment/assessment.service';
import { loadQuestionnaire, type Questionnaire } from '../core/assessment/questionnaire';
import { ResponsesRepository } from '../core/assessment/responses.repository';
import { ConversationRefsRepository } from '../core/conversations/conversation-refs.repository';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { DirectoryService } from '../core/directory/directory.service';
import { OrgUnitsRepository } from '../core/directory/org-units.repository';
import { PeopleRepository } from '../core/directory/people.repository';
import { PrivacyService } from '../core/privacy/privacy.service';
import { Pseudonyms } from '../core/privacy/pseudonyms';
import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from '../core/tables';
import { openEmbeddedStore } from './azurite';
import type { Config, StoreConfig } from './config';
import { createAuthenticator, type Authenticator } from '../tab/api/auth/authenticator';
import type { CardAction } from '../bot/card-actions';
import { createHttpServer } from './http';

export interface Services {
  store: TableStore;
  directory: DirectoryService;
  conversationRefs: ConversationRefsRepository;
  questionnaire: Questionnaire;
  pseudonyms: Pseudonyms;
  responses: ResponsesRepository;
  aggregates: AggregatesRepository;
  assessment: AssessmentService;
  privacy: PrivacyService;
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

/** The questionnaire shipped in content/; a bad file stops start-up with the item it names. */
export function shippedQuestionnaire(): Questionnaire {
  return loadQuestionnaire(questionnaireFile);
}

export function createServices(
  store: TableStore,
  { pseudonymSecret }: Pick<Config, 'pseudonymSecret'>,
): Services {
  const orgUnits = new OrgUnitsRepository(store);
  const directory = new DirectoryService(new PeopleRepository(store), orgUnits);
  const conversationRefs = new ConversationRefsRepository(store);
  const pseudonyms = new Pseudonyms(store, pseudonymSecret);
  const questionnaire = shippedQuestionnaire();
  const responses = new ResponsesRepository(store);
  const aggregates = new AggregatesRepository(store);
  const assessment = new AssessmentService({
    questionnaire,
    // One open assessment campaign per questionnaire version until campaigns are managed.
    campaignId: `${questionnaire.id}-v${questionnaire.version}`,
    responses,
    aggregates,
    orgUnits,
    pseudonyms,
  });
  const privacy = new PrivacyService({ directory, pseudonyms, assessment, conversationRefs });
  return {
    store,
    directory,
    conversationRefs,
    questionnaire,
    pseudonyms,
    responses,
    aggregates,
    assessment,
    privacy,
  };
}

/** Fills an empty directory with the synthetic demo organisation (local use only). */
export async function seedDemoData(services: Services, logger: Logger): Promise<void> {
  if (!(await services.directory.isEmpty())) return;
  const summary = await services.directory.importPeople(generateDemoDirectory());
  logger.info(summary, 'demo directory created');
}

/** The bot with every feature; `extraActions` lets a benchmark add a verb of its own. */
export function createBot(
  services: Services,
  logger: Logger,
  extraActions: CardAction[] = [],
): OiboBot {
  const features = { assessment: services.assessment, questionnaire: services.questionnaire };
  return new OiboBot({
    directory: services.directory,
    conversationRefs: services.conversationRefs,
    logger,
    commands: [...assessmentCommands(features), ...privacyCommands(services.privacy)],
    cardActions: [
      ...assessmentActions(features),
      ...privacyActions(services.privacy),
      ...extraActions,
    ],
  });
}

/** Who calls the tab API: Entra SSO tokens, or demo identities locally (never in production). */
export function createTabAuthenticator(
  config: Pick<Config, 'tabAuth' | 'env'>,
  services: Services,
): Authenticator {
  const auth =
    config.tabAuth.mode === 'entra'
      ? config.tabAuth
      : { mode: 'demo' as const, production: config.env === 'production' };
  return createAuthenticator(auth, services.directory);
}

export function createBotServer(
  options: { botAuth: Config['botAuth']; authenticate: Authenticator },
  services: Services,
  logger: Logger,
  bot: OiboBot = createBot(services, logger),
): restify.Server {
  return createHttpServer({
    adapter: createAdapter(options.botAuth, logger),
    bot,
    store: services.store,
    logger,
    tabApi: {
      authenticate: options.authenticate,
      assessment: services.assessment,
      questionnaire: services.questionnaire,
      privacy: services.privacy,
      aggregates: services.aggregates,
    },
  });
}
