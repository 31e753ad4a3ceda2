import {
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { OverviewFacilitatorCell, OverviewFacilitators } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { BarFigure } from './BarFigure';
import type { OverviewLink } from './overview-links';
import { useOverviewStyles } from './Overview.styles';
import { CsvButton, FigureCell, OpenLink, Tile } from './Tile';
import { useFacilitatorsTile } from './use-facilitators-tile';

/** Facilitators per unit against the target, and their training hours against the plan. */
export function FacilitatorsTile({
  data,
  links,
  onOpen,
}: {
  data: OverviewFacilitators;
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t } = useI18n();
  const styles = useOverviewStyles();
  const view = useFacilitatorsTile(data);
  const { f } = view;
  const caption = t('overview.facilitators.units');
  const row = (cell: OverviewFacilitatorCell, label: string) => (
    <TableRow key={cell.orgUnitPath.join('\n')}>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      <FigureCell text={f.integer(cell.employees)} />
      <FigureCell text={f.integer(cell.facilitators)} />
      <FigureCell text={f.integer(cell.target)} />
      <FigureCell text={f.rate(cell.facilitators, cell.target)} />
      <FigureCell text={view.hoursOf(cell)} />
      <FigureCell text={view.plannedOf(cell)} />
    </TableRow>
  );
  return (
    <Tile
      heading={t('overview.facilitators.heading')}
      actions={
        <>
          <OpenLink to="facilitators" links={links} onOpen={onOpen} />
          <CsvButton tile="facilitators" table={caption} />
        </>
      }
    >
      <Text as="p" block weight="semibold">
        {view.coverage}
      </Text>
      <Text as="p" block weight="semibold">
        {view.hours}
      </Text>
      <BarFigure
        label={t('overview.chart', { table: t('overview.facilitators.chart') })}
        bars={view.bars}
      />
      <ScrollingTable caption={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('overview.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.facilitators.employees')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.facilitators.count')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.facilitators.target')}</TableHeaderCell>
            <TableHeaderCell scope="col">
              {t('overview.facilitators.coverageColumn')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">
              {t('overview.facilitators.trainingHours')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">
              {t('overview.facilitators.trainingTarget')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.units.map((cell) => row(cell, f.unit(cell)))}
          {row(data.total, t('overview.total'))}
        </TableBody>
      </ScrollingTable>
      <Text as="p" block size={200} className={styles.muted}>
        {t('overview.facilitators.hoursNote')}
      </Text>
    </Tile>
  );
}
