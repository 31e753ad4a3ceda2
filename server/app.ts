import { randomBytes } from 'node:crypto';
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
import { AggregatesPublisher } from '../core/assessment/aggregates-publisher';
import { AggregatesRepository } from '../core/assessment/aggregates.repository';
import { AssessmentCampaignsRepository } from '../core/assessment/assessment-campaigns.repository';
import { submittedBy } from '../core/assessment/assessment-messages';
import { AssessmentService } from '../core/assessment/assessment.service';
import { loadQuestionnaire, type Questionnaire } from '../core/assessment/questionnaire';
import { ResponsesRepository } from '../core/assessment/responses.repository';
import { ConversationRefsRepository } from '../core/conversations/conversation-refs.repository';
import type { Campaign } from '../core/delivery/campaign';
import { CampaignService } from '../core/delivery/campaign.service';
import { CampaignsRepository } from '../core/delivery/campaigns.repository';
import { DeliveriesRepository } from '../core/delivery/deliveries.repository';
import { MessageKinds } from '../core/delivery/message-kinds';
import {
  DeliveryEngine,
  type DeliveryEngineOptions,
  type ProactiveSender,
} from '../core/delivery/delivery-engine';
import { RespondentsRepository } from '../core/delivery/respondents.repository';
import { CandidatesRepository } from '../core/facilitators/candidates.repository';
import { RoundPreparation } from '../core/facilitators/round-preparation';
import { RoundsRepository } from '../core/facilitators/rounds.repository';
import { RoundsService } from '../core/facilitators/rounds.service';
import { ShardsRepository } from '../core/delivery/shards.repository';
import { TenantBudget } from '../core/delivery/tenant-budget';
import { assessmentMessageKinds } from '../bot/delivery/campaign-messages';
import {
  facilitatorActions,
  facilitatorCommands,
} from '../bot/features/facilitators/facilitators.handlers';
import { facilitatorMessageKinds } from '../bot/features/facilitators/facilitators.messages';
import { CommunityService } from '../core/facilitators/community.service';
import { FacilitatorsRepository } from '../core/facilitators/facilitators.repository';
import { botTokenSource, ConnectorSender } from '../bot/delivery/connector-sender';
import { Dashboard } from '../core/dashboard/dashboard';
import { DirectoryService } from '../core/directory/directory.service';
import { DirectoryHeadcounts } from '../core/directory/headcounts';
import { directorySnapshot, type DirectorySnapshot } from '../core/directory/directory-snapshot';
import { PerImport } from '../core/directory/per-import';
import { CampaignCompletions } from '../core/delivery/campaign-completions';
import { OrgUnitsRepository } from '../core/directory/org-units.repository';
import { PeopleRepository } from '../core/directory/people.repository';
import { PrivacyService } from '../core/privacy/privacy.service';
import { Publications } from '../core/privacy/publication';
import { PublicationsRepository } from '../core/privacy/publications.repository';
import { Pseudonyms } from '../core/privacy/pseudonyms';
import { privacyPolicy } from '../core/privacy/suppression';
import { AuditLog } from '../core/audit/audit-log';
import trainingCatalogueFile from '../content/training/catalogue.v1.json';
import {
  loadTrainingCatalogue,
  type TrainingCatalogue,
} from '../core/facilitators/training-catalogue';
import { TrainingNudge } from '../core/facilitators/training-nudge';
import { TrainingRecordsRepository } from '../core/facilitators/training-records.repository';
import { TrainingService } from '../core/facilitators/training.service';
import { DEFAULT_TRAINING_TARGET_HOURS } from '../core/facilitators/training-path';
import { trainingMessageKinds } from '../bot/delivery/training-messages';
import { trainingActions, trainingCommands } from '../bot/features/training/training.handlers';
import { DEFAULT_RETENTION, Retention } from '../core/retention/retention';
import { ContestsRepository } from '../core/contests/contests.repository';
import { CONTEST_WINNER, ContestsService } from '../core/contests/contests.service';
import { ImagePipeline } from '../core/media/images';
import { BlobStore, blobTargetOf } from '../core/store/blobs';
import { contestMessageKinds } from '../bot/delivery/contest-messages';
import { Leases } from '../core/store/leases';
import { TableStore } from '../core/store/table-store';
import { AbuseLimits, DEFAULT_ABUSE_LIMITS } from '../core/util/abuse-limits';
import { IdeasRepository } from '../core/ideas/ideas.repository';
import { IdeasService } from '../core/ideas/ideas.service';
import { noticeSender } from '../core/ideas/idea-messages';
import { ideaMessageKinds } from '../bot/features/ideas/ideas.messages';
import { ideaActions, ideaCommands } from '../bot/features/ideas/ideas.handlers';
import { ALL_CONTAINERS, ALL_TABLES, TAB_ROUTES } from './registry';
import { openEmbeddedStore } from './azurite';
import { DEFAULT_DELIVERY, type Config, type StoreConfig } from './config';
import { createAuthenticator, type Authenticator } from '../tab/api/auth/authenticator';
import type { CardAction } from '../bot/card-actions';
import { createHttpServer } from './http';
import { createLabsFeature, type LabsFeature } from '../core/labs/labs-feature';
import { ChannelPoster, type ChannelSender } from '../core/labs/channel-poster';
import { labMessageKinds, labPostCards } from '../bot/features/labs/labs.messages';
import { labActions, labCommands } from '../bot/features/labs/labs.handlers';
import { TeamRegistry } from '../bot/team-registry';
import { personalDataHolders, retentionRules } from './personal-data';
import { countedDelivery } from './telemetry-campaigns';
import surveyTemplateCommunication from '../content/surveys/programme-communication.json';
import surveyTemplateAgile from '../content/surveys/agile-working.json';
import surveyTemplateLab from '../content/surveys/lab-usefulness.json';
import surveyTemplateTraining from '../content/surveys/training-needs.json';
import { SurveyAnswersRepository } from '../core/surveys/answers.repository';
import { PoolCipher } from '../core/surveys/pool-cipher';
import { SurveyService } from '../core/surveys/survey.service';
import { SurveysRepository } from '../core/surveys/surveys.repository';
import { loadSurveyTemplates, type SurveyTemplate } from '../core/surveys/templates';
import { surveyActions } from '../bot/features/surveys/surveys.handlers';
import { surveyMessageKinds } from '../bot/features/surveys/surveys.messages';
import { ProgrammeOverview } from '../core/overview/overview';
import { OverviewRefresh } from '../core/overview/overview-refresh';
import { OverviewRepository } from '../core/overview/overview.repository';
import { PostsRepository } from '../core/workspace/posts.repository';
import { PostsService } from '../core/workspace/posts.service';
import { postMessages } from '../core/workspace/post-messages';
import { AnnouncementChannels } from '../core/workspace/announcement-channels';
import { postActivity, workspaceMessageKinds } from '../bot/features/workspace/workspace.messages';
import { subjectsByFeature } from '../core/labs/channel-poster';
import { DEFAULT_LOCALE } from '../core/directory/person';
import { CommunityBoard } from '../core/workspace/board';
import { PostAttachments, WORKSPACE_FILES_CONTAINER } from '../core/workspace/attachments';

