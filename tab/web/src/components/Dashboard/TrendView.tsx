import {
  Spinner,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useCallback, useId, useMemo } from 'react';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useDashboardStyles } from './Dashboard.styles';
import { ShownCellView } from './ShownCellView';
import { trendTable } from './trend-table';

/** The opened unit over every round with results, each beside the one before. */
export function TrendView({ unit }: { unit: readonly string[] }) {
  const { t, locale } = useI18n();
  const styles = useDashboardStyles();
  const headingId = useId();
  const api = useApi();
  const key = JSON.stringify(unit);
  // By the path's value: a new array for the same unit does not load it again.
  const load = useCallback(() => api.trend(JSON.parse(key) as string[]), [api, key]);
  const [trend, reload] = useLoad(load);
  const table = useMemo(
    () => (trend.state === 'loaded' ? trendTable(trend.value, t, locale) : null),
    [trend, t, locale],
  );
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Title3 as="h3" id={headingId}>
        {t('dashboard.trend.heading')}
      </Title3>
      {trend.state === 'loading' && <Spinner label={t('app.loading')} />}
      {trend.state === 'failed' && <ErrorBar error={trend.error} onRetry={reload} />}
      {table && table.rounds.length === 0 && (
        <Text as="p" block>
          {t('dashboard.trend.empty')}
        </Text>
      )}
      {table && table.rounds.length > 0 && (
        <ScrollingTable
          caption={t('dashboard.trend.caption', { unit: table.unit })}
          className={styles.table}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('dashboard.trend.round')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('dashboard.participants')}</TableHeaderCell>
              {table.dimensions.map((d) => (
                <TableHeaderCell key={d.id} scope="col">
                  {d.name}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rounds.map((round) => (
              <TableRow key={round.key}>
                <TableHeaderCell scope="row" className={styles.rowHeader}>
                  {round.label}
                </TableHeaderCell>
                <ShownCellView cell={round.participants} />
                {round.dimensions.map((cell, i) => (
                  <ShownCellView key={table.dimensions[i]?.id ?? i} cell={cell} />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </ScrollingTable>
      )}
    </section>
  );
}
