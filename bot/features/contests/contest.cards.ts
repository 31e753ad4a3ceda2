import type { Translate } from '../../../core/i18n/translator';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from '../../cards/card';

export interface WinnerCardInput {
  contestTitle: string;
  entryTitle: string;
  authorName: string | undefined;
  /** A read-only link Teams fetches without signing in (≤ 1024 × 1024 px, ≤ 1 MB). */
  imageUrl: string;
}

/** The winner's announcement: the contest, the winning image with its title, and its author. */
export function winnerCard(t: Translate, input: WinnerCardInput): AdaptiveCard {
  return adaptiveCard([
    heading(t('contest.card.winner.title')),
    paragraph(t('contest.card.winner.contest', { contest: input.contestTitle })),
    {
      type: 'Image',
      url: input.imageUrl,
      altText: t('contest.card.winner.alt', { title: input.entryTitle }),
      size: 'Large',
      horizontalAlignment: 'Center',
    },
    paragraph(
      input.authorName
        ? t('contest.card.winner.entryBy', { title: input.entryTitle, author: input.authorName })
        : t('contest.card.winner.entry', { title: input.entryTitle }),
      { weight: 'Bolder' },
    ),
    paragraph(t('contest.card.winner.thanks'), { isSubtle: true }),
  ]);
}
