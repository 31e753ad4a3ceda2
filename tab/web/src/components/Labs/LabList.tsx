import { Badge, Link, Text } from '@fluentui/react-components';
import type { LabSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { personName } from '../LabPage/lab-view';
import { useLabsStyles } from './Labs.styles';

/** The labs as cards: title (opens the lab), theme, status, leads, people, last update. */
export function LabList({
  labs,
  onOpen,
}: {
  labs: readonly LabSummary[];
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useLabsStyles();
  if (labs.length === 0) return <Text as="p">{t('labs.list.empty')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('labs.list.label')}>
      {labs.map((lab) => (
        <li key={lab.id} className={styles.card}>
          <Link
            as="button"
            className={styles.title}
            onClick={() => onOpen(lab.id)}
            data-lab={lab.id}
          >
            {lab.title}
          </Link>
          <div className={styles.badges}>
            <Badge appearance="tint">{lab.theme.title}</Badge>
            <Badge appearance="outline">{t(`labs.status.${lab.status}`)}</Badge>
            {lab.private && <Badge appearance="outline">{t('labs.private')}</Badge>}
            {lab.membership && (
              <Badge appearance="filled" color="informative">
                {t(`labs.mine.${lab.membership}`)}
              </Badge>
            )}
          </div>
          <Text className={styles.goal}>{lab.goal}</Text>
          <Text size={200} className={styles.meta}>
            {t('labs.lab.leads', { names: lab.leads.map((p) => personName(t, p)).join(', ') })}
          </Text>
          <Text size={200} className={styles.meta}>
            {t('labs.list.people', { count: lab.memberCount })}
            {' · '}
            {lab.lastUpdateAt
              ? t('labs.list.lastUpdate', { date: formatDate(lab.lastUpdateAt, locale) })
              : t('labs.list.noUpdate')}
          </Text>
        </li>
      ))}
    </ul>
  );
}
