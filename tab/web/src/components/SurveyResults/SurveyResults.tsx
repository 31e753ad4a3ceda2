import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import type { SurveyDepartmentRate, SurveyResults as Results } from '../../api/types';
import { downloadText } from '../../api/download';
import { useAction, useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { QuestionResult } from './QuestionResult';
import { percent } from './results-view';
import { useSurveyResultsStyles } from './SurveyResults.styles';

function Departments({ departments, k }: { departments: SurveyDepartmentRate[]; k: number }) {
  const { t, locale } = useI18n();
  const styles = useSurveyResultsStyles();
  const number = new Intl.NumberFormat(locale);
  const hidden = departments.some((d) => d.hidden);
  return (
    <>
      <ScrollingTable caption={t('surveys.results.departments')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('surveys.results.department')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.responses')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.headcount')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('surveys.results.rate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {departments.map((d) => (
            <TableRow key={d.department}>
              <TableHeaderCell scope="row">{d.department}</TableHeaderCell>
              {d.hidden || d.responses === null ? (
                <TableCell>{t('surveys.results.hiddenCell')}</TableCell>
              ) : (
                <TableCell className={styles.number}>{number.format(d.responses)}</TableCell>
              )}
              <TableCell className={styles.number}>{number.format(d.headcount)}</TableCell>
              <TableCell className={styles.number}>
                {d.hidden || d.rate === null ? '—' : percent(d.rate, locale)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollingTable>
      {hidden && (
        <Text as="p" block size={200} className={styles.muted}>
          {t('surveys.results.hiddenNote', { k })}
        </Text>
      )}
    </>
  );
}

function Overview({ results }: { results: Results }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  if (results.hidden || results.responses === null) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('surveys.results.hiddenView', { k: results.k })}</MessageBarBody>
      </MessageBar>
    );
  }
  const responses = number.format(results.responses);
  return (
    <Text as="p" block weight="semibold">
      {results.audience === null
        ? t('surveys.results.responsesOnly', { responses })
        : t('surveys.results.rateOverall', {
            responses,
            audience: number.format(results.audience),
            rate: results.rate === null ? '—' : percent(results.rate, locale),
          })}
    </Text>
  );
}

/**
 * A survey's results as the caller may see them: the response rate overall and per department,
 * each question's distribution (chart and table) and the free-text answers without names; groups
 * smaller than the survey's threshold are hidden, and say so.
 */
export function SurveyResults({ surveyId, title }: { surveyId: string; title: string }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useSurveyResultsStyles();
  const headingId = useId();
  const [department, setDepartment] = useState<string | null>(null);
  const load = useCallback(
    () => api.surveyResults(surveyId, department),
    [api, surveyId, department],
  );
  const [results, reload] = useLoad(load);
  const { busy, error, run } = useAction<'csv'>();
  // The departments the whole view lists, kept while one of them is shown.
  const [departments, setDepartments] = useState<string[]>([]);
  if (results.state === 'loaded' && results.value.department === null) {
    const names = results.value.departments.map((d) => d.department);
    if (names.join('\n') !== departments.join('\n')) setDepartments(names);
  }

  const exportCsv = () =>
    run('csv', async () => {
      const csv = await api.surveyResultsCsv(surveyId, department);
      downloadText(`${t('surveys.results.file', { title })}.csv`, csv, 'text/csv;charset=utf-8');
    });

  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <Subtitle1 as="h3" id={headingId}>
        {t('surveys.results.heading')}
      </Subtitle1>
      <div className={styles.row}>
        <Field label={t('surveys.results.view')} className={styles.view}>
          <Select
            value={department ?? ''}
            onChange={(_event, data) => setDepartment(data.value === '' ? null : data.value)}
          >
            <option value="">{t('surveys.results.all')}</option>
            {departments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={busy !== null} onClick={() => void exportCsv()}>
          {t('surveys.results.csv')}
        </Button>
      </div>
      {error !== null && <ErrorBar error={error} />}
      {results.state === 'loading' && <Spinner label={t('app.loading')} />}
      {results.state === 'failed' && <ErrorBar error={results.error} onRetry={reload} />}
      {results.state === 'loaded' && (
        <>
          <Overview results={results.value} />
          <Text as="p" block size={200} className={styles.muted}>
            {t(
              results.value.anonymous ? 'surveys.results.anonymous' : 'surveys.results.identified',
              {
                k: results.value.k,
              },
            )}
          </Text>
          {results.value.departments.length > 0 && (
            <Departments departments={results.value.departments} k={results.value.k} />
          )}
          {!results.value.hidden &&
            results.value.questions.map((question, i) => (
              <QuestionResult key={question.id} question={question} n={i + 1} />
            ))}
        </>
      )}
    </section>
  );
}
