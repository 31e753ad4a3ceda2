import {
  Button,
  Link,
  Spinner,
  Subtitle1,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { LabOverviewRow } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { personName } from '../LabPage/lab-view';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useLabOverviewStyles } from './LabOverview.styles';
import { useLabOverview } from './use-lab-overview';

function Row({ row, onOpen }: { row: LabOverviewRow; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useLabOverviewStyles();
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <Link as="button" onClick={() => onOpen(row.id)}>
          {row.title}
        </Link>
      </TableHeaderCell>
      <TableCell>{row.theme}</TableCell>
      <TableCell className={styles.nowrap}>{t(`labs.status.${row.status}`)}</TableCell>
      <TableCell>{row.leads.map((p) => personName(t, p)).join(', ')}</TableCell>
      <TableCell>{row.members}</TableCell>
      <TableCell className={styles.departments}>{row.departments.join(', ')}</TableCell>
      <TableCell className={styles.nowrap}>
        {t('labs.overview.tasksValue', { done: row.tasksDone, total: row.tasksTotal })}
      </TableCell>
      <TableCell className={row.overdue > 0 ? styles.overdue : undefined}>{row.overdue}</TableCell>
      <TableCell className={styles.nowrap}>
        {row.lastUpdateAt ? formatDate(row.lastUpdateAt, locale) : t('labs.overview.never')}
      </TableCell>
    </TableRow>
  );
}

/** Managers and admins: every lab's progress side by side, and the same rows as CSV. */
export function LabOverview({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const styles = useLabOverviewStyles();
  const headingId = useId();
  const { overview, reload, download, busy, error } = useLabOverview();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {t('labs.overview.heading')}
      </Subtitle1>
      {overview.state === 'loading' && <Spinner label={t('app.loading')} />}
      {overview.state === 'failed' && <ErrorBar error={overview.error} onRetry={reload} />}
      {overview.state === 'loaded' &&
        (overview.value.labs.length === 0 ? (
          <Text as="p">{t('labs.list.empty')}</Text>
        ) : (
          <>
            <ScrollingTable caption={t('labs.overview.caption')} className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('labs.overview.lab')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.theme')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.leads')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.members')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.departments')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.tasks')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.overdue')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('labs.overview.lastUpdate')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.value.labs.map((row) => (
                  <Row key={row.id} row={row} onOpen={onOpen} />
                ))}
              </TableBody>
            </ScrollingTable>
            <div>
              <Button onClick={() => void download()} disabled={busy !== null}>
                {t('labs.overview.download')}
              </Button>
            </div>
          </>
        ))}
      {error !== null && <ErrorBar error={error} />}
    </section>
  );
}
