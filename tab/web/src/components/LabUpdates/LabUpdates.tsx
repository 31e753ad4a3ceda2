import { Badge, Button, Subtitle2, Text } from '@fluentui/react-components';
import type { Lab, LabUpdate } from '../../api/types';
import { useI18n, type Locale, type Translate } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { personName } from '../LabPage/lab-view';
import type { LabWrites } from '../LabPage/use-lab';
import { UpdateForm } from './UpdateForm';
import { useLabUpdatesStyles } from './LabUpdates.styles';

/** Whether the update reached the lab's channel, in words (with the reason when it did not). */
export function postState(t: Translate, locale: Locale, update: LabUpdate): string {
  const { post } = update;
  switch (post.state) {
    case 'posted':
      return t('labs.post.posted', { date: formatDate(post.at, locale) });
    case 'pending':
      return t('labs.post.pending');
    case 'notLinked':
      return t('labs.post.notLinked');
    case 'failed':
      return t('labs.post.failed', { reason: t(`labs.post.reason.${post.reason}`) });
  }
}

function UpdateEntry({
  lab,
  update,
  writes,
  busy,
}: {
  lab: Lab;
  update: LabUpdate;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t, locale } = useI18n();
  const styles = useLabUpdatesStyles();
  const { post } = update;
  const retryable =
    lab.permissions.manage && (post.state === 'failed' || post.state === 'notLinked');
  return (
    <li className={styles.entry}>
      <Subtitle2 as="h4">{update.title}</Subtitle2>
      <Text size={200} className={styles.meta}>
        {t('labs.byOn', {
          name: personName(t, update.author),
          date: formatDate(update.at, locale),
        })}
      </Text>
      {update.progress !== null && (
        <Text>{t('labs.updates.progressValue', { progress: update.progress })}</Text>
      )}
      <Text as="p" block className={styles.text}>
        {update.text}
      </Text>
      {update.nextSteps && (
        <Text as="p" block className={styles.text}>
          {t('labs.updates.nextStepsValue', { steps: update.nextSteps })}
        </Text>
      )}
      {update.mentions.length > 0 && (
        <Text size={200}>
          {t('labs.updates.mentionsValue', {
            names: update.mentions.map((p) => personName(t, p)).join(', '),
          })}
        </Text>
      )}
      <div className={styles.row}>
        <Badge
          appearance="tint"
          color={
            post.state === 'posted'
              ? 'success'
              : post.state === 'pending'
                ? 'informative'
                : 'warning'
          }
        >
          {postState(t, locale, update)}
        </Badge>
        {retryable && (
          <Button
            size="small"
            disabled={busy !== null}
            onClick={() => void writes.update('retry', (api) => api.retryUpdate(lab.id, update.id))}
            aria-label={t('labs.post.retryLabel', { title: update.title })}
          >
            {t('labs.post.retry')}
          </Button>
        )}
      </div>
    </li>
  );
}

/** The lab's updates, newest first, each saying whether it reached the channel; leads write them. */
export function LabUpdates({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const styles = useLabUpdatesStyles();
  return (
    <div className={styles.root}>
      {lab.permissions.manage && lab.status !== 'concluded' && (
        <UpdateForm lab={lab} writes={writes} busy={busy} />
      )}
      <Subtitle2 as="h3">{t('labs.updates.heading')}</Subtitle2>
      {lab.updates.length === 0 ? (
        <Text as="p">{t('labs.updates.empty')}</Text>
      ) : (
        <ul className={styles.list}>
          {lab.updates.map((update) => (
            <UpdateEntry key={update.id} lab={lab} update={update} writes={writes} busy={busy} />
          ))}
        </ul>
      )}
    </div>
  );
}