export interface Services {
  store: TableStore;
  directory: DirectoryService;
  /** The whole directory in memory per import: names in cached views, the person picker. */
  directorySnapshot: DirectorySnapshot;
  people: PeopleRepository;
  orgUnits: OrgUnitsRepository;
  conversationRefs: ConversationRefsRepository;
  questionnaire: Questionnaire;
  pseudonyms: Pseudonyms;
  responses: ResponsesRepository;
  aggregates: AggregatesRepository;
  publications: Publications;
  publisher: AggregatesPublisher;
  assessmentCampaigns: AssessmentCampaignsRepository;
  assessment: AssessmentService;
  /** The managers' dashboard: the read model every screen and export of the aggregates reads. */
  dashboard: Dashboard;
  privacy: PrivacyService;
  audit: AuditLog;
  retention: Retention;
  respondents: RespondentsRepository;
  candidates: CandidatesRepository;
  rounds: RoundsRepository;
  /** Facilitator selection rounds: shortlists, coverage, overrides (admins). */
  facilitatorRounds: RoundsService;
  /** New rounds' shortlists, built in the background (resumed by main after a crash). */
  roundPreparation: RoundPreparation;
  delivery: DeliveryRepositories;
  /** Every kind of proactive message the app sends (a feature adds its own here). */
  kinds: MessageKinds;
  campaigns: CampaignService;
  completions: CampaignCompletions;
  deliverySettings: Config['delivery'];
  /** The id Teams knows the app by (TEAMS_APP_ID): the bot's links into the tab need it. */
  teamsAppId: Config['teamsAppId'];
  /** Per-person write limits, shared by the bot and the tab API. */
  limits: AbuseLimits;
  /** The facilitators' roster. */
  facilitators: FacilitatorsRepository;
  /** The facilitator community after selection: invitations, approvals, the role, consent. */
  community: CommunityService;
  training: TrainingService;
  /** The monthly nudge to facilitators behind schedule (started by main). */
  trainingNudge: TrainingNudge;
  /** Call4Ideas: calls, ideas, votes, amendments, comments, moderation, merging. */
  ideas: IdeasService;
  /** Labs: their boards, updates, channel posts and weekly summaries. */
  labs: LabsFeature;
  /** This instance's id in store leases and channel claims. */
  owner: string;
  /** Pulse surveys: building, launching, answering in chat, results; `tick` started by main. */
  surveys: SurveyService;
  /** The storage account's blobs (the same account as the tables). */
  blobs: BlobStore;
  /** The one image pipeline: every uploaded image is checked and re-encoded by it. */
  images: ImagePipeline;
  /** The logo contest. */
  contests: ContestsService;
  /** The programme overview's read model (managers, admins). */
  overview: ProgrammeOverview;
  /** Keeps the overview's rows (started by main; `overview rebuild`). */
  overviewRefresh: OverviewRefresh;
  /** The facilitators' workspace: posts, their versions and marks, announcements. */
  posts: PostsService;
  /** The channels posts are announced in (admins link them), posted by the channel poster. */
  announcementChannels: AnnouncementChannels;
  /** The facilitators' community board: questions, replies, "risolto". */
  board: CommunityBoard;
  /** The posts' files (images through the image pipeline, documents checked by content). */
  attachments: PostAttachments;
}

