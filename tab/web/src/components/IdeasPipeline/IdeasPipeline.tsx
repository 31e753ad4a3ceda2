import {
  Button,
  Link,
  Spinner,
  Subtitle1,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import { downloadText } from '../../api/download';
import type { IdeaCall, IdeaPipeline, IdeaSummary } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { IDEA_STATUSES } from '../Ideas/IdeaList';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useIdeasPipelineStyles } from './IdeasPipeline.styles';

/** A ranked list of ideas: the title opens it, `figure` says why it is there. */
function Ranking({
  heading,
  ideas,
  onOpen,
}: {
  heading: string;
  ideas: { idea: IdeaSummary; figure: string }[];
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const styles = useIdeasPipelineStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle1 as="h3" id={headingId}>
        {heading}
      </Subtitle1>
      {ideas.length === 0 ? (
        <Text>{t('ideas.pipeline.empty')}</Text>
      ) : (
        <ol className={styles.ranking}>
          {ideas.map(({ idea, figure }) => (
            <li key={idea.id}>
              <Link as="button" className={styles.title} onClick={() => onOpen(idea.id)}>
                {idea.title}
              </Link>{' '}
              <Text className={styles.small}>{figure}</Text>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PipelineView({ data, onOpen }: { data: IdeaPipeline; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const styles = useIdeasPipelineStyles();
  const count = (status: string) => data.byStatus.find((s) => s.status === status)?.count ?? 0;
  return (
    <>
      <ScrollingTable caption={t('ideas.pipeline.byStatus')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('ideas.list.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('ideas.pipeline.ideas')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {IDEA_STATUSES.map((status) => (
            <TableRow key={status}>
              <TableHeaderCell scope="row">{t(`ideas.status.${status}`)}</TableHeaderCell>
              <TableCell>{count(status)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollingTable>
      <ScrollingTable caption={t('ideas.pipeline.byArea')} className={styles.wide}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('ideas.list.area')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('ideas.pipeline.total')}</TableHeaderCell>
            {IDEA_STATUSES.map((status) => (
              <TableHeaderCell key={status} scope="col">
                {t(`ideas.status.${status}`)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.byArea.map((row) => (
            <TableRow key={row.area}>
              <TableHeaderCell scope="row">{row.area}</TableHeaderCell>
              <TableCell>{row.total}</TableCell>
              {IDEA_STATUSES.map((status) => (
                <TableCell key={status}>{row.byStatus[status] ?? 0}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </ScrollingTable>
      <div className={styles.rankings}>
        <Ranking
          heading={t('ideas.pipeline.topVoted')}
          ideas={data.topVoted.map((idea) => ({
            idea,
            figure: t('ideas.count.votes', { count: idea.votes }),
          }))}
          onOpen={onOpen}
        />
        <Ranking
          heading={t('ideas.pipeline.trending')}
          ideas={data.trending.map(({ idea, votesThisWeek }) => ({
            idea,
            figure: t('ideas.pipeline.thisWeek', { count: votesThisWeek }),
          }))}
          onOpen={onOpen}
        />
      </div>
    </>
  );
}

/** The programme team's view of a call: ideas per status and area, top-voted, trending, CSV. */
export function IdeasPipeline({
  call,
  onOpen,
}: {
  call: IdeaCall | undefined;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeasPipelineStyles();
  const load = useCallback(() => api.ideas.pipeline(call?.id), [api, call?.id]);
  const [pipeline, reload] = useLoad(load);
  const exporting = useAction<'csv'>();
  const exportCsv = () =>
    exporting.run('csv', async () => {
      downloadText(
        t('ideas.pipeline.fileName'),
        await api.ideas.csv(call?.id),
        'text/csv;charset=utf-8',
      );
    });

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('ideas.pipeline.heading', { call: call?.title ?? '—' })}</Title2>
      <div>
        <Button
          onClick={() => void exportCsv()}
          disabled={exporting.busy !== null}
          icon={exporting.busy ? <Spinner size="tiny" /> : undefined}
        >
          {t('ideas.pipeline.csv')}
        </Button>
      </div>
      {exporting.error !== null && <ErrorBar error={exporting.error} />}
      {pipeline.state === 'loading' && <Spinner label={t('app.loading')} />}
      {pipeline.state === 'failed' && <ErrorBar error={pipeline.error} onRetry={reload} />}
      {pipeline.state === 'loaded' && <PipelineView data={pipeline.value} onOpen={onOpen} />}
    </div>
  );
}
