import type { Command } from '../../commands';
import { helpCard } from './help.cards';

/** `help` lists every command the bot has, including itself. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    id: 'help',
    patterns: [/^(help|aiuto|\?|comandi|commands|menu)$/],
    usageKey: 'help.usage',
    descriptionKey: 'help.description',
    run: (turn) => turn.sendCard(helpCard(turn.t, all())),
  };
}
