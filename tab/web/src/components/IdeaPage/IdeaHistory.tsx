import { Link, Subtitle1, Text } from '@fluentui/react-components';
import { useId } from 'react';
import type { IdeaDetail, IdeaHistoryEntry } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { personName } from '../Ideas/idea-text';
import { useIdeaPageStyles } from './IdeaPage.styles';

function EntryText({ entry }: { entry: IdeaHistoryEntry }) {
  const { t } = useI18n();
  const styles = useIdeaPageStyles();
  const who = entry.actor ? personName(entry.actor, t) : t('ideas.history.team');
  return (
    <>
      <Text>
        {entry.kind === 'status' && entry.status
          ? t('ideas.history.status', { status: t(`ideas.status.${entry.status}`) })
          : t(`ideas.history.${entry.kind}`, { who })}
      </Text>
      {entry.reason && (
        <Text className={styles.text}>{t('ideas.history.reason', { reason: entry.reason })}</Text>
      )}
      {entry.kind === 'amendmentAccepted' && entry.field && (
        <>
          <Text className={styles.text}>
            {t('ideas.history.before', { field: t(`ideas.field.${entry.field}`) })}{' '}
            <span className={styles.before}>{entry.before}</span>
          </Text>
          <Text className={styles.text}>
            {t('ideas.history.after', { field: t(`ideas.field.${entry.field}`) })} {entry.after}
          </Text>
        </>
      )}
    </>
  );
}

/** Every change to the idea, oldest first: statuses with reasons, amendments, merges. */
export function IdeaHistory({ idea, onOpen }: { idea: IdeaDetail; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useIdeaPageStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {t('ideas.history.heading')}
      </Subtitle1>
      <ol className={styles.plain}>
        {idea.history.map((entry, index) => (
          <li key={index} className={styles.entry}>
            <Text size={200} className={styles.small}>
              {formatDate(entry.at, locale)}
            </Text>
            <EntryText entry={entry} />
            {entry.other && (
              <Link as="button" onClick={() => onOpen(entry.other!.id)}>
                {entry.other.title}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
