import type { Campaign } from '../../../core/delivery/campaign';
import type { Delivery } from '../../../core/delivery/deliveries.repository';
import type { MessageKind } from '../../../core/delivery/message-kinds';
import { translator, type Translate } from '../../../core/i18n/translator';
import type { Idea } from '../../../core/ideas/idea';
import {
  IDEA_AMENDMENT_DECIDED,
  IDEA_UPDATE,
  parseNoticeSubject,
} from '../../../core/ideas/idea-messages';
import type { HistoryEntry, IdeasRepository } from '../../../core/ideas/ideas.repository';
import { voteGroup } from '../../../core/ideas/merging';
import { cardMessage, noticeCard } from '../../cards/card';

function message(campaign: Campaign, delivery: Delivery, text: string) {
  return {
    ...cardMessage(noticeCard(text)),
    channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
  };
}

function updateText(t: Translate, idea: Idea, entry: HistoryEntry): string | undefined {
  const title = idea.title;
  switch (entry.event) {
    case 'status': {
      const parts = [
        t('ideas.notice.status', { title, status: t(`ideas.status.${entry.status!}`) }),
      ];
      if (entry.reason) parts.push(t('ideas.notice.reason', { reason: entry.reason }));
      if (entry.labId) parts.push(t('ideas.notice.lab'));
      return parts.join(' ');
    }
    case 'merged':
      return t('ideas.notice.merged', { title, other: entry.other?.title ?? '' });
    case 'amendmentProposed':
      return t('ideas.notice.amendment', { title });
    default:
      return undefined;
  }
}

/**
 * Call4Ideas' notices, sent through the delivery engine in each recipient's language and built
 * at send time from the idea's stored history: an idea's change (status, merge, a new amendment)
 * to its authors, co-authors and voters (its merged ideas' voters too), never to whoever made
 * the change; an amendment's decision to its amender.
 */
export function ideaMessageKinds(repository: IdeasRepository): MessageKind[] {
  const read = async (subject: string) => {
    const { ideaId, id } = parseNoticeSubject(subject);
    const [idea, entry] = await Promise.all([
      repository.getIdea(ideaId),
      repository.historyEntry(ideaId, id),
    ]);
    return { idea: idea?.value.idea, entry };
  };
  return [
    {
      id: IDEA_UPDATE,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const { idea, entry } = await read(campaign.subject);
        const text = idea && entry ? updateText(t, idea, entry) : undefined;
        return message(campaign, delivery, text ?? t('ideas.notice.stale'));
      },
      recipients: async (subject) => {
        const { idea, entry } = await read(subject);
        if (!idea || !entry) return () => false;
        const voters = await Promise.all(voteGroup(idea).map((id) => repository.votesOf(id)));
        const people = new Set([
          ...idea.authors.flatMap((a) => (a.objectId ? [a.objectId] : [])),
          ...voters.flat().map((v) => v.voter),
        ]);
        if (entry.actor?.objectId) people.delete(entry.actor.objectId);
        return (objectId) => people.has(objectId);
      },
    },
    {
      id: IDEA_AMENDMENT_DECIDED,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const { ideaId, id } = parseNoticeSubject(campaign.subject);
        const [idea, amendment] = await Promise.all([
          repository.getIdea(ideaId),
          repository.thread(ideaId, 'amendment', id),
        ]);
        const title = idea?.value.idea.title;
        const decided = amendment?.value;
        if (!title || !decided || decided.status === 'open') {
          return message(campaign, delivery, t('ideas.notice.stale'));
        }
        return message(
          campaign,
          delivery,
          decided.status === 'accepted'
            ? t('ideas.notice.accepted', { title })
            : t('ideas.notice.rejected', { title, reason: decided.reason ?? '' }),
        );
      },
      recipients: async (subject) => {
        const { ideaId, id } = parseNoticeSubject(subject);
        const amender = (await repository.thread(ideaId, 'amendment', id))?.value.author.objectId;
        return (objectId) => objectId === amender;
      },
    },
  ];
}
