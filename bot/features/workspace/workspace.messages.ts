import type { Campaign } from '../../../core/delivery/campaign';
import type { Delivery } from '../../../core/delivery/deliveries.repository';
import type { MessageKind } from '../../../core/delivery/message-kinds';
import type { Locale } from '../../../core/directory/person';
import { translator } from '../../../core/i18n/translator';
import { personalTabDeepLink, postSubPage } from '../../../core/tab-pages';
import type { Post } from '../../../core/workspace/post';
import { POST_ANNOUNCEMENT, POST_REMOVED } from '../../../core/workspace/post-messages';
import type { PostsRepository } from '../../../core/workspace/posts.repository';
import { cardMessage, noticeCard } from '../../cards/card';
import { postCard } from './workspace.cards';

/** One read of a post serves every card built within this time (an announcement to everyone). */
const REUSE_MS = 60_000;

/** A post's card, for a channel or a chat, in `locale`. */
export function postActivity(post: Post, locale: Locale, teamsAppId: string | undefined) {
  const link = teamsAppId ? personalTabDeepLink(teamsAppId, postSubPage(post.id)) : undefined;
  return cardMessage(postCard(translator(locale), post, link));
}

/**
 * The workspace's chat messages, built at send time in each recipient's language: a post's
 * announcement to the audience its publisher chose (a post deleted since shows as gone), and
 * the deletion notice with the admin's reason to the post's author.
 */
export function workspaceMessageKinds(
  posts: Pick<PostsRepository, 'get'>,
  teamsAppId: string | undefined,
): MessageKind[] {
  const cache = new Map<string, { until: number; post: Promise<Post | undefined> }>();
  const postOf = (id: string) => {
    const now = Date.now();
    const cached = cache.get(id);
    if (cached && cached.until > now) return cached.post;
    const post = posts.get(id).then((stored) => stored?.value);
    cache.set(id, { until: now + REUSE_MS, post });
    post.catch(() => cache.delete(id));
    return post;
  };
  const keyed = (campaign: Campaign, delivery: Delivery) => ({
    channelData: { idempotencyKey: `${campaign.id}/${delivery.personId}` },
  });
  return [
    {
      id: POST_ANNOUNCEMENT,
      build: async (campaign, delivery) => {
        const post = await postOf(campaign.subject);
        const activity =
          post && !post.deleted && post.state === 'published'
            ? postActivity(post, delivery.locale, teamsAppId)
            : cardMessage(noticeCard(translator(delivery.locale)('workspace.card.gone')));
        return { ...activity, ...keyed(campaign, delivery) };
      },
    },
    {
      id: POST_REMOVED,
      build: async (campaign, delivery) => {
        const t = translator(delivery.locale);
        const post = (await posts.get(campaign.subject))?.value;
        const text = t('workspace.notice.removed', {
          title: post?.title ?? '',
          reason: post?.deleted?.reason ?? '',
        });
        return { ...cardMessage(noticeCard(text)), ...keyed(campaign, delivery) };
      },
      recipients: async (subject) => {
        const author = (await posts.get(subject))?.value.author.objectId;
        return (objectId) => objectId === author;
      },
    },
  ];
}
