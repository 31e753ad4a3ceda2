// What the features register besides their services (built in `app.ts`, the composition root):
// their tables, their chat commands and their tab API routes. A new feature adds its lines here and in `app.ts`, nowhere
// else.

import type { CommandSpec } from '../bot/commands';
import { registerCampaignsApi } from '../tab/api/campaigns.routes';
import { registerDashboardApi } from '../tab/api/dashboard.routes';
import { registerMeApi } from '../tab/api/me.routes';
import { registerAuditApi } from '../tab/api/audit.routes';
import { registerFacilitatorRoundsApi } from '../tab/api/facilitator-rounds.routes';
import { registerFacilitatorsApi } from '../tab/api/facilitators.routes';
import {
  NEAR_FACILITATORS_COMMAND,
  WITHDRAW_CONSENT_COMMAND,
} from '../bot/features/facilitators/facilitators.handlers';
import { registerTrainingApi } from '../tab/api/training.routes';
import { registerIdeasApi } from '../tab/api/ideas.routes';
import { NEW_IDEA_COMMAND } from '../bot/features/ideas/ideas.handlers';
import {
  IDEA_CALLS_TABLE,
  IDEA_TALLIES_TABLE,
  IDEA_THREADS_TABLE,
  IDEA_VOTES_TABLE,
  IDEAS_TABLE,
} from '../core/ideas/ideas.repository';
import { registerSurveysApi } from '../tab/api/surveys.routes';
import { SURVEYS_TABLE } from '../core/surveys/surveys.repository';
import { SURVEY_ANSWERS_TABLE } from '../core/surveys/answers.repository';
import { registerContestsApi } from '../tab/api/contests.routes';
import {
  CONTEST_ENTRIES_TABLE,
  CONTEST_VOTES_TABLE,
  CONTESTS_TABLE,
} from '../core/contests/contests.repository';
import { CONTEST_IMAGES_CONTAINER } from '../core/contests/contests.service';
import {
  ASSESSMENT_COMMAND,
  RESULTS_COMMAND,
} from '../bot/features/assessment/assessment.handlers';
import { HELP_COMMAND } from '../bot/features/help/help.command';
import { ERASE_COMMAND, EXPORT_COMMAND } from '../bot/features/privacy/privacy.handlers';
import { TRAINING_COMMAND } from '../bot/features/training/training.handlers';
import { FACILITATORS_TABLE } from '../core/facilitators/facilitators.repository';
import { TRAINING_RECORDS_TABLE } from '../core/facilitators/training-records.repository';
import { CAMPAIGNS_TABLE } from '../core/delivery/campaigns.repository';
import { DELIVERIES_TABLE } from '../core/delivery/deliveries.repository';
import { RESPONDENTS_TABLE } from '../core/delivery/respondents.repository';
import { DELIVERY_SHARDS_TABLE } from '../core/delivery/shards.repository';
import { DELIVERY_BUDGET_TABLE } from '../core/delivery/tenant-budget';
import { AGGREGATES_TABLE } from '../core/assessment/aggregates.repository';
import { ASSESSMENT_CAMPAIGNS_TABLE } from '../core/assessment/assessment-campaigns.repository';
import { RESPONSES_TABLE } from '../core/assessment/responses.repository';
import { PUBLICATIONS_TABLE } from '../core/privacy/publications.repository';
import { IDENTITY_LINKS_TABLE } from '../core/privacy/pseudonyms';
import { CONVERSATION_REFS_TABLE } from '../core/conversations/conversation-refs.repository';
import { ORG_UNITS_TABLE } from '../core/directory/org-units.repository';
import { PEOPLE_TABLE } from '../core/directory/people.repository';
import { ROLE_GRANTS_TABLE } from '../core/directory/role-grants.repository';
import { AUDIT_TABLE } from '../core/audit/audit-log';
import { LEASES_TABLE } from '../core/store/leases';
import { FACILITATOR_CANDIDATES_TABLE } from '../core/facilitators/candidates.repository';
import {
  FACILITATOR_ROUNDS_TABLE,
  FACILITATOR_SHORTLIST_TABLE,
} from '../core/facilitators/rounds.repository';
import { LAB_THEMES_TABLE, LABS_TABLE } from '../core/labs/labs.repository';
import { LAB_BOARD_TABLE } from '../core/labs/board.repository';
import { LAB_UPDATES_TABLE } from '../core/labs/updates.repository';
import { CHANNEL_POSTS_TABLE } from '../core/labs/channel-posts.repository';
import { TEAMS_TABLE } from '../core/conversations/teams.repository';
import { registerLabsApi } from '../tab/api/labs.routes';
import { registerPeopleApi } from '../tab/api/people.routes';
import { LAB_UPDATE_COMMAND, LINK_LAB_COMMAND } from '../bot/features/labs/labs.handlers';
import { registerOverviewApi } from '../tab/api/overview.routes';
import { OVERVIEW_TABLE } from '../core/overview/overview.repository';
import {
  POST_MARKS_TABLE,
  POST_VERSIONS_TABLE,
  POSTS_TABLE,
} from '../core/workspace/posts.repository';
import { WORKSPACE_BOARD_TABLE } from '../core/workspace/board';
import { WORKSPACE_CHANNELS_TABLE } from '../core/workspace/announcement-channels';
import { WORKSPACE_FILES_CONTAINER } from '../core/workspace/attachments';
import { registerPostsApi } from '../tab/api/posts.routes';
import { registerWorkspaceBoardApi } from '../tab/api/workspace-board.routes';

