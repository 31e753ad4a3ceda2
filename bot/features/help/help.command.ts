import type { Command, CommandSpec } from '../../commands';
import { helpCard } from './help.cards';

export const HELP_COMMAND: CommandSpec = {
  id: 'help',
  patterns: [/^(help|aiuto|\?|comandi|commands|menu)$/],
  usageKey: 'help.usage',
  descriptionKey: 'help.description',
};

/** `help` lists every command the bot has, including itself. */
export function helpCommand(all: () => readonly CommandSpec[]): Command {
  return { ...HELP_COMMAND, run: (turn) => turn.sendCard(helpCard(turn.t, all())) };
}
