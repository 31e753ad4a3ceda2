import { CAMPAIGNS_TABLE } from './delivery/campaigns.repository';
import { DELIVERIES_TABLE } from './delivery/deliveries.repository';
import { RESPONDENTS_TABLE } from './delivery/respondents.repository';
import { DELIVERY_SHARDS_TABLE } from './delivery/shards.repository';
import { DELIVERY_BUDGET_TABLE } from './delivery/tenant-budget';
import { AGGREGATES_TABLE } from './assessment/aggregates.repository';
import { ASSESSMENT_CAMPAIGNS_TABLE } from './assessment/assessment-campaigns.repository';
import { RESPONSES_TABLE } from './assessment/responses.repository';
import { PUBLICATIONS_TABLE } from './privacy/publications.repository';
import { IDENTITY_LINKS_TABLE } from './privacy/pseudonyms';
import { CONVERSATION_REFS_TABLE } from './conversations/conversation-refs.repository';
import { ORG_UNITS_TABLE } from './directory/org-units.repository';
import { PEOPLE_TABLE } from './directory/people.repository';
import { ROLE_GRANTS_TABLE } from './directory/role-grants.repository';
import { AUDIT_TABLE } from './audit/audit-log';
import { LEASES_TABLE } from './store/leases';
import { FACILITATOR_CANDIDATES_TABLE } from './facilitators/candidates.repository';
import {
  FACILITATOR_ROUNDS_TABLE,
  FACILITATOR_SHORTLIST_TABLE,
} from './facilitators/rounds.repository';

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
] as const;
