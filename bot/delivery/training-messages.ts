import type { MessageKind } from '../../core/delivery/message-kinds';
import { TRAINING_NUDGE } from '../../core/facilitators/training-nudge';
import { translator } from '../../core/i18n/translator';
import { cardMessage } from '../cards/card';
import { trainingNudgeCard } from '../features/training/training.cards';

/**
 * The monthly nudge to facilitators behind schedule: its recipients are who is behind when the
 * campaign is expanded (one read of the roster and the totals); the card has no figures.
 */
export function trainingMessageKinds(behindSchedule: () => Promise<Set<string>>): MessageKind[] {
  return [
    {
      id: TRAINING_NUDGE,
      build: async (campaign, delivery) => ({
        ...cardMessage(trainingNudgeCard(translator(delivery.locale))),
        channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
      }),
      recipients: async () => {
        const behind = await behindSchedule();
        return (objectId) => behind.has(objectId.toLowerCase());
      },
    },
  ];
}
