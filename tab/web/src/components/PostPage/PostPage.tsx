import { Badge, Button, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { PostDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../Ideas/idea-text';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { Markdown } from '../Markdown/Markdown';
import { PostActions } from './PostActions';
import { PostAttachments } from './PostAttachments';
import { PostHistory } from './PostHistory';
import { usePostPageStyles } from './PostPage.styles';
import { usePost } from './use-post';

/** The facilitators of the reader's department: who to ask about the post. */
function Facilitators({ post }: { post: PostDetail }) {
  const { t } = useI18n();
  const styles = usePostPageStyles();
  const headingId = useId();
  return (
    <aside className={styles.aside} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {t('workspace.facilitators')}
      </Subtitle2>
      {post.facilitators.length === 0 ? (
        <Text>{t('workspace.facilitators.none')}</Text>
      ) : (
        <ul className={styles.list}>
          {post.facilitators.map((person) => (
            <li key={person.objectId}>{person.displayName}</li>
          ))}
        </ul>
      )}
      {post.department && (
        <Text size={200} className={styles.meta}>
          {post.department}
        </Text>
      )}
    </aside>
  );
}

/**
 * A post: its text rendered safely, its files, "utile", the facilitators of the reader's
 * department beside it, its edit history and what the reader may do with it.
 */
export function PostPage({
  id,
  self,
  onBack,
  onEdit,
}: {
  id: string;
  self: string;
  onBack: () => void;
  onEdit: () => void;
}) {
  const { t, locale } = useI18n();
  const styles = usePostPageStyles();
  const { post, reload, action, mark, publish, remove } = usePost(id);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = post.state === 'loaded';
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  return (
    <article className={styles.root} aria-labelledby={`post-${id}`}>
      <Button appearance="subtle" className={styles.back} onClick={onBack}>
        {t('workspace.back')}
      </Button>
      {post.state === 'loading' && <Spinner label={t('app.loading')} />}
      {post.state === 'failed' && <ErrorBar error={post.error} onRetry={reload} />}
      {post.state === 'loaded' && (
        <>
          <h2 id={`post-${id}`} ref={heading} tabIndex={-1} className={styles.heading}>
            {post.value.title}
          </h2>
          <div className={styles.badges}>
            <Badge appearance="tint">{t(`workspace.category.${post.value.category}`)}</Badge>
            {post.value.state === 'draft' && (
              <Badge appearance="outline" color="warning">
                {t('workspace.draft')}
              </Badge>
            )}
            {post.value.tags.map((tag) => (
              <Badge key={tag} appearance="outline">
                {tag}
              </Badge>
            ))}
          </div>
          <Text size={200} className={styles.meta}>
            {t('workspace.byline', {
              author: post.value.author.displayName,
              date: formatDay(post.value.publishedAt ?? post.value.updatedAt, locale),
            })}
          </Text>
          <PostActions
            post={post.value}
            self={self}
            busy={action.busy}
            error={action.error}
            onMark={(useful) => void mark(post.value, useful)}
            onEdit={onEdit}
            onPublish={(publication, done) => void publish(publication, done)}
            onDelete={(reason) => void remove(reason, onBack)}
          />
          <div className={styles.layout}>
            <div className={styles.content}>
              {post.value.summary && (
                <Text as="p" block weight="semibold" className={styles.summary}>
                  {post.value.summary}
                </Text>
              )}
              <Markdown text={post.value.body} />
              <PostAttachments attachments={post.value.attachments} />
              <PostHistory id={id} version={post.value.version} />
            </div>
            <Facilitators post={post.value} />
          </div>
        </>
      )}
    </article>
  );
}
