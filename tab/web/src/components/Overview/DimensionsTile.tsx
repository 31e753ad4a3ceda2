import {
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { OverviewDimensions } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { BarFigure } from './BarFigure';
import type { OverviewLink } from './overview-links';
import { useOverviewStyles } from './Overview.styles';
import { CsvButton, FigureCell, OpenLink, Tile } from './Tile';
import { useDimensionsTile, type ShownScore } from './use-dimensions-tile';

function Change({ score }: { score: ShownScore }) {
  const { change } = score;
  if (change.value)
    return (
      <span role="img" aria-label={change.label}>
        {change.value}
      </span>
    );
  return <>{change.note || '—'}</>;
}

/**
 * Strengths and growth areas: the dimensions ranked in the caller's scope and in each unit
 * below it, with the change since the previous round where both are visible.
 */
export function DimensionsTile({
  data,
  links,
  onOpen,
}: {
  data: OverviewDimensions;
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t } = useI18n();
  const styles = useOverviewStyles();
  const view = useDimensionsTile(data);
  const { f } = view;
  const ranking = t('overview.dimensions.ranking', { scope: f.unit(data.total) });
  const byUnit = t('overview.dimensions.byUnit');
  const empty = view.campaign === null || view.ranking.length === 0;
  return (
    <Tile
      heading={t('overview.dimensions.heading')}
      actions={
        <>
          <OpenLink to="dashboard" links={links} onOpen={onOpen} />
          {!empty && <CsvButton tile="dimensions" table={ranking} />}
        </>
      }
    >
      {empty ? (
        <Text as="p">{t('overview.dimensions.none')}</Text>
      ) : (
        <>
          <Text as="p" block className={styles.muted}>
            {t('overview.participation.campaign', { campaign: view.campaign ?? '' })}
          </Text>
          {view.strengths && (
            <Text as="p" block weight="semibold">
              {t('overview.dimensions.strengths', { names: view.strengths })}
            </Text>
          )}
          {view.growth && (
            <Text as="p" block weight="semibold">
              {t('overview.dimensions.growth', { names: view.growth })}
            </Text>
          )}
          {view.compare === null && (
            <Text as="p" block className={styles.muted}>
              {t('overview.dimensions.noCompare')}
            </Text>
          )}
          <BarFigure label={t('overview.chart', { table: ranking })} bars={view.bars} decimals />
          <ScrollingTable caption={ranking}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.dimensions.rank')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.dimensions.dimension')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.dimensions.mean')}</TableHeaderCell>
                {view.compare && (
                  <TableHeaderCell scope="col">
                    {t('overview.dimensions.change', { campaign: view.compare })}
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.ranking.map((score) => (
                <TableRow key={score.id}>
                  <TableCell className={styles.number}>{score.rank ?? '—'}</TableCell>
                  <TableHeaderCell scope="row">{score.name}</TableHeaderCell>
                  <FigureCell text={score.mean} />
                  {view.compare && (
                    <TableCell>
                      <Change score={score} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </ScrollingTable>
          {data.units.length > 0 && (
            <ScrollingTable caption={byUnit}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('overview.unit')}</TableHeaderCell>
                  {data.names.map((dimension) => (
                    <TableHeaderCell scope="col" key={dimension.id}>
                      {dimension.name[f.locale]}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.units.map((unit) => (
                  <TableRow key={unit.orgUnitPath.join('\n')}>
                    <TableHeaderCell scope="row">{f.unit(unit)}</TableHeaderCell>
                    {data.names.map((dimension) => (
                      <FigureCell
                        key={dimension.id}
                        text={unit.hidden ? null : view.unitScore(unit.scores, dimension.id)}
                      />
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </ScrollingTable>
          )}
        </>
      )}
    </Tile>
  );
}
