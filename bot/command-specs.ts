import type { CommandSpec } from './commands';
import { ASSESSMENT_COMMAND, RESULTS_COMMAND } from './features/assessment/assessment.handlers';
import {
  NEAR_FACILITATORS_COMMAND,
  WITHDRAW_CONSENT_COMMAND,
} from './features/facilitators/facilitators.handlers';
import { HELP_COMMAND } from './features/help/help.command';
import { ERASE_COMMAND, EXPORT_COMMAND } from './features/privacy/privacy.handlers';

/**
 * Every text command the bot answers, in help order. The Teams manifest's `commandLists` are
 * checked against these patterns when the app package is built.
 */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  ASSESSMENT_COMMAND,
  RESULTS_COMMAND,
  EXPORT_COMMAND,
  ERASE_COMMAND,
  NEAR_FACILITATORS_COMMAND,
  WITHDRAW_CONSENT_COMMAND,
  HELP_COMMAND,
];