export interface DeliveryRepositories {
  campaigns: CampaignsRepository;
  shards: ShardsRepository;
  deliveries: DeliveriesRepository;
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
    await ensureStorage(store);
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
  await ensureStorage(store);
  return { store, close: async () => {} };
}

/** The survey templates shipped in content/surveys; a bad one stops start-up, named. */
export function shippedSurveyTemplates(): SurveyTemplate[] {
  return loadSurveyTemplates([
    surveyTemplateCommunication,
    surveyTemplateAgile,
    surveyTemplateLab,
    surveyTemplateTraining,
  ]);
}

/** Creates the tables and the blob containers that do not exist yet; safe on every start. */
export async function ensureStorage(store: TableStore): Promise<void> {
  await Promise.all([
    store.ensureTables(ALL_TABLES),
    new BlobStore(blobTargetOf(store.target), store.prefix).ensureContainers(ALL_CONTAINERS),
  ]);
}

/** The questionnaire shipped in content/; a bad file stops start-up with the item it names. */
export function shippedQuestionnaire(): Questionnaire {
  return loadQuestionnaire(questionnaireFile);
}

/** The training catalogue shipped in content/; a bad file stops start-up naming the module. */
export function shippedTrainingCatalogue(questionnaire: Questionnaire): TrainingCatalogue {
  return loadTrainingCatalogue(
    trainingCatalogueFile,
    questionnaire.dimensions.map((d) => d.id),
  );
}

