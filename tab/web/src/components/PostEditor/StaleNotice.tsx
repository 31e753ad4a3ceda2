import { Button, MessageBar, MessageBarBody, Subtitle2, Text } from '@fluentui/react-components';
import type { PostDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { Markdown } from '../Markdown/Markdown';
import { usePostEditorStyles } from './PostEditor.styles';

/** A save refused because someone stored a newer version: that version, and the two ways on. */
export function StaleNotice({
  current,
  onTake,
  onKeep,
}: {
  current: PostDetail;
  onTake: () => void;
  onKeep: () => void;
}) {
  const { t, locale } = useI18n();
  const styles = usePostEditorStyles();
  return (
    <section className={styles.stale} aria-labelledby="post-stale-heading">
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody id="post-stale-heading">
          {t('workspace.stale', {
            version: current.version,
            date: formatDate(current.updatedAt, locale),
          })}
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h3">{current.title}</Subtitle2>
      {current.summary && <Text>{current.summary}</Text>}
      <Markdown text={current.body} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onTake}>
          {t('workspace.stale.take')}
        </Button>
        <Button onClick={onKeep}>{t('workspace.stale.keep')}</Button>
      </div>
    </section>
  );
}
