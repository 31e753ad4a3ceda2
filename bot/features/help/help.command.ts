import { acknowledge, onVerb, type CardAction } from '../../card-actions';
import type { Command, CommandSpec } from '../../commands';
import type { TurnScope } from '../../turn';
import { helpCard } from './help.cards';
import { HELP_VERBS } from './help.verbs';

export const HELP_COMMAND: CommandSpec = {
  id: 'help',
  patterns: [
    /^(help|aiuto|\?|comandi|commands|menu)$/,
    // A greeting gets the command list: the first thing a newcomer types is rarely a command.
    /^(ciao|salve|buongiorno|buonasera|hello|hi|hey|good (morning|afternoon|evening))( óibo| oibo)?$/,
  ],
  phrases: [/\b(aiuto|help|comandi|commands|cosa (puoi|sai) fare|what can you do)\b/],
  usageKey: 'help.usage',
  descriptionKey: 'help.description',
};

/** `help` lists every command the bot has, including itself. */
export function helpCommand(all: () => readonly CommandSpec[]): Command {
  return { ...HELP_COMMAND, run: (turn) => turn.sendCard(helpFor(turn, all())) };
}

/** The welcome card's "What I can do" button: the command list as a new message. */
export function helpAction(all: () => readonly CommandSpec[]): CardAction {
  return onVerb(HELP_VERBS.show, async (turn) => {
    await turn.sendCard(helpFor(turn, all()));
    return acknowledge(turn.t('help.shown'));
  });
}

function helpFor(turn: TurnScope, commands: readonly CommandSpec[]) {
  return helpCard({
    t: turn.t,
    commands,
    scope: turn.conversationType,
    botId: turn.context.activity.recipient?.id,
  });
}
