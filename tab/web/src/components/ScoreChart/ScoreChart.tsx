import { useI18n } from '../../i18n/i18n';
import { useScoreChartStyles } from './ScoreChart.styles';

export interface ScoreRow {
  id: string;
  name: string;
  /** Null when none of the dimension's items was answered. */
  score: number | null;
  band: string;
}

const WIDTH = 640;
const BAR_WIDTH = 470;
const ROW_HEIGHT = 52;
const BAR_HEIGHT = 18;

const clamp = (score: number | null) => Math.min(100, Math.max(0, score ?? 0));

/**
 * Horizontal bars, one per dimension, on a 0–100 scale with the band thresholds marked. The SVG
 * is one image with a summary for screen readers; a visually hidden table carries the numbers.
 */
export function ScoreChart({
  rows,
  thresholds,
}: {
  rows: readonly ScoreRow[];
  /** Where the bands above the lowest start (0–100), as the questionnaire sets them. */
  thresholds: readonly number[];
}) {
  const { t } = useI18n();
  const styles = useScoreChartStyles();
  const summary = rows
    .map((row) =>
      t('results.chart.item', { name: row.name, score: row.score ?? '', band: row.band }),
    )
    .join('; ');
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className={styles.figure}>
      <svg
        role="img"
        aria-label={t('results.chart.label', { summary })}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className={styles.svg}
      >
        {rows.map((row, i) => {
          const y = i * ROW_HEIGHT;
          return (
            <g key={row.id}>
              <text x={0} y={y + 16} className={styles.label}>
                {row.name}
              </text>
              <rect
                x={0}
                y={y + 24}
                width={BAR_WIDTH}
                height={BAR_HEIGHT}
                className={styles.track}
              />
              <rect
                x={0}
                y={y + 24}
                width={(BAR_WIDTH * clamp(row.score)) / 100}
                height={BAR_HEIGHT}
                className={styles.bar}
              />
              {thresholds.map((threshold) => (
                <line
                  key={threshold}
                  x1={(BAR_WIDTH * threshold) / 100}
                  x2={(BAR_WIDTH * threshold) / 100}
                  y1={y + 20}
                  y2={y + 24 + BAR_HEIGHT + 4}
                  className={styles.threshold}
                />
              ))}
              <text x={BAR_WIDTH + 10} y={y + 38} className={styles.value}>
                {row.score}
                <tspan className={styles.band}> · {row.band}</tspan>
              </text>
            </g>
          );
        })}
      </svg>
      <table className={styles.visuallyHidden}>
        <caption>{t('results.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.table.dimension')}</th>
            <th scope="col">{t('results.table.score')}</th>
            <th scope="col">{t('results.table.band')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>{row.score}</td>
              <td>{row.band}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
