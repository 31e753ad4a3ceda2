import { Button, Link, Subtitle1, TableCell } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { OverviewTile } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import type { OverviewLink } from './overview-links';
import { useOverviewStyles } from './Overview.styles';
import { useTileCsv } from './use-overview';

/** A tile's table as CSV: the button names the table it downloads. */
export function CsvButton({ tile, table }: { tile: OverviewTile; table: string }) {
  const { t } = useI18n();
  const { busy, error, download } = useTileCsv(tile);
  return (
    <>
      <Button size="small" disabled={busy} onClick={() => void download()}>
        {t('overview.csv', { table })}
      </Button>
      {error !== null && <ErrorBar error={error} />}
    </>
  );
}

/** Opens a tile's detailed screen (when the caller may open it). */
export function OpenLink({
  to,
  links,
  onOpen,
}: {
  to: OverviewLink;
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t } = useI18n();
  if (!links.includes(to)) return null;
  return (
    <Link as="button" onClick={() => onOpen(to)}>
      {t(`overview.open.${to}`)}
    </Link>
  );
}

/** A tile: its heading, figures, and a row of actions that the printed report leaves out. */
export function Tile({
  heading,
  actions,
  children,
}: {
  heading: string;
  actions: ReactNode;
  children: ReactNode;
}) {
  const styles = useOverviewStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.tile}>
      <Subtitle1 as="h3" id={headingId}>
        {heading}
      </Subtitle1>
      {children}
      <div className={styles.actions}>{actions}</div>
    </section>
  );
}

/** A figure, or the words that say it is hidden (never a 0 in its place). */
export function FigureCell({ text }: { text: string | null }) {
  const { t } = useI18n();
  const styles = useOverviewStyles();
  return text === null ? (
    <TableCell className={styles.hidden}>{t('overview.hidden')}</TableCell>
  ) : (
    <TableCell className={styles.number}>{text}</TableCell>
  );
}
