import type { Campaign } from '../../../core/delivery/campaign';
import type { Delivery } from '../../../core/delivery/deliveries.repository';
import type { Activity, MessageKind } from '../../../core/delivery/message-kinds';
import type { DirectoryService } from '../../../core/directory/directory.service';
import type { Locale } from '../../../core/directory/person';
import { translator, type Translate } from '../../../core/i18n/translator';
import { FORMER_MEMBER, leadsOf, type Lab } from '../../../core/labs/lab';
import { LAB_DECISION, LAB_INVITATION, parseLabSubject } from '../../../core/labs/lab-messages';
import type { LabsRepository } from '../../../core/labs/labs.repository';
import type { ThemesService } from '../../../core/labs/themes.service';
import type { LabPostCards } from '../../../core/labs/updates.service';
import type { LabUpdate } from '../../../core/labs/update';
import type { WeeklyFigures } from '../../../core/labs/weekly';
import { cardMessage, noticeCard, type AdaptiveCard } from '../../cards/card';
import {
  decisionCard,
  invitationCard,
  summaryCard,
  updateCard,
  type NamedPerson,
} from './labs.cards';

export interface LabMessagesDeps {
  labs: LabsRepository;
  themes: ThemesService;
  directory: Pick<DirectoryService, 'find'>;
}

/** Names people on cards: the directory's name, "former member" after erasure. */
export function namer(directory: Pick<DirectoryService, 'find'>, t: Translate) {
  return async (objectId: string): Promise<NamedPerson> => {
    if (objectId === FORMER_MEMBER) return { objectId: null, name: t('labs.card.formerMember') };
    const person = await directory.find({ objectId });
    return { objectId, name: person?.displayName ?? t('labs.card.formerMember') };
  };
}

function message(campaign: Campaign, delivery: Delivery, card: AdaptiveCard): Activity {
  return {
    ...cardMessage(card),
    channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
  };
}

/**
 * The labs' message kinds for the delivery engine: an invitation (still waiting when sent, else
 * a notice that it no longer applies) and the answer to a request to join. Each goes to the one
 * person its subject names.
 */
export function labMessageKinds(deps: LabMessagesDeps): MessageKind[] {
  const toPerson = async (subject: string) => {
    const { objectId } = parseLabSubject(subject);
    return (id: string) => id === objectId;
  };
  return [
    {
      id: LAB_INVITATION,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const { labId, objectId } = parseLabSubject(campaign.subject);
        const lab = await deps.labs.get(labId);
        if (!lab?.invitations.some((p) => p.objectId === objectId)) {
          return message(campaign, delivery, noticeCard(t('labs.card.invitation.stale')));
        }
        const name = namer(deps.directory, t);
        const [theme, leads] = await Promise.all([
          deps.themes.find(lab.themeId),
          Promise.all(leadsOf(lab).map(name)),
        ]);
        const view = {
          lab,
          theme: theme?.title[delivery.locale] ?? lab.themeId,
          leads: leads.map((l) => l.name),
        };
        return message(campaign, delivery, invitationCard(t, view));
      },
      recipients: toPerson,
      doneBy: async (subject) => {
        const { labId, objectId } = parseLabSubject(subject);
        const lab = await deps.labs.get(labId);
        const waiting = lab?.invitations.some((p) => p.objectId === objectId) ?? false;
        return () => !waiting;
      },
    },
    {
      id: LAB_DECISION,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const { labId, approved } = parseLabSubject(campaign.subject);
        const lab = await deps.labs.get(labId);
        return message(campaign, delivery, decisionCard(t, lab?.title ?? '', approved));
      },
      recipients: toPerson,
    },
  ];
}

/** The channel cards the poster sends (an update, a weekly summary). */
export function labPostCards(directory: Pick<DirectoryService, 'find'>): LabPostCards {
  return {
    update: async (lab: Lab, update: LabUpdate, locale: Locale) => {
      const t = translator(locale);
      const name = namer(directory, t);
      const [author, mentions] = await Promise.all([
        name(update.author),
        Promise.all(update.mentions.map(name)),
      ]);
      const { card, entities } = updateCard(t, { lab, update, author, mentions });
      return { ...cardMessage(card), ...(entities.length > 0 ? { entities } : {}) };
    },
    summary: async (lab: Lab, figures: WeeklyFigures, _week: string, locale: Locale) =>
      cardMessage(summaryCard(translator(locale), locale, lab, figures)),
  };
}
