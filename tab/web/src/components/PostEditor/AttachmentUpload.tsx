import { Button, Field, ProgressBar, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { usePostsApi } from '../../api/posts';
import { useErrorMessage } from '../../api/use-api';
import type { PostAttachment, PostDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatBytes } from '../PostPage/PostAttachments';
import { usePostEditorStyles } from './PostEditor.styles';
import { ACCEPT, MAX_MEGABYTES, refusalOf } from './upload-files';

interface Progress {
  done: number;
  total: number;
  current: string;
}

/**
 * The post's files: upload several at once (one after the other, the bar counting them), each
 * refusal named with its file; images can be placed in the text; files removed.
 */
export function AttachmentUpload({
  post,
  onChange,
  onInsert,
}: {
  post: PostDetail;
  /** Files were added or removed. */
  onChange: () => void;
  onInsert: (markdown: string) => void;
}) {
  const { t, locale } = useI18n();
  const styles = usePostEditorStyles();
  const api = usePostsApi();
  const message = useErrorMessage();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const upload = async (files: File[]) => {
    const refused: string[] = [];
    for (const [index, file] of files.entries()) {
      setProgress({ done: index, total: files.length, current: file.name });
      const refusal = refusalOf(file);
      if (refusal) {
        refused.push(t(`workspace.upload.${refusal}`, { name: file.name, max: MAX_MEGABYTES }));
        continue;
      }
      try {
        await api.attach(post.id, file);
        onChange();
      } catch (error) {
        refused.push(t('workspace.upload.refused', { name: file.name, reason: message(error) }));
      }
    }
    setProgress(null);
    setProblems(refused);
  };

  const remove = async (attachment: PostAttachment) => {
    try {
      await api.detach(post.id, attachment.id);
      onChange();
    } catch (error) {
      setProblems([
        t('workspace.upload.refused', { name: attachment.name, reason: message(error) }),
      ]);
    }
  };

  return (
    <section className={styles.section} aria-label={t('workspace.attachments')}>
      <Subtitle2 as="h3">{t('workspace.attachments')}</Subtitle2>
      <Field
        label={t('workspace.upload.label')}
        hint={t('workspace.upload.hint', { max: MAX_MEGABYTES })}
        validationMessage={problems.length > 0 ? problems.join(' ') : undefined}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            multiple
            accept={ACCEPT.join(',')}
            disabled={progress !== null}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) void upload(files);
            }}
          />
        )}
      </Field>
      {progress && (
        <Field
          validationState="none"
          validationMessage={t('workspace.upload.progress', {
            current: progress.done + 1,
            total: progress.total,
            name: progress.current,
          })}
        >
          <ProgressBar value={progress.done / progress.total} />
        </Field>
      )}
      {post.attachments.length > 0 && (
        <ul className={styles.files}>
          {post.attachments.map((attachment) => (
            <li key={attachment.id} className={styles.file}>
              <Text className={styles.fileName}>{attachment.name}</Text>
              <Text size={200}>{formatBytes(attachment.bytes, locale)}</Text>
              {attachment.kind === 'image' && (
                <Button
                  size="small"
                  onClick={() => onInsert(`![${attachment.name}](${attachment.url})`)}
                  aria-label={t('workspace.upload.insert', { name: attachment.name })}
                >
                  {t('workspace.upload.insertShort')}
                </Button>
              )}
              <Button
                size="small"
                onClick={() => void remove(attachment)}
                aria-label={t('workspace.upload.remove', { name: attachment.name })}
              >
                {t('workspace.upload.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
