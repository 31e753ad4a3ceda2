import type { Campaign } from '../../../core/delivery/campaign';
import type { Delivery } from '../../../core/delivery/deliveries.repository';
import type { MessageKind } from '../../../core/delivery/message-kinds';
import { translator } from '../../../core/i18n/translator';
import {
  SURVEY_CARD,
  SURVEY_REMINDER,
  newNonce,
  type SurveyService,
} from '../../../core/surveys/survey.service';
import { cardMessage, noticeCard } from '../../cards/card';
import { surveyPageCard } from './surveys.cards';

/**
 * A survey's message kinds: its card (first page) in each recipient's 1:1 chat and language, and
 * the reminder (the same card under a reminder line) to who received it and has not answered:
 * `doneBy` reads the respondents ledger, which knows who answered and never what.
 */
export function surveyMessageKinds(
  surveys: SurveyService,
  doneBy: (subject: string) => Promise<(objectId: string) => boolean>,
): MessageKind[] {
  const build = async (campaign: Campaign, delivery: Delivery) => {
    const t = translator(delivery.locale);
    const survey = await surveys.get(campaign.subject);
    const context = { t, locale: delivery.locale };
    const card = survey.closedAt
      ? noticeCard(t('surveys.problem.closed'))
      : surveyPageCard(context, survey, {
          page: 0,
          answers: {},
          nonce: newNonce(),
          reminder: campaign.kind === SURVEY_REMINDER,
        });
    return {
      ...cardMessage(card),
      channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
    };
  };
  return [
    { id: SURVEY_CARD, build, doneBy, reminder: SURVEY_REMINDER },
    { id: SURVEY_REMINDER, build, doneBy },
  ];
}
