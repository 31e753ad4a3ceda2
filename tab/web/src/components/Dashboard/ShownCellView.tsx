import { TableCell, mergeClasses } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n';
import { useDashboardStyles } from './Dashboard.styles';
import type { ShownBands, ShownCell } from './shown-cell';

/** The spread over the bands: a bar for the eye, the same in words beside it and for readers. */
function Bands({ bands }: { bands: ShownBands }) {
  const { t } = useI18n();
  const styles = useDashboardStyles();
  return (
    <span className={styles.bands}>
      <span className={styles.bandBar} aria-hidden="true">
        {bands.parts.map((part) => (
          <span
            key={part.band}
            className={mergeClasses(styles.bandPart, styles[`${part.band}Part`])}
            style={{ width: `${part.share * 100}%` }}
          />
        ))}
      </span>
      {/* Initials in the order of the legend (B, I, A): the words for screen readers. */}
      <span className={styles.bandText} aria-hidden="true">
        {bands.parts
          .map((part) => `${t(`band.${part.band}`).charAt(0)} ${part.percent}`)
          .join(' · ')}
      </span>
      <span className={styles.visuallyHidden}>{t('dashboard.bands', { bands: bands.label })}</span>
    </span>
  );
}

/** One cell of the heat map or the trend: the figure, its words, its spread and its change. */
export function ShownCellView({ cell }: { cell: ShownCell }) {
  const styles = useDashboardStyles();
  return (
    <TableCell className={mergeClasses(styles.cell, styles[cell.tone])}>
      {cell.value && <span className={styles.value}>{cell.value}</span>}
      {cell.note && <span className={styles.note}>{cell.note}</span>}
      {cell.bands && <Bands bands={cell.bands} />}
      {cell.change?.value && (
        // Read as a whole ("4,2 points higher than in …"), the way Fluent's RatingDisplay is.
        <span role="img" aria-label={cell.change.label} className={styles.change}>
          {cell.change.value}
        </span>
      )}
      {cell.change?.note && <span className={styles.note}>{cell.change.note}</span>}
    </TableCell>
  );
}
