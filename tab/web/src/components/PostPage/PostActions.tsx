import { Button, Text, ToggleButton } from '@fluentui/react-components';
import { useState } from 'react';
import type { PostDetail, PostPublication } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { ReasonDialog } from '../ReasonDialog/ReasonDialog';
import { usePostPageStyles } from './PostPage.styles';
import { PublishDialog } from './PublishDialog';
import type { PostAction } from './use-post';

/** Where the post opens: inside Teams when the app knows its link, else this tab's address. */
export function postLink(post: Pick<PostDetail, 'links'>, origin: string): string {
  return post.links.teams ?? new URL(post.links.tab, origin).href;
}

/** "Utile", the deep link, and what the reader may do: edit, publish, delete (another's: with a reason). */
export function PostActions({
  post,
  self,
  busy,
  error,
  onMark,
  onEdit,
  onPublish,
  onDelete,
}: {
  post: PostDetail;
  /** The reader's object id: deleting someone else's post asks for a reason for its author. */
  self: string;
  busy: PostAction | null;
  error: unknown;
  onMark: (useful: boolean) => void;
  onEdit: () => void;
  onPublish: (publication: PostPublication, onDone: () => void) => void;
  onDelete: (reason: string | undefined) => void;
}) {
  const { t } = useI18n();
  const styles = usePostPageStyles();
  const [dialog, setDialog] = useState<'publish' | 'delete' | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const close = () => setDialog(null);
  const link = postLink(post, window.location.origin);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(t('workspace.link.copied'));
    } catch {
      setCopied(t('workspace.link.copyThis', { link }));
    }
  };
  const own = post.author.objectId === self;
  return (
    <div className={styles.actions}>
      {post.state === 'published' && (
        <ToggleButton
          checked={post.marked}
          disabled={!post.may.mark || busy === 'mark'}
          onClick={() => onMark(!post.marked)}
        >
          {t('workspace.useful', { count: post.useful })}
        </ToggleButton>
      )}
      <Button onClick={() => void copy()}>{t('workspace.link.copy')}</Button>
      {post.may.edit && <Button onClick={onEdit}>{t('workspace.edit')}</Button>}
      {post.may.publish && post.state === 'draft' && (
        <Button appearance="primary" onClick={() => setDialog('publish')}>
          {t('workspace.publish')}
        </Button>
      )}
      {post.may.delete && own && (
        <ConfirmDialog
          trigger={<Button>{t('workspace.delete')}</Button>}
          open={dialog === 'delete'}
          onOpenChange={(open) => setDialog(open ? 'delete' : null)}
          title={t('workspace.delete.title')}
          confirmLabel={t('workspace.delete')}
          dismissLabel={t('workspace.cancel')}
          busy={busy === 'delete'}
          onConfirm={() => onDelete(undefined)}
        >
          {t('workspace.delete.explain')}
        </ConfirmDialog>
      )}
      {post.may.delete && !own && (
        <Button onClick={() => setDialog('delete')}>{t('workspace.delete')}</Button>
      )}
      {copied && (
        <Text role="status" className={styles.meta}>
          {copied}
        </Text>
      )}
      {dialog === null && error !== null && <ErrorBar error={error} />}
      {dialog === 'publish' && (
        <PublishDialog
          busy={busy === 'publish'}
          error={error}
          onClose={close}
          onPublish={(publication) => onPublish(publication, close)}
        />
      )}
      {dialog === 'delete' && !own && (
        <ReasonDialog
          title={t('workspace.delete.title')}
          explain={t('workspace.delete.reasonExplain', { author: post.author.displayName })}
          confirmLabel={t('workspace.delete')}
          busy={busy === 'delete'}
          error={error}
          onClose={close}
          onConfirm={(reason) => onDelete(reason)}
        />
      )}
    </div>
  );
}
