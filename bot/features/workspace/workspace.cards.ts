import type { Translate } from '../../../core/i18n/translator';
import { plainText, type Post } from '../../../core/workspace/post';
import { adaptiveCard, literal, paragraph, type AdaptiveCard } from '../../cards/card';
import { openUrlAction } from '../../cards/links';

/** The longest excerpt of a body a card shows when the post has no summary. */
const EXCERPT = 300;

function excerpt(post: Post): string {
  if (post.summary) return post.summary;
  const text = plainText(post.body);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/**
 * A post announced (in a channel or in chat): its category, title and summary (or the start of
 * its body as plain text) as literal text — no Markdown or HTML of the post reaches the card —
 * and a button that opens it in the tab, when the app's Teams id is known.
 */
export function postCard(t: Translate, post: Post, link: string | undefined): AdaptiveCard {
  const category = t(`workspace.category.${post.category}`);
  return adaptiveCard(
    [
      paragraph(t('workspace.card.announcement', { category }), { isSubtle: true }),
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: post.title, weight: 'Bolder', size: 'Large' }],
      },
      literal(excerpt(post)),
    ],
    link ? [openUrlAction(t('workspace.card.open'), link)] : [],
  );
}
