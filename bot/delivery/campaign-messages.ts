import {
  ASSESSMENT_INVITATION,
  ASSESSMENT_REMINDER,
} from '../../core/assessment/assessment-messages';
import type { Questionnaire } from '../../core/assessment/questionnaire';
import type { Campaign } from '../../core/delivery/campaign';
import type { Delivery } from '../../core/delivery/deliveries.repository';
import type { MessageKind } from '../../core/delivery/message-kinds';
import { translator } from '../../core/i18n/translator';
import { adaptiveCard, cardMessage, executeAction, heading, paragraph } from '../cards/card';
import { ASSESSMENT_VERBS } from '../features/assessment/assessment.verbs';

/**
 * The assessment's message kinds: the card an invitation or its reminder brings to each
 * recipient's 1:1 chat, in their directory language ("Start" opens the assessment where they left
 * it), and who is done with them (whoever submitted the round). `channelData.idempotencyKey`
 * names campaign and recipient, so duplicates can be counted.
 */
export function assessmentMessageKinds(
  questionnaire: Questionnaire,
  privacyThreshold: () => Promise<number>,
  doneBy: (subject: string) => Promise<(objectId: string) => boolean>,
): MessageKind[] {
  const build = async (campaign: Campaign, delivery: Delivery) => {
    const k = await privacyThreshold();
    const t = translator(delivery.locale);
    const title = questionnaire.title[delivery.locale];
    const prefix =
      campaign.kind === ASSESSMENT_REMINDER ? 'campaign.reminder' : 'campaign.invitation';
    const card = adaptiveCard(
      [
        heading(t(`${prefix}.title`, { title })),
        paragraph(t(`${prefix}.text`, { minutes: questionnaire.estimatedMinutes })),
        paragraph(t('campaign.invitation.privacy', { k }), { size: 'Small', isSubtle: true }),
      ],
      [executeAction(t('welcome.action.assessment'), ASSESSMENT_VERBS.open)],
    );
    return {
      ...cardMessage(card),
      channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
    };
  };
  return [
    { id: ASSESSMENT_INVITATION, build, doneBy, reminder: ASSESSMENT_REMINDER },
    { id: ASSESSMENT_REMINDER, build, doneBy },
  ];
}
