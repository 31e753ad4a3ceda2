import {
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { OverviewParticipation, OverviewParticipationCell } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { BarFigure } from './BarFigure';
import type { OverviewLink } from './overview-links';
import type { OverviewFormat } from './overview-format';
import { useOverviewStyles } from './Overview.styles';
import { CsvButton, FigureCell, OpenLink, Tile } from './Tile';
import { useParticipationTile } from './use-participation-tile';

function UnitRow({
  cell,
  label,
  f,
}: {
  cell: OverviewParticipationCell;
  label: string;
  f: OverviewFormat;
}) {
  const shown = !cell.hidden;
  return (
    <TableRow>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      <FigureCell text={shown && cell.invited !== null ? f.integer(cell.invited) : null} />
      <FigureCell text={shown && cell.completed !== null ? f.integer(cell.completed) : null} />
      <FigureCell text={shown && cell.rate !== null ? f.percent(cell.rate) : null} />
    </TableRow>
  );
}

/**
 * Who took part: the assessment's published responses against the people invited, per unit and
 * week by week, and every launched survey's response rate.
 */
export function ParticipationTile({
  data,
  links,
  onOpen,
}: {
  data: OverviewParticipation;
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useOverviewStyles();
  const view = useParticipationTile(data);
  const { f } = view;
  const unitsCaption = t('overview.participation.units');
  const weeksCaption = t('overview.participation.weeks');
  const surveysCaption = t('overview.participation.surveys');
  return (
    <Tile
      heading={t('overview.participation.heading')}
      actions={
        <>
          <OpenLink to="dashboard" links={links} onOpen={onOpen} />
          <OpenLink to="surveys" links={links} onOpen={onOpen} />
          {data.campaign && <CsvButton tile="participation" table={unitsCaption} />}
          {data.weeks.length > 0 && <CsvButton tile="weeks" table={weeksCaption} />}
          {data.surveys.length > 0 && <CsvButton tile="surveys" table={surveysCaption} />}
        </>
      }
    >
      {view.campaign === null ? (
        <Text as="p">{t('overview.participation.none')}</Text>
      ) : (
        <>
          <Text as="p" block className={styles.muted}>
            {t('overview.participation.campaign', { campaign: view.campaign })}
          </Text>
          <Text as="p" block weight="semibold">
            {view.summary}
          </Text>
          <BarFigure label={t('overview.chart', { table: unitsCaption })} bars={view.unitBars} />
          <ScrollingTable caption={unitsCaption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.unit')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.participation.invited')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  {t('overview.participation.completed')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.participation.rate')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.units.map((cell) => (
                <UnitRow key={cell.orgUnitPath.join('\n')} cell={cell} label={f.unit(cell)} f={f} />
              ))}
              <UnitRow cell={data.total} label={t('overview.total')} f={f} />
            </TableBody>
          </ScrollingTable>
        </>
      )}
      {data.weeks.length > 0 && (
        <>
          <BarFigure
            label={t('overview.chart', { table: t('overview.participation.weeksChart') })}
            bars={view.weekBars}
          />
          <ScrollingTable caption={weeksCaption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.unit')}</TableHeaderCell>
                {data.weeks.map((week) => (
                  <TableHeaderCell scope="col" key={week.week}>
                    {t('overview.participation.week', { date: f.calendarDay(week.startsOn) })}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.units.map((cell, i) => (
                <TableRow key={cell.orgUnitPath.join('\n')}>
                  <TableHeaderCell scope="row">{f.unit(cell)}</TableHeaderCell>
                  {data.weeks.map((week) => {
                    const value = week.units[i] ?? null;
                    return (
                      <FigureCell key={week.week} text={value === null ? null : f.integer(value)} />
                    );
                  })}
                </TableRow>
              ))}
              <TableRow>
                <TableHeaderCell scope="row">{t('overview.total')}</TableHeaderCell>
                {data.weeks.map((week) => (
                  <FigureCell
                    key={week.week}
                    text={week.total === null ? null : f.integer(week.total)}
                  />
                ))}
              </TableRow>
            </TableBody>
          </ScrollingTable>
        </>
      )}
      {data.surveys.length === 0 ? (
        <Text as="p">{t('overview.participation.noSurveys')}</Text>
      ) : (
        <>
          <BarFigure
            label={t('overview.chart', { table: surveysCaption })}
            bars={view.surveyBars}
          />
          <ScrollingTable caption={surveysCaption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.participation.survey')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.participation.state')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  {t('overview.participation.completed')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">
                  {t('overview.participation.audience')}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.participation.rate')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.surveys.map((survey) => {
                const shown = !survey.hidden;
                return (
                  <TableRow key={survey.id}>
                    <TableHeaderCell scope="row">{survey.title[locale]}</TableHeaderCell>
                    <TableCell>{t(`overview.participation.state.${survey.state}`)}</TableCell>
                    <FigureCell
                      text={shown && survey.responses !== null ? f.integer(survey.responses) : null}
                    />
                    <FigureCell
                      text={shown && survey.audience !== null ? f.integer(survey.audience) : null}
                    />
                    <FigureCell
                      text={shown && survey.rate !== null ? f.percent(survey.rate) : null}
                    />
                  </TableRow>
                );
              })}
            </TableBody>
          </ScrollingTable>
        </>
      )}
    </Tile>
  );
}
