import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { usePostsApi } from '../../api/posts';
import { downloadBlob } from '../../api/download';
import type { PostAttachment } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { usePostPageStyles } from './PostPage.styles';

/** "1.2 MB", "240 kB". */
export function formatBytes(bytes: number, locale: string): string {
  const megabytes = bytes >= 1_000_000;
  const value = megabytes ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return `${number} ${megabytes ? 'MB' : 'kB'}`;
}

/** The post's files, each downloaded with the caller's credentials (a plain link lacks them). */
export function PostAttachments({ attachments }: { attachments: readonly PostAttachment[] }) {
  const { t, locale } = useI18n();
  const styles = usePostPageStyles();
  const api = usePostsApi();
  const [error, setError] = useState<unknown>(null);
  if (attachments.length === 0) return null;
  const download = async (attachment: PostAttachment) => {
    setError(null);
    try {
      downloadBlob(attachment.name, await api.file(attachment.url));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-label={t('workspace.attachments')}>
      <Subtitle2 as="h3">{t('workspace.attachments')}</Subtitle2>
      <ul className={styles.list}>
        {attachments.map((attachment) => (
          <li key={attachment.id} className={styles.item}>
            <Button
              appearance="transparent"
              onClick={() => void download(attachment)}
              aria-label={t('workspace.attachment.download', { name: attachment.name })}
            >
              {attachment.name}
            </Button>
            <Text size={200} className={styles.meta}>
              {formatBytes(attachment.bytes, locale)}
            </Text>
          </li>
        ))}
      </ul>
      {error !== null && <ErrorBar error={error} />}
    </section>
  );
}
