import {
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { OverviewIdeas } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { IDEA_STATUSES } from '../Ideas/IdeaList';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { BarFigure } from './BarFigure';
import type { OverviewLink } from './overview-links';
import { useOverviewStyles } from './Overview.styles';
import { CsvButton, FigureCell, OpenLink, Tile } from './Tile';
import { useIdeasTile } from './use-ideas-tile';

/** Call4Ideas: the funnel by status, per area, the most voted and the implemented. */
export function IdeasTile({
  data,
  links,
  onOpen,
}: {
  data: OverviewIdeas;
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t } = useI18n();
  const styles = useOverviewStyles();
  const topId = useId();
  const view = useIdeasTile(data);
  const { f } = view;
  const funnel = t('overview.ideas.funnel');
  const areas = t('overview.ideas.areas');
  return (
    <Tile
      heading={t('overview.ideas.heading')}
      actions={
        <>
          <OpenLink to="ideas" links={links} onOpen={onOpen} />
          {data.total > 0 && <CsvButton tile="ideas" table={areas} />}
        </>
      }
    >
      {data.total === 0 ? (
        <Text as="p">{t('overview.ideas.none')}</Text>
      ) : (
        <>
          <Text as="p" block weight="semibold">
            {view.summary}
          </Text>
          <BarFigure label={t('overview.chart', { table: funnel })} bars={view.bars} />
          <ScrollingTable caption={funnel}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.ideas.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.ideas.count')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {IDEA_STATUSES.map((status) => (
                <TableRow key={status}>
                  <TableHeaderCell scope="row">{t(`ideas.status.${status}`)}</TableHeaderCell>
                  <FigureCell text={f.integer(data.funnel[status])} />
                </TableRow>
              ))}
            </TableBody>
          </ScrollingTable>
          {data.areas.length > 0 && (
            <ScrollingTable caption={areas}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('overview.ideas.area')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('overview.ideas.count')}</TableHeaderCell>
                  {IDEA_STATUSES.map((status) => (
                    <TableHeaderCell scope="col" key={status}>
                      {t(`ideas.status.${status}`)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.areas.map((area) => (
                  <TableRow key={area.area}>
                    <TableHeaderCell scope="row">{area.area}</TableHeaderCell>
                    <FigureCell text={f.integer(area.ideas)} />
                    {IDEA_STATUSES.map((status) => (
                      <FigureCell key={status} text={f.integer(area.byStatus[status])} />
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </ScrollingTable>
          )}
          {data.top.length > 0 && (
            <>
              <Text as="p" block weight="semibold" id={topId}>
                {t('overview.ideas.top')}
              </Text>
              <ol className={styles.list} aria-labelledby={topId}>
                {data.top.map((idea) => (
                  <li key={idea.id}>
                    {idea.title}{' '}
                    <Text size={200} className={styles.muted}>
                      {t('overview.ideas.votes', {
                        votes: f.integer(idea.votes),
                        status: t(`ideas.status.${idea.status}`),
                        area: idea.area,
                      })}
                    </Text>
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </Tile>
  );
}
