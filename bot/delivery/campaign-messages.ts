import type { Questionnaire } from '../../core/assessment/questionnaire';
import type { Campaign } from '../../core/delivery/campaign';
import type { MessageBuilder } from '../../core/delivery/delivery-engine';
import type { Delivery } from '../../core/delivery/deliveries.repository';
import { translator } from '../../core/i18n/translator';
import { adaptiveCard, cardMessage, executeAction, heading, paragraph } from '../cards/card';
import { VERBS } from '../features/assessment/assessment.verbs';

/**
 * The card a campaign brings to each recipient's 1:1 chat, in their directory language: the
 * assessment invitation, or its reminder. "Start" opens the assessment where they left it.
 * `channelData.idempotencyKey` names campaign and recipient, so duplicates can be counted.
 */
export function campaignMessages(
  questionnaire: Questionnaire,
  privacyThreshold: () => Promise<number>,
): MessageBuilder {
  return async (campaign: Campaign, delivery: Delivery) => {
    const k = await privacyThreshold();
    const t = translator(delivery.locale);
    const title = questionnaire.title[delivery.locale];
    const prefix = campaign.kind === 'reminder' ? 'campaign.reminder' : 'campaign.invitation';
    const card = adaptiveCard(
      [
        heading(t(`${prefix}.title`, { title })),
        paragraph(t(`${prefix}.text`, { minutes: questionnaire.estimatedMinutes })),
        paragraph(t('campaign.invitation.privacy', { k }), { size: 'Small', isSubtle: true }),
      ],
      [executeAction(t('welcome.action.assessment'), VERBS.open)],
    );
    return {
      ...cardMessage(card),
      channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
    };
  };
}