export function createServices(
  store: TableStore,
  {
    pseudonymSecret,
    delivery: deliverySettings = DEFAULT_DELIVERY,
    privacy: policy = privacyPolicy(),
    retention: periods = DEFAULT_RETENTION,
    abuseLimits = DEFAULT_ABUSE_LIMITS,
    teamsAppId,
    programmeContactUpn,
    trainingTargetHours = DEFAULT_TRAINING_TARGET_HOURS,
    now,
  }: Pick<Config, 'pseudonymSecret'> &
    Partial<
      Pick<
        Config,
        | 'delivery'
        | 'privacy'
        | 'retention'
        | 'abuseLimits'
        | 'teamsAppId'
        | 'programmeContactUpn'
        | 'trainingTargetHours'
      >
    > & {
      /** The retention purge's and the training schedule's clock (tests move it). */
      now?: () => Date;
    },
): Services {
  const orgUnits = new OrgUnitsRepository(store);
  const people = new PeopleRepository(store);
  const directory = new DirectoryService(people, orgUnits);
  const conversationRefs = new ConversationRefsRepository(store);
  const pseudonyms = new Pseudonyms(store, pseudonymSecret);
  const questionnaire = shippedQuestionnaire();
  const responses = new ResponsesRepository(store);
  const aggregates = new AggregatesRepository(store);
  const assessmentCampaigns = new AssessmentCampaignsRepository(store);
  const respondents = new RespondentsRepository(store);
  const candidates = new CandidatesRepository(store);
  const assessment = new AssessmentService({
    questionnaire,
    // One open assessment campaign per questionnaire version until campaigns are managed.
    campaignId: `${questionnaire.id}-v${questionnaire.version}`,
    responses,
    aggregates,
    assessmentCampaigns,
    policy,
    orgUnits,
    pseudonyms,
    respondents,
    // The community is created below, before a submission can reach it.
    candidates: { submitted: (...submission) => community.submitted(...submission) },
  });
  const publications = new Publications(new PublicationsRepository(store));
  const publisher = new AggregatesPublisher({
    aggregates,
    responses,
    assessmentCampaigns,
    publications,
  });
  const headcounts = new DirectoryHeadcounts({ people, orgUnits });
  const dashboard = new Dashboard({
    aggregates,
    publications,
    assessmentCampaigns,
    current: assessment,
    headcounts,
  });
  const delivery: DeliveryRepositories = {
    campaigns: new CampaignsRepository(store),
    shards: new ShardsRepository(store),
    deliveries: new DeliveriesRepository(store),
  };
  const audit = new AuditLog(store);
  const rounds = new RoundsRepository(store);
  const facilitators = new FacilitatorsRepository(store);
  // The campaign service and the kinds need each other: the community starts campaigns and its
  // kinds ask the community; `campaigns` is created below, before anything can call it.
  const community = new CommunityService({
    rounds,
    roster: facilitators,
    directory,
    deciders: new PerImport(orgUnits, () =>
      people.where((person) => person.manager || person.roles.includes('admin')),
    ),
    campaigns: { start: (input): Promise<Campaign> => campaigns.start(input) },
    startedCampaigns: delivery.campaigns,
    audit,
    candidates,
  });
  const trainingRecords = new TrainingRecordsRepository(store);
  const training = new TrainingService({
    catalogue: shippedTrainingCatalogue(questionnaire),
    records: trainingRecords,
    facilitators,
    assessment,
    directory,
    audit,
    targetHours: trainingTargetHours,
    ...(now ? { now } : {}),
  });
  const leases = new Leases(store);
  const owner = randomBytes(6).toString('hex');
  const ideaStore = new IdeasRepository(store);
  const ideas = new IdeasService({
    repository: ideaStore,
    audit,
    notify: noticeSender({ start: (input) => campaigns.start(input) }),
    leases,
    owner,
    ...(now ? { now } : {}),
  });
  const labs = createLabsFeature({
    store,
    directory,
    campaigns: { start: (input): Promise<Campaign> => campaigns.start(input) },
    leases,
    owner,
    cards: labPostCards(directory),
    ...(now ? { now } : {}),
  });
  const surveyRecords = new SurveysRepository(store);
  const surveyAnswers = new SurveyAnswersRepository(store, new PoolCipher(pseudonymSecret));
  const surveys: SurveyService = new SurveyService({
    surveys: surveyRecords,
    answers: surveyAnswers,
    respondents,
    pseudonyms,
    // `campaigns` is created below, before anything can call these.
    campaigns: {
      start: (input): Promise<Campaign> => campaigns.start(input),
      remind: (id, afterMs, by): Promise<Campaign> => campaigns.remind(id, afterMs, by),
      cancel: (id): Promise<Campaign> => campaigns.cancel(id),
    },
    audit,
    headcounts,
    templates: shippedSurveyTemplates(),
    ...(now ? { now } : {}),
  });
  const blobs = new BlobStore(blobTargetOf(store.target), store.prefix);
  const images = new ImagePipeline();
  const contests = new ContestsService({
    contests: new ContestsRepository(store),
    blobs,
    images,
    directory,
    audit,
    announce: ({ id, subject, createdBy }): Promise<Campaign> =>
      campaigns.start({ id, kind: CONTEST_WINNER, subject, audience: { kind: 'all' }, createdBy }),
    ...(now ? { now } : {}),
  });
  const postRows = new PostsRepository(store);
  const announcementChannels = new AnnouncementChannels({
    store,
    teams: labs.teams,
    queue: labs.posts,
    posts: postRows,
    card: async (post, locale) => postActivity(post, locale, teamsAppId),
    locale: DEFAULT_LOCALE,
    ...(now ? { now } : {}),
  });
  const posts = new PostsService({
    repository: postRows,
    roster: facilitators,
    directory,
    audit,
    messages: postMessages({
      campaigns: { start: (input): Promise<Campaign> => campaigns.start(input) },
      channels: announcementChannels,
    }),
    files: { delete: (names) => blobs.delete(WORKSPACE_FILES_CONTAINER, names) },
    ...(now ? { now } : {}),
  });
  const board = new CommunityBoard(store, now);
  // Every kind of proactive message, by feature: the engine, previews and reminders ask these.
  const kinds = new MessageKinds([
    ...assessmentMessageKinds(
      questionnaire,
      async () => (await assessment.lockCampaign()).policy.k,
      submittedBy(respondents, pseudonyms),
    ),
    ...facilitatorMessageKinds({ community, directory, contactUpn: programmeContactUpn }),
    ...trainingMessageKinds(() => training.behindSchedule()),
    ...ideaMessageKinds(ideaStore),
    ...labMessageKinds({ labs: labs.labRows, themes: labs.themes, directory }),
    ...surveyMessageKinds(surveys, submittedBy(respondents, pseudonyms)),
    ...contestMessageKinds(contests),
    ...workspaceMessageKinds(postRows, teamsAppId),
  ]);
  const personalData = {
    ...delivery,
    directory,
    people,
    pseudonyms,
    assessment,
    responses,
    aggregates,
    respondents,
    conversationRefs,
    audit,
    candidates,
    rounds,
    facilitators,
    trainingRecords,
    ideas,
    labs,
    surveys: surveyRecords,
    surveyAnswers,
    contests,
    posts,
    board,
  };
  const privacy = new PrivacyService({ pseudonyms, holders: personalDataHolders(personalData) });
  const retention = new Retention({
    rules: retentionRules(personalData),
    periods,
    audit,
    leases,
    owner,
    ...(now ? { now } : {}),
  });
  const roundPreparation = new RoundPreparation({
    rounds,
    candidates,
    directory,
    headcounts,
    orgUnits,
    leases,
    owner,
    ...(now ? { now } : {}),
  });
  const overviewRows = new OverviewRepository(store);
  const campaigns = new CampaignService({
    ...delivery,
    people,
    conversationRefs,
    kinds,
    orgUnits,
    ratePerSecond: deliverySettings.ratePerSecond,
  });
  return {
    store,
    directory,
    directorySnapshot: directorySnapshot(people, orgUnits),
    people,
    orgUnits,
    conversationRefs,
    questionnaire,
    pseudonyms,
    responses,
    aggregates,
    publications,
    publisher,
    assessmentCampaigns,
    assessment,
    dashboard,
    privacy,
    audit,
    retention,
    respondents,
    candidates,
    rounds,
    facilitatorRounds: new RoundsService({
      rounds,
      candidates,
      directory,
      orgUnits,
      headcounts,
      audit,
      preparation: roundPreparation,
    }),
    roundPreparation,
    delivery,
    kinds,
    campaigns,
    completions: new CampaignCompletions({
      ...delivery,
      doneBy: (campaign) => kinds.doneBy(campaign),
      k: async (subject) => (await assessmentCampaigns.find(subject))?.policy.k ?? policy.k,
    }),
    deliverySettings,
    teamsAppId,
    limits: new AbuseLimits(abuseLimits),
    facilitators,
    community,
    training,
    trainingNudge: new TrainingNudge({
      training,
      campaigns,
      leases,
      owner,
      ...(now ? { now } : {}),
    }),
    ideas,
    labs,
    owner,
    surveys,
    blobs,
    images,
    contests,
    overview: new ProgrammeOverview({
      repository: overviewRows,
      dashboard,
      surveys,
      headcounts,
      trainingTargetHours,
    }),
    overviewRefresh: new OverviewRefresh({
      repository: overviewRows,
      labs: labs.labRows,
      board: labs.boardRows,
      themes: labs.themes,
      ideas,
      ideaRows: ideaStore,
      facilitators,
      orgUnits,
      trainingRecords,
      dashboard,
      currentCampaign: () => assessment.campaignId,
      leases,
      owner,
      ...(now ? { now } : {}),
    }),
    posts,
    announcementChannels,
    board,
    attachments: new PostAttachments({ posts, repository: postRows, blobs, images }),
  };
}

