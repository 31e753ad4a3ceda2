import { HorizontalBarChart, HorizontalBarChartVariant } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import { useOverviewStyles } from './Overview.styles';

/** One bar: `value` out of `total`; `text` says the same in words (its focus label). */
export interface Bar {
  label: string;
  value: number;
  total: number;
  text: string;
}

/**
 * Bars on one scale, each focusable with its figure as its name; the table beside it carries
 * the same figures and the hidden ones, which have no bar (never a bar of 0).
 */
export function BarFigure({
  label,
  bars,
  decimals = false,
}: {
  label: string;
  bars: Bar[];
  /** The chart would write decimals the English way: the bars' own labels are left out then. */
  decimals?: boolean;
}) {
  const { locale } = useI18n();
  const styles = useOverviewStyles();
  if (bars.length === 0) return null;
  return (
    <figure className={styles.chart} aria-label={label}>
      <HorizontalBarChart
        culture={locale}
        variant={HorizontalBarChartVariant.AbsoluteScale}
        hideTooltip
        hideLabels={decimals}
        data={bars.map((bar) => ({
          chartTitle: bar.label,
          chartData: [
            {
              legend: bar.label,
              horizontalBarChartdata: { x: bar.value, total: bar.total },
              color: tokens.colorBrandBackground,
              xAxisCalloutData: bar.label,
              yAxisCalloutData: bar.text,
            },
          ],
        }))}
      />
    </figure>
  );
}
