import {
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import type { MyResults as Results } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n, type Translate } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { FacilitatorsNearMe } from '../FacilitatorsNearMe/FacilitatorsNearMe';
import { MyData } from '../MyData/MyData';
import { ScoreChart, type ScoreRow } from '../ScoreChart/ScoreChart';
import { useMyResultsStyles } from './MyResults.styles';

function scoreRows(results: Results, t: Translate): ScoreRow[] {
  return results.dimensions.map((d) => ({
    id: d.id,
    name: d.name,
    score: d.score,
    band: d.bandLabel ?? (d.band ? t(`band.${d.band}`) : t('band.none')),
  }));
}

function EmptyState() {
  const { t } = useI18n();
  const styles = useMyResultsStyles();
  const [before, after] = t('results.empty.body').split('{command}');
  return (
    <Card className={styles.empty}>
      <Subtitle1 as="h2">{t('results.empty.title')}</Subtitle1>
      <Text as="p" block>
        {before}
        <strong>{t('results.empty.command')}</strong>
        {after}
      </Text>
    </Card>
  );
}

function ResultView({ results }: { results: Results }) {
  const { t, locale } = useI18n();
  const styles = useMyResultsStyles();
  const strengthsId = useId();
  const growthId = useId();
  const nameOf = (id: string) => results.dimensions.find((d) => d.id === id)?.name ?? id;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
    new Date(results.submittedAt),
  );
  return (
    <>
      <Text as="p" block className={styles.meta}>
        {t('results.completed', { title: results.questionnaire.title, date })}
      </Text>
      <ScoreChart
        rows={scoreRows(results, t)}
        thresholds={results.bands.slice(1).map((band) => band.min)}
      />
      <div className={styles.columns}>
        <section aria-labelledby={strengthsId}>
          <Subtitle2 as="h3" id={strengthsId}>
            {t('results.strengths')}
          </Subtitle2>
          {results.strengths.length > 0 ? (
            <ul className={styles.list}>
              {results.strengths.map((id) => (
                <li key={id}>{nameOf(id)}</li>
              ))}
            </ul>
          ) : (
            <Text as="p" block>
              {t('results.noStrengths')}
            </Text>
          )}
        </section>
        <section aria-labelledby={growthId}>
          <Subtitle2 as="h3" id={growthId}>
            {t('results.growth')}
          </Subtitle2>
          {results.growth.length > 0 ? (
            <ul className={styles.list}>
              {results.growth.map((g) => (
                <li key={g.dimension}>
                  <strong>{nameOf(g.dimension)}</strong>: {g.suggestion}
                </li>
              ))}
            </ul>
          ) : (
            <Text as="p" block>
              {t('results.noGrowth')}
            </Text>
          )}
        </section>
      </div>
    </>
  );
}

/** The person's own latest result, the facilitators nearby, and their data rights. */
export function MyResults() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useMyResultsStyles();
  const load = useCallback(() => api.myResults(), [api]);
  const [results, reload, setResults] = useLoad(load);
  const [erased, setErased] = useState(false);

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('results.heading')}</Title2>
      {erased && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t('data.erased')}</MessageBarBody>
        </MessageBar>
      )}
      {results.state === 'loading' && <Spinner label={t('app.loading')} />}
      {results.state === 'failed' && <ErrorBar error={results.error} onRetry={reload} />}
      {results.state === 'loaded' &&
        (results.value ? <ResultView results={results.value} /> : <EmptyState />)}
      {results.state === 'loaded' && <FacilitatorsNearMe />}
      {results.state !== 'loading' && (
        <MyData
          onErased={() => {
            setResults(null);
            setErased(true);
          }}
        />
      )}
    </div>
  );
}