/**
 * This instance's channel poster (labs' updates and weekly summaries): the engine's connector
 * sender and the same tenant budget row, so posts and campaigns share the tenant's rate.
 */
export function createChannelPoster(
  services: Services,
  botAuth: Config['botAuth'],
  overrides: { sender?: ChannelSender } = {},
): ChannelPoster {
  const { ratePerSecond, maxAttempts } = services.deliverySettings;
  const poster = new ChannelPoster({
    posts: services.labs.posts,
    subjects: subjectsByFeature(services.labs.updates, services.announcementChannels),
    budget: new TenantBudget(services.store, { ratePerSecond }),
    sender: overrides.sender ?? new ConnectorSender(botTokenSource(botAuth)),
    owner: services.owner,
    maxAttempts,
  });
  services.labs.onQueued(() => void poster.drain().catch(() => undefined));
  services.announcementChannels.onQueued(() => void poster.drain().catch(() => undefined));
  return poster;
}

/**
 * This instance's share of proactive delivery. The sender defaults to the Bot Connector over HTTP
 * with the bot's credentials; every instance started over the same store shares the work.
 * `overrides` serve tests and benchmarks (a counting sender, shorter leases).
 */
export function createDeliveryEngine(
  services: Services,
  botAuth: Config['botAuth'],
  logger: Logger,
  overrides: { sender?: ProactiveSender; options?: Partial<DeliveryEngineOptions> } = {},
): DeliveryEngine {
  const { ratePerSecond, maxAttempts } = services.deliverySettings;
  const { sender, message } = countedDelivery(
    overrides.sender ?? new ConnectorSender(botTokenSource(botAuth)),
    services.kinds.build,
  );
  return new DeliveryEngine(
    {
      ...services.delivery,
      people: services.people,
      conversationRefs: services.conversationRefs,
      recipients: (campaign) => services.kinds.recipients(campaign),
      budget: new TenantBudget(services.store, { ratePerSecond }),
      sender,
      message,
      log: logger.child({ component: 'delivery' }),
    },
    { ratePerSecond, maxAttempts, ...overrides.options },
  );
}

