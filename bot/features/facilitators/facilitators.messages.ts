import type { Campaign } from '../../../core/delivery/campaign';
import type { Delivery } from '../../../core/delivery/deliveries.repository';
import type { MessageKind } from '../../../core/delivery/message-kinds';
import type { DirectoryService } from '../../../core/directory/directory.service';
import type { CommunityService } from '../../../core/facilitators/community.service';
import {
  FACILITATOR_APPROVAL,
  FACILITATOR_DECISION,
  FACILITATOR_INVITATION,
  FACILITATOR_REMINDER,
  FACILITATOR_REVOCATION,
  parseEntrySubject,
} from '../../../core/facilitators/facilitator-messages';
import { translator } from '../../../core/i18n/translator';
import { cardMessage, noticeCard, type AdaptiveCard } from '../../cards/card';
import { approvalCard, decisionCard, invitationCard, revocationCard } from './facilitators.cards';

export interface FacilitatorMessagesDeps {
  community: CommunityService;
  directory: Pick<DirectoryService, 'find'>;
  /** The programme contact's UPN (PROGRAMME_CONTACT_UPN): the invitation's "Ask a question". */
  contactUpn: string | undefined;
}

const objectIdOf = (delivery: Delivery) => delivery.personId.replace(/^oid:/, '');

function message(campaign: Campaign, delivery: Delivery, card: AdaptiveCard) {
  return {
    ...cardMessage(card),
    channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
  };
}

/**
 * The community's message kinds. An invitation goes to a round's people in status invited and is
 * done once they answered (its reminder to who has not); an approval request goes to the
 * person's approvers as the directory has them when it is sent, and is done once one decided; a
 * decision goes to the person. Cards are built at send time, in the recipient's language; one
 * whose entry moved on meanwhile says it no longer applies.
 */
export function facilitatorMessageKinds(deps: FacilitatorMessagesDeps): MessageKind[] {
  const { community } = deps;
  const invitedIn = async (roundId: string) => community.inStatus(roundId, 'invited');

  const buildInvitation = async (campaign: Campaign, delivery: Delivery) => {
    const t = translator(delivery.locale);
    const view = await community.view(campaign.subject, objectIdOf(delivery));
    const card =
      view?.entry.status === 'invited'
        ? invitationCard(t, {
            roundId: view.round.id,
            managerApproval: view.round.managerApproval,
            reminder: campaign.kind === FACILITATOR_REMINDER,
            ...(deps.contactUpn ? { contactUpn: deps.contactUpn } : {}),
          })
        : noticeCard(t('facilitators.stale'));
    return message(campaign, delivery, card);
  };
  const invitation = {
    build: buildInvitation,
    recipients: async (roundId: string) => {
      const invited = await invitedIn(roundId);
      return (objectId: string) => invited.has(objectId);
    },
    doneBy: async (roundId: string) => {
      const invited = await invitedIn(roundId);
      return (objectId: string) => !invited.has(objectId);
    },
  };

  return [
    { id: FACILITATOR_INVITATION, ...invitation, reminder: FACILITATOR_REMINDER },
    { id: FACILITATOR_REMINDER, ...invitation },
    {
      id: FACILITATOR_APPROVAL,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const { roundId, objectId } = parseEntrySubject(campaign.subject);
        const [view, person] = await Promise.all([
          community.view(roundId, objectId),
          deps.directory.find({ objectId }),
        ]);
        if (view?.entry.status !== 'awaitingApproval' || !person) {
          return message(campaign, delivery, noticeCard(t('facilitators.stale')));
        }
        const approvers = await community.approvers(person);
        const card = approvalCard(t, {
          roundId,
          person,
          byProgramme: approvers.as === 'programme',
        });
        return message(campaign, delivery, card);
      },
      recipients: async (subject) => {
        const { objectId } = parseEntrySubject(subject);
        const person = await deps.directory.find({ objectId });
        const approvers = new Set(person ? (await community.approvers(person)).objectIds : []);
        return (id) => approvers.has(id);
      },
      doneBy: async (subject) => {
        const { roundId, objectId } = parseEntrySubject(subject);
        const decided =
          (await community.view(roundId, objectId))?.entry.status !== 'awaitingApproval';
        return () => decided;
      },
    },
    {
      id: FACILITATOR_DECISION,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const { roundId, objectId } = parseEntrySubject(campaign.subject);
        const status = (await community.view(roundId, objectId))?.entry.status;
        const card =
          status === 'approved' || status === 'notApproved'
            ? decisionCard(t, status === 'approved')
            : noticeCard(t('facilitators.stale'));
        return message(campaign, delivery, card);
      },
      recipients: async (subject) => {
        const { objectId } = parseEntrySubject(subject);
        return (id) => id === objectId;
      },
    },
    {
      id: FACILITATOR_REVOCATION,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        return message(campaign, delivery, revocationCard(t));
      },
      recipients: async (objectId) => (id) => id === objectId,
    },
  ];
}
