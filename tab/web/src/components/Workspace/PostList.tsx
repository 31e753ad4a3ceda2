import { Badge, Link, Text } from '@fluentui/react-components';
import type { PostSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../Ideas/idea-text';
import { useWorkspaceStyles } from './Workspace.styles';

/** Posts newest first: title (opens it), summary, category, tags, author, date, "utile" count. */
export function PostList({
  posts,
  onOpen,
}: {
  posts: readonly PostSummary[];
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useWorkspaceStyles();
  if (posts.length === 0) return <Text as="p">{t('workspace.list.empty')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('workspace.list.label')}>
      {posts.map((post) => (
        <li key={post.id} className={styles.row}>
          <Link
            as="button"
            className={styles.title}
            onClick={() => onOpen(post.id)}
            data-post={post.id}
          >
            {post.title}
          </Link>
          {post.summary && <Text>{post.summary}</Text>}
          <div className={styles.badges}>
            <Badge appearance="tint">{t(`workspace.category.${post.category}`)}</Badge>
            {post.state === 'draft' && (
              <Badge appearance="outline" color="warning">
                {t('workspace.draft')}
              </Badge>
            )}
            {post.tags.map((tag) => (
              <Badge key={tag} appearance="outline">
                {tag}
              </Badge>
            ))}
          </div>
          <Text size={200} className={styles.meta}>
            {t('workspace.list.meta', {
              author: post.author.displayName,
              date: formatDay(post.publishedAt ?? post.updatedAt, locale),
              useful: post.useful,
            })}
          </Text>
        </li>
      ))}
    </ul>
  );
}