/** The bot with every feature; `extraActions` lets a benchmark add a verb of its own. */
export function createBot(
  services: Services,
  logger: Logger,
  extraActions: CardAction[] = [],
): OiboBot {
  const features = { assessment: services.assessment, questionnaire: services.questionnaire };
  const labDeps = {
    labs: services.labs.labs,
    updates: services.labs.updates,
    directory: services.directory,
  };
  return new OiboBot({
    directory: services.directory,
    conversationRefs: services.conversationRefs,
    logger,
    privacyThreshold: async () => (await services.assessment.lockCampaign()).policy.k,
    limits: services.limits,
    teams: new TeamRegistry(services.labs.teams, logger),
    commands: [
      ...assessmentCommands(features),
      ...trainingCommands(services.training),
      ...privacyCommands(services.privacy, services.questionnaire, services.teamsAppId),
      ...facilitatorCommands(services.community),
      ...ideaCommands(services.ideas),
      ...labCommands(labDeps),
    ],
    cardActions: [
      ...assessmentActions(features),
      ...privacyActions(services.privacy),
      ...facilitatorActions(services.community),
      ...trainingActions(services.training),
      ...ideaActions(services.ideas),
      ...labActions(labDeps),
      ...surveyActions(services.surveys),
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
  options: { botAuth: Config['botAuth']; authenticate: Authenticator; hsts?: boolean },
  services: Services,
  logger: Logger,
  bot: OiboBot = createBot(services, logger),
): restify.Server {
  return createHttpServer({
    adapter: createAdapter(options.botAuth, logger),
    bot,
    store: services.store,
    logger,
    hsts: options.hsts ?? false,
    tabApi: {
      authenticate: options.authenticate,
      routes: TAB_ROUTES.map((register) => (server, route) => register(server, route, services)),
    },
  });
}
