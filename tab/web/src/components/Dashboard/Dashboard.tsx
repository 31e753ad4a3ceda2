import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  mergeClasses,
} from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { downloadText } from '../../api/download';
import type { Heatmap } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useDashboardStyles } from './Dashboard.styles';
import { heatmapCsv, heatmapTable, type ShownCell } from './heatmap-table';

function Cell({ cell }: { cell: ShownCell }) {
  const styles = useDashboardStyles();
  return (
    <TableCell className={mergeClasses(styles.cell, styles[cell.tone])}>
      {cell.value && <span className={styles.value}>{cell.value}</span>}
      {cell.note && <span className={styles.note}>{cell.note}</span>}
    </TableCell>
  );
}

function HeatmapView({ data }: { data: Heatmap }) {
  const { t, locale } = useI18n();
  const styles = useDashboardStyles();
  const table = useMemo(() => heatmapTable(data, t, locale), [data, t, locale]);
  const total = data.participants.total;
  return (
    <>
      <div className={styles.summary}>
        <Text>
          {t('dashboard.scope', {
            scope: data.scope.length ? data.scope.join(' › ') : t('dashboard.scopeAll'),
          })}
        </Text>
        <Text>
          {total === null
            ? t('dashboard.totalHidden')
            : t('dashboard.total', { count: new Intl.NumberFormat(locale).format(total) })}
        </Text>
      </div>
      {table.rows.length === 0 ? (
        <Text as="p" block>
          {t('dashboard.empty')}
        </Text>
      ) : (
        <>
          <div>
            <Button
              appearance="primary"
              onClick={() =>
                downloadText(
                  t('dashboard.fileName'),
                  heatmapCsv(table, t),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('dashboard.export')}
            </Button>
          </div>
          <div
            className={styles.scroller}
            role="region"
            aria-labelledby="heatmap-caption"
            tabIndex={0}
          >
            <Text as="p" block id="heatmap-caption" weight="semibold">
              {t('dashboard.caption')}
            </Text>
            <Table aria-labelledby="heatmap-caption" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('dashboard.unit')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('dashboard.participants')}</TableHeaderCell>
                  {table.dimensions.map((d) => (
                    <TableHeaderCell key={d.id} scope="col">
                      {d.name}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {table.rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableHeaderCell scope="row" className={styles.rowHeader}>
                      {row.label}
                    </TableHeaderCell>
                    <Cell cell={row.participants} />
                    {row.dimensions.map((cell, i) => (
                      <Cell key={table.dimensions[i]?.id ?? i} cell={cell} />
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      <Text as="p" block className={styles.footnote}>
        {t('dashboard.legend')}
      </Text>
      <Text as="p" block className={styles.footnote}>
        {t('dashboard.note', { k: data.k })}
      </Text>
    </>
  );
}

/** The strengths heat map of the manager's subtree (everything, for admins), privacy-gated. */
export function Dashboard() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useDashboardStyles();
  const load = useCallback(() => api.heatmap(1), [api]);
  const [heatmap, reload] = useLoad(load);
  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('dashboard.heading')}</Title2>
      {heatmap.state === 'loading' && <Spinner label={t('app.loading')} />}
      {heatmap.state === 'failed' && <ErrorBar error={heatmap.error} onRetry={reload} />}
      {heatmap.state === 'loaded' && <HeatmapView data={heatmap.value} />}
    </div>
  );
}
