import { AGGREGATES_TABLE } from './assessment/aggregates.repository';
import { RESPONSES_TABLE } from './assessment/responses.repository';
import { IDENTITY_LINKS_TABLE } from './privacy/pseudonyms';
import { CONVERSATION_REFS_TABLE } from './conversations/conversation-refs.repository';
import { ORG_UNITS_TABLE } from './directory/org-units.repository';
import { PEOPLE_TABLE } from './directory/people.repository';

/** Every table the app uses; created idempotently at start-up. */
export const ALL_TABLES = [
  PEOPLE_TABLE,
  ORG_UNITS_TABLE,
  CONVERSATION_REFS_TABLE,
  IDENTITY_LINKS_TABLE,
  RESPONSES_TABLE,
  AGGREGATES_TABLE,
] as const;