/** Every table the app uses; created idempotently at start-up. */
export const ALL_TABLES = [
  PEOPLE_TABLE,
  ROLE_GRANTS_TABLE,
  ORG_UNITS_TABLE,
  CONVERSATION_REFS_TABLE,
  IDENTITY_LINKS_TABLE,
  RESPONSES_TABLE,
  AGGREGATES_TABLE,
  PUBLICATIONS_TABLE,
  ASSESSMENT_CAMPAIGNS_TABLE,
  RESPONDENTS_TABLE,
  CAMPAIGNS_TABLE,
  DELIVERY_SHARDS_TABLE,
  DELIVERIES_TABLE,
  DELIVERY_BUDGET_TABLE,
  AUDIT_TABLE,
  LEASES_TABLE,
  FACILITATOR_CANDIDATES_TABLE,
  FACILITATOR_ROUNDS_TABLE,
  FACILITATOR_SHORTLIST_TABLE,
  FACILITATORS_TABLE,
  TRAINING_RECORDS_TABLE,
  IDEA_CALLS_TABLE,
  IDEAS_TABLE,
  IDEA_VOTES_TABLE,
  IDEA_THREADS_TABLE,
  IDEA_TALLIES_TABLE,
  LABS_TABLE,
  LAB_THEMES_TABLE,
  LAB_BOARD_TABLE,
  LAB_UPDATES_TABLE,
  CHANNEL_POSTS_TABLE,
  TEAMS_TABLE,
  SURVEYS_TABLE,
  SURVEY_ANSWERS_TABLE,
  CONTESTS_TABLE,
  CONTEST_ENTRIES_TABLE,
  CONTEST_VOTES_TABLE,
  OVERVIEW_TABLE,
  POSTS_TABLE,
  POST_VERSIONS_TABLE,
  POST_MARKS_TABLE,
  WORKSPACE_BOARD_TABLE,
  WORKSPACE_CHANNELS_TABLE,
] as const;

/** Every blob container the app uses; created idempotently at start-up. */
export const ALL_CONTAINERS = [CONTEST_IMAGES_CONTAINER, WORKSPACE_FILES_CONTAINER] as const;

/**
 * Every text command the bot answers, in help order. The Teams manifest's `commandLists` are
 * checked against these patterns when the app package is built.
 */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  ASSESSMENT_COMMAND,
  RESULTS_COMMAND,
  TRAINING_COMMAND,
  EXPORT_COMMAND,
  ERASE_COMMAND,
  NEAR_FACILITATORS_COMMAND,
  WITHDRAW_CONSENT_COMMAND,
  NEW_IDEA_COMMAND,
  LINK_LAB_COMMAND,
  LAB_UPDATE_COMMAND,
  HELP_COMMAND,
];

/**
 * Every feature's tab API routes (`<feature>.routes.ts`), given the services at the composition
 * root (which must offer what each module's deps ask).
 */
export const TAB_ROUTES = [
  registerMeApi,
  registerDashboardApi,
  registerCampaignsApi,
  registerFacilitatorRoundsApi,
  registerFacilitatorsApi,
  registerAuditApi,
  registerTrainingApi,
  registerIdeasApi,
  registerLabsApi,
  registerPeopleApi,
  registerSurveysApi,
  registerContestsApi,
  registerOverviewApi,
  registerPostsApi,
  registerWorkspaceBoardApi,
] as const;
