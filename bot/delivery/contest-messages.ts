import { CONTEST_WINNER, type ContestsService } from '../../core/contests/contests.service';
import type { MessageKind } from '../../core/delivery/message-kinds';
import { translator } from '../../core/i18n/translator';
import { cardMessage, noticeCard } from '../cards/card';
import { winnerCard } from '../features/contests/contest.cards';

/**
 * How long the card's image link lasts from when the card is sent: the announcement reaches
 * 100,000 people in about half an hour, and people read it within days; after that the card
 * shows no image (the tab's results keep it). The link reads that one image and nothing else.
 */
export const CARD_IMAGE_LINK_MS = 3 * 24 * 3_600_000;
/** One winner read and one link serve every card built within this time. */
const REUSE_MS = 60_000;

/**
 * The winner of a closed contest, announced to everyone (audience all) when an admin closes it.
 * Built at send time, in the recipient's language; the winner and its image link are read once a
 * minute, not per recipient.
 */
export function contestMessageKinds(contests: ContestsService): MessageKind[] {
  const cache = new Map<string, { until: number; winner: ReturnType<typeof read> }>();
  const read = async (contestId: string) => {
    const winner = await contests.winner(contestId);
    if (!winner) return undefined;
    return { ...winner, imageUrl: await contests.cardImageLink(winner.entry, CARD_IMAGE_LINK_MS) };
  };
  const winnerOf = (contestId: string) => {
    const now = Date.now();
    const cached = cache.get(contestId);
    if (cached && cached.until > now) return cached.winner;
    const winner = read(contestId);
    cache.set(contestId, { until: now + REUSE_MS, winner });
    winner.catch(() => cache.delete(contestId));
    return winner;
  };
  return [
    {
      id: CONTEST_WINNER,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const winner = await winnerOf(campaign.subject);
        const card = winner
          ? winnerCard(t, {
              contestTitle: winner.contest.title,
              entryTitle: winner.entry.title,
              authorName: winner.authorName,
              imageUrl: winner.imageUrl,
            })
          : noticeCard(t('contest.card.winner.none'));
        return {
          ...cardMessage(card),
          channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
        };
      },
    },
  ];
}
