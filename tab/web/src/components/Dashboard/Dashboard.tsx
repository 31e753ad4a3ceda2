import {
  Button,
  Link,
  Spinner,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { downloadText } from '../../api/download';
import type { Heatmap } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { HeatmapFilters } from '../HeatmapFilters/HeatmapFilters';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { formatDate } from '../Campaigns/campaign-view';
import { campaignName } from './campaign-name';
import { useDashboardStyles } from './Dashboard.styles';
import { heatmapCsv, heatmapFileName } from './heatmap-csv';
import { heatmapTable, type ShownRow } from './heatmap-table';
import { ScopeBreadcrumb } from './ScopeBreadcrumb';
import { ShownCellView } from './ShownCellView';
import { TrendView } from './TrendView';
import { useDashboard } from './use-dashboard';

/** A unit's name; a button that opens it into its sub-units when it has some. */
function RowLabel({ row, onOpen }: { row: ShownRow; onOpen: (unit: readonly string[]) => void }) {
  const { t } = useI18n();
  const { opens } = row;
  if (!opens) return <>{row.label}</>;
  return (
    <Link
      as="button"
      aria-label={t('dashboard.openUnit', { unit: row.label })}
      onClick={() => onOpen(opens)}
    >
      {row.label}
    </Link>
  );
}

function HeatmapView({
  data,
  drilled,
  onOpen,
}: {
  data: Heatmap;
  /** Opened from a row or the breadcrumb: the focus moves to the new screen's table. */
  drilled: boolean;
  onOpen: (unit: readonly string[] | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useDashboardStyles();
  const table = useMemo(() => heatmapTable(data, t, locale), [data, t, locale]);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (drilled) region.current?.focus();
  }, [drilled]);
  const total = data.participants.total;
  const { campaign, compare } = data;
  return (
    <>
      {data.scope.length > data.root.length && (
        <ScopeBreadcrumb root={data.root} scope={data.scope} onOpen={onOpen} />
      )}
      <div className={styles.summary}>
        <Text>{t('dashboard.scope', { scope: table.about.scope })}</Text>
        <Text>
          {total === null
            ? t('dashboard.totalHidden')
            : t('dashboard.total', { count: new Intl.NumberFormat(locale).format(total) })}
        </Text>
      </div>
      {table.compare && (
        <Text as="p" block>
          {t('dashboard.comparing', { campaign: table.compare })}
        </Text>
      )}
      {table.rows.length === 0 ? (
        <Text as="p" block>
          {t('dashboard.empty')}
        </Text>
      ) : (
        <>
          <div>
            <Button
              appearance="primary"
              onClick={() => {
                const now = new Date();
                downloadText(
                  heatmapFileName(table, t, now),
                  heatmapCsv(table, t, locale, now),
                  'text/csv;charset=utf-8',
                );
              }}
            >
              {t('dashboard.export')}
            </Button>
          </div>
          <ScrollingTable ref={region} caption={t('dashboard.caption')} className={styles.table}>
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
                <TableRow key={row.key} className={row.reference ? styles.reference : undefined}>
                  <TableHeaderCell scope="row" className={styles.rowHeader}>
                    <RowLabel row={row} onOpen={onOpen} />
                  </TableHeaderCell>
                  <ShownCellView cell={row.participants} />
                  {row.dimensions.map((cell, i) => (
                    <ShownCellView key={table.dimensions[i]?.id ?? i} cell={cell} />
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </ScrollingTable>
        </>
      )}
      <Text as="p" block className={styles.footnote}>
        {t('dashboard.legend')}
      </Text>
      <Text as="p" block className={styles.footnote}>
        {t('dashboard.rateNote')}
      </Text>
      <Text as="p" block className={styles.footnote}>
        {t('dashboard.note', { k: campaign.k })}
      </Text>
      {data.publishedAt && (
        <Text as="p" block className={styles.footnote}>
          {t('dashboard.published', {
            date: formatDate(data.publishedAt, locale),
            k: campaign.k,
          })}
        </Text>
      )}
      {compare && compare.k !== campaign.k && (
        <Text as="p" block className={styles.footnote}>
          {t('dashboard.compareNote', { campaign: campaignName(compare, t, locale), k: compare.k })}
        </Text>
      )}
      <TrendView unit={data.scope} />
    </>
  );
}

/** The strengths heat map of the manager's subtree (everything, for admins), privacy-gated. */
export function Dashboard() {
  const { t } = useI18n();
  const styles = useDashboardStyles();
  const { campaigns, reloadCampaigns, choice, choose, open, drilled, heatmap, reloadHeatmap } =
    useDashboard();
  const list = campaigns.state === 'loaded' ? campaigns.value : null;
  const shown = heatmap.state === 'loaded' ? heatmap.value.campaign : null;
  // Why the running round shows nothing (yet), whether it is on screen or an older one is.
  const running =
    list && shown
      ? shown.id === list.current.id
        ? 'dashboard.running'
        : list.shown !== list.current.id
          ? 'dashboard.runningElsewhere'
          : null
      : null;
  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('dashboard.heading')}</Title2>
      {campaigns.state === 'loaded' && (
        <HeatmapFilters list={campaigns.value} choice={choice} onChange={choose} />
      )}
      {/* A refusal or an outage already shows on the heat map: one message is enough. */}
      {campaigns.state === 'failed' && heatmap.state === 'loaded' && (
        <ErrorBar error={campaigns.error} onRetry={reloadCampaigns} />
      )}
      {list && running && (
        <Text as="p" block>
          {t(running, { k: list.current.k })}
        </Text>
      )}
      {heatmap.state === 'loading' && <Spinner label={t('app.loading')} />}
      {heatmap.state === 'failed' && <ErrorBar error={heatmap.error} onRetry={reloadHeatmap} />}
      {heatmap.state === 'loaded' && (
        <HeatmapView data={heatmap.value} drilled={drilled} onOpen={open} />
      )}
    </div>
  );
}
