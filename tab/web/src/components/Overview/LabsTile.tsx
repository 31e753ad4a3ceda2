import {
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { OverviewLabs, OverviewLabTheme } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { BarFigure } from './BarFigure';
import type { OverviewLink } from './overview-links';
import { CsvButton, FigureCell, OpenLink, Tile } from './Tile';
import { useLabsTile } from './use-labs-tile';

type LabFigures = OverviewLabs['total'];

/** The labs per theme: active, members, tasks done and overdue, last update. */
export function LabsTile({
  data,
  links,
  onOpen,
}: {
  data: OverviewLabs;
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t, locale } = useI18n();
  const view = useLabsTile(data);
  const { f } = view;
  const caption = t('overview.labs.themes');
  const row = (key: string, label: string, labs: LabFigures) => (
    <TableRow key={key}>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      <FigureCell text={f.integer(labs.labs)} />
      <FigureCell text={f.integer(labs.active)} />
      <FigureCell text={f.integer(labs.members)} />
      <FigureCell text={f.integer(labs.tasksDone)} />
      <FigureCell text={f.integer(labs.tasksOverdue)} />
      <TableCell>{view.lastUpdate(labs.lastUpdateAt)}</TableCell>
    </TableRow>
  );
  return (
    <Tile
      heading={t('overview.labs.heading')}
      actions={
        <>
          <OpenLink to="labs" links={links} onOpen={onOpen} />
          {data.themes.length > 0 && <CsvButton tile="labs" table={caption} />}
        </>
      }
    >
      {data.themes.length === 0 ? (
        <Text as="p">{t('overview.labs.none')}</Text>
      ) : (
        <>
          <Text as="p" block weight="semibold">
            {view.summary}
          </Text>
          <BarFigure
            label={t('overview.chart', { table: t('overview.labs.chart') })}
            bars={view.bars}
          />
          <ScrollingTable caption={caption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.labs.theme')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.labs.labs')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.labs.active')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.labs.members')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.labs.tasksDone')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.labs.overdue')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.labs.lastUpdate')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.themes.map((theme: OverviewLabTheme) =>
                row(theme.themeId, theme.name[locale], theme),
              )}
              {row('', t('overview.total'), data.total)}
            </TableBody>
          </ScrollingTable>
        </>
      )}
    </Tile>
  );
}
