import {
  Button,
  Spinner,
  Subtitle1,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { downloadText } from '../../api/download';
import type { AuditEntry, AuditPage } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';
import { isMessageKey, useI18n, type Translate } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useFacilitatorsStyles } from './Facilitators.styles';

/** An action in words where the tab knows it (`audit.action.<action>`), else its constant. */
function actionName(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** The first page on mount; later pages appended on demand. */
function useAuditPages() {
  const api = useApi();
  const load = useCallback(() => api.audit(), [api]);
  const [first, reload] = useLoad(load);
  const [pages, setPages] = useState<AuditPage[]>([]);
  const last = pages.at(-1) ?? (first.state === 'loaded' ? first.value : null);
  const { busy, error, run } = useAction<'more'>();
  const loadMore = () =>
    run('more', async () => {
      if (!last?.next) return;
      const page = await api.audit(last.next);
      setPages([...pages, page]);
    });
  const entries: AuditEntry[] =
    first.state === 'loaded' ? [first.value, ...pages].flatMap((p) => p.entries) : [];
  return { first, reload, entries, hasMore: Boolean(last?.next), loadMore, busy, error };
}

/**
 * Who did what, when, about whom and why (admins only): paged, and as CSV. Remounted (by key)
 * to read the first page again after a change on this screen.
 */
export function AuditLog() {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const { first, reload, entries, hasMore, loadMore, busy, error } = useAuditPages();
  const exporting = useAction<'csv'>();

  const exportCsv = () =>
    exporting.run('csv', async () => {
      downloadText(t('audit.fileName'), await api.auditCsv(), 'text/csv;charset=utf-8');
    });

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle1 as="h3" id={headingId}>
        {t('audit.heading')}
      </Subtitle1>
      <Text as="p" block className={styles.intro}>
        {t('audit.intro')}
      </Text>
      <div>
        <Button
          onClick={() => void exportCsv()}
          disabled={exporting.busy !== null}
          icon={exporting.busy ? <Spinner size="tiny" /> : undefined}
        >
          {t('audit.export')}
        </Button>
      </div>
      {exporting.error !== null && <ErrorBar error={exporting.error} />}
      {first.state === 'loading' && <Spinner label={t('app.loading')} />}
      {first.state === 'failed' && <ErrorBar error={first.error} onRetry={reload} />}
      {first.state === 'loaded' && entries.length === 0 && (
        <Text as="p" block>
          {t('audit.empty')}
        </Text>
      )}
      {entries.length > 0 && (
        <ScrollingTable caption={t('audit.caption')} className={styles.wideTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('audit.at')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.actor')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.subject')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.note')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableHeaderCell scope="row" className={styles.nowrap}>
                  {formatDate(entry.at, locale)}
                </TableHeaderCell>
                <TableCell>{actionName(entry.action, t)}</TableCell>
                <TableCell className={styles.id}>{entry.actor}</TableCell>
                <TableCell className={styles.id}>{entry.subject ?? '—'}</TableCell>
                <TableCell className={styles.note}>{entry.note ?? entry.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollingTable>
      )}
      {error !== null && <ErrorBar error={error} />}
      {hasMore && (
        <div>
          <Button
            onClick={() => void loadMore()}
            disabled={busy !== null}
            icon={busy ? <Spinner size="tiny" /> : undefined}
          >
            {t('audit.more')}
          </Button>
        </div>
      )}
    </section>
  );
}
