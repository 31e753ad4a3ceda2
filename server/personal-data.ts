import type { AggregatesRepository } from '../core/assessment/aggregates.repository';
import { ASSESSMENT_CAMPAIGNS_TABLE } from '../core/assessment/assessment-campaigns.repository';
import type { AssessmentService } from '../core/assessment/assessment.service';
import type { ResponsesRepository } from '../core/assessment/responses.repository';
import type { AuditLog } from '../core/audit/audit-log';
import type { ConversationRefsRepository } from '../core/conversations/conversation-refs.repository';
import type { CampaignsRepository } from '../core/delivery/campaigns.repository';
import type { DeliveriesRepository } from '../core/delivery/deliveries.repository';
import type { RespondentsRepository } from '../core/delivery/respondents.repository';
import { DELIVERY_SHARDS_TABLE } from '../core/delivery/shards.repository';
import { DELIVERY_BUDGET_TABLE } from '../core/delivery/tenant-budget';
import type { DirectoryService } from '../core/directory/directory.service';
import { facilitatorData, trainingData } from '../core/facilitators/facilitators-holders';
import type { FacilitatorsRepository } from '../core/facilitators/facilitators.repository';
import type { TrainingRecordsRepository } from '../core/facilitators/training-records.repository';
import type { PeopleRepository } from '../core/directory/people.repository';
import { ORG_UNITS_TABLE } from '../core/directory/org-units.repository';
import {
  assessmentData,
  auditData,
  campaignsData,
  conversationData,
  deliveryData,
  directoryData,
  identityData,
  respondentsData,
} from '../core/privacy/holders';
import type { NoPersonalData, PersonalDataHolder } from '../core/privacy/personal-data';
import type { Pseudonyms } from '../core/privacy/pseudonyms';
import { PUBLICATIONS_TABLE } from '../core/privacy/publications.repository';
import {
  aggregatesQueueRule,
  auditRule,
  deliveriesRule,
  respondentsRule,
  responsesRule,
} from '../core/retention/rules';
import type { RetentionRule } from '../core/retention/retention';
import { LEASES_TABLE } from '../core/store/leases';
import { OVERVIEW_TABLE } from '../core/overview/overview.repository';
import type { CandidatesRepository } from '../core/facilitators/candidates.repository';
import {
  candidatesData,
  candidatesRule,
  roundsData,
  shortlistRule,
} from '../core/facilitators/holders';
import type { RoundsRepository } from '../core/facilitators/rounds.repository';
import { ideasData } from '../core/ideas/ideas-holders';
import { IDEA_CALLS_TABLE, IDEA_TALLIES_TABLE } from '../core/ideas/ideas.repository';
import type { IdeasService } from '../core/ideas/ideas.service';
import { labsData } from '../core/labs/holders';
import type { LabsFeature } from '../core/labs/labs-feature';
import { LAB_THEMES_TABLE } from '../core/labs/labs.repository';
import { TEAMS_TABLE } from '../core/conversations/teams.repository';
import { CHANNEL_POSTS_TABLE } from '../core/labs/channel-posts.repository';
import { surveysData } from '../core/surveys/holders';
import type { SurveysRepository } from '../core/surveys/surveys.repository';
import type { SurveyAnswersRepository } from '../core/surveys/answers.repository';
import { contestData } from '../core/contests/holders';
import type { ContestsService } from '../core/contests/contests.service';
import { workspaceData } from '../core/workspace/holders';
import type { PostsService } from '../core/workspace/posts.service';
import type { CommunityBoard } from '../core/workspace/board';
import { WORKSPACE_CHANNELS_TABLE } from '../core/workspace/announcement-channels';

/** What the personal-data holders and the retention rules read and delete. */
export interface PersonalDataSources {
  directory: DirectoryService;
  people: PeopleRepository;
  pseudonyms: Pseudonyms;
  assessment: AssessmentService;
  responses: ResponsesRepository;
  aggregates: AggregatesRepository;
  respondents: RespondentsRepository;
  conversationRefs: ConversationRefsRepository;
  campaigns: CampaignsRepository;
  deliveries: DeliveriesRepository;
  audit: AuditLog;
  candidates: CandidatesRepository;
  rounds: RoundsRepository;
  facilitators: FacilitatorsRepository;
  trainingRecords: TrainingRecordsRepository;
  ideas: IdeasService;
  labs: LabsFeature;
  surveys: SurveysRepository;
  surveyAnswers: SurveyAnswersRepository;
  contests: ContestsService;
  posts: PostsService;
  board: CommunityBoard;
}

/** Every place óiBO keeps data about a person, in erasure order (the identity link last). */
export function personalDataHolders(s: PersonalDataSources): PersonalDataHolder[] {
  return [
    directoryData(s.directory, s.people),
    assessmentData(s.assessment, s.aggregates),
    respondentsData(s.respondents),
    conversationData(s.conversationRefs),
    deliveryData(s.deliveries, s.directory),
    campaignsData(s.campaigns),
    candidatesData(s.candidates),
    roundsData(s.rounds),
    facilitatorData(s.facilitators),
    trainingData(s.trainingRecords),
    ideasData(s.ideas),
    labsData(s.labs),
    surveysData(s.surveys, s.surveyAnswers),
    contestData(s.contests),
    workspaceData(s.posts, s.board),
    auditData(s.audit),
    identityData(s.pseudonyms),
  ];
}

/** The tables no holder covers, each with why it holds nothing about a person. */
export const NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  { table: ORG_UNITS_TABLE, reason: 'the organisation chart: unit names, no people' },
  { table: PUBLICATIONS_TABLE, reason: 'publication state and hidden unit paths, no people' },
  { table: ASSESSMENT_CAMPAIGNS_TABLE, reason: 'thresholds and names locked per campaign' },
  { table: DELIVERY_SHARDS_TABLE, reason: 'counts and instance leases per part of a campaign' },
  { table: DELIVERY_BUDGET_TABLE, reason: "the tenant's send slots" },
  { table: LEASES_TABLE, reason: 'lease names and instance ids' },
  { table: IDEA_CALLS_TABLE, reason: 'calls for ideas: titles, questions and dates' },
  {
    table: IDEA_TALLIES_TABLE,
    reason: 'ideas whose vote count, amendments or comments are being brought up to date',
  },
  { table: LAB_THEMES_TABLE, reason: 'lab themes added by admins: titles and descriptions' },
  { table: TEAMS_TABLE, reason: 'teams and channels the bot is in: ids, names, service URLs' },
  { table: CHANNEL_POSTS_TABLE, reason: 'queued channel posts (lab and update ids), send times' },
  { table: OVERVIEW_TABLE, reason: 'counts of labs, ideas, facilitators and published groups' },
  { table: WORKSPACE_CHANNELS_TABLE, reason: 'the two channels posts are announced in: ids' },
];

/** What the daily purge deletes, by kind of data (periods in config). */
export function retentionRules(s: PersonalDataSources): RetentionRule[] {
  return [
    responsesRule(s.responses),
    respondentsRule(s.respondents),
    aggregatesQueueRule(s.aggregates, 'add'),
    aggregatesQueueRule(s.aggregates, 'remove'),
    deliveriesRule(s.campaigns, s.deliveries),
    candidatesRule(s.candidates),
    shortlistRule(s.rounds),
    auditRule(s.audit),
  ];
}
