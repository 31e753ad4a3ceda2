import type { CommandSpec } from './commands';
import { HELP_COMMAND } from './features/help/help.command';

/**
 * Every text command the bot answers, in help order. The Teams manifest's `commandLists` are
 * checked against these patterns when the app package is built.
 */
export const COMMAND_SPECS: readonly CommandSpec[] = [HELP_COMMAND];
