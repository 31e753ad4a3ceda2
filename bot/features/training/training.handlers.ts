import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import {
  CompletionDateSchema,
  CompletionHoursSchema,
} from '../../../core/facilitators/completions-csv';
import { TrainingError } from '../../../core/facilitators/training-errors';
import type { TrainingService } from '../../../core/facilitators/training.service';
import { onVerb, replaceCard, type CardAction } from '../../card-actions';
import { noticeCard, type AdaptiveCard } from '../../cards/card';
import type { Command, CommandSpec } from '../../commands';
import type { TurnScope } from '../../turn';
import { trainingPathCard } from './training.cards';
import { TRAINING_VERBS } from './training.verbs';

export const TRAINING_COMMAND: CommandSpec = {
  id: 'training',
  patterns: [
    /^(percorso|il mio percorso|percorso formativo|my path|my training path|training path)$/,
  ],
  phrases: [/\b(il mio percorso|percorso formativo|my (training )?path)\b/],
  usageKey: 'training.usage',
  descriptionKey: 'training.description',
  personalOnly: true,
};

const CompletionInput = z.object({
  module: z.string().min(1),
  date: CompletionDateSchema,
  hours: CompletionHoursSchema,
});

/** The path card, or a kind explanation for whoever is not a facilitator. */
async function pathCard(
  turn: TurnScope,
  training: TrainingService,
  notice?: { text: string; refused: boolean },
): Promise<AdaptiveCard> {
  if (!turn.objectId) return noticeCard(turn.t('assessment.unidentified'));
  try {
    const path = await training.path(turn.objectId);
    const context = { t: turn.t, locale: turn.locale, today: training.today() };
    return trainingPathCard(context, path, notice);
  } catch (error) {
    if (error instanceof TrainingError) return noticeCard(error.describe(turn.t));
    throw error;
  }
}

export function trainingCommands(training: TrainingService): Command[] {
  return [
    { ...TRAINING_COMMAND, run: async (turn) => turn.sendCard(await pathCard(turn, training)) },
  ];
}

export function trainingActions(training: TrainingService): CardAction[] {
  const markDone = async (
    turn: TurnScope,
    data: z.output<typeof TRAINING_VERBS.done.data>,
  ): Promise<AdaptiveCardInvokeResponse> => {
    if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
    const input = CompletionInput.safeParse(data);
    if (!input.success) {
      const text = turn.t('training.problem.badInput');
      return replaceCard(await pathCard(turn, training, { text, refused: true }));
    }
    const { module: moduleId, date, hours } = input.data;
    try {
      await training.markDone(turn.objectId, { moduleId, date, hours });
    } catch (error) {
      if (!(error instanceof TrainingError)) throw error;
      // Not (or no longer) a facilitator: pathCard explains; otherwise the path and the reason.
      const text = error.describe(turn.t);
      return replaceCard(await pathCard(turn, training, { text, refused: true }));
    }
    const title = training.catalogue.modules.find((m) => m.id === moduleId)!.title[turn.locale];
    const text = turn.t('training.card.saved', { title });
    return replaceCard(await pathCard(turn, training, { text, refused: false }));
  };
  return [
    onVerb(
      TRAINING_VERBS.open,
      async (turn) => {
        await turn.sendCard(await pathCard(turn, training));
        return replaceCard(await pathCard(turn, training));
      },
      { personalOnly: true },
    ),
    onVerb(TRAINING_VERBS.done, markDone, { personalOnly: true }),
  ];
}
