import { HorizontalBarChart, HorizontalBarChartVariant } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import { percent, type DistributionRow } from './results-view';

/**
 * A question's answers as bars, one per value, each against the people who answered; the table
 * beside it says the same in words.
 */
export function DistributionChart({
  rows,
  answered,
}: {
  rows: DistributionRow[];
  answered: number;
}) {
  const { locale } = useI18n();
  return (
    <HorizontalBarChart
      culture={locale}
      variant={HorizontalBarChartVariant.AbsoluteScale}
      hideTooltip
      data={rows.map((row) => ({
        chartTitle: row.label,
        chartData: [
          {
            legend: row.label,
            horizontalBarChartdata: { x: row.count, total: answered },
            color: tokens.colorBrandBackground,
            xAxisCalloutData: row.label,
            yAxisCalloutData: percent(row.share, locale),
          },
        ],
      }))}
    />
  );
}
