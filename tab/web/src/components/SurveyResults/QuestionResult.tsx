import {
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { SurveyQuestionResult } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { DistributionChart } from './DistributionChart';
import { decimal, distribution, percent } from './results-view';
import { useSurveyResultsStyles } from './SurveyResults.styles';

/** One question's figures: a chart and its table, or the free-text answers without names. */
export function QuestionResult({ question, n }: { question: SurveyQuestionResult; n: number }) {
  const { t, locale } = useI18n();
  const styles = useSurveyResultsStyles();
  const headingId = useId();
  const number = new Intl.NumberFormat(locale);
  const rows = distribution(question);
  const facts = [
    t('surveys.results.answered', { count: number.format(question.answered) }),
    ...(question.mean !== null
      ? [t('surveys.results.mean', { mean: decimal(question.mean, locale) })]
      : []),
    ...(question.nps !== null
      ? [t('surveys.results.nps', { nps: decimal(question.nps, locale) })]
      : []),
  ];

  return (
    <section aria-labelledby={headingId} className={styles.question}>
      <Subtitle2 as="h4" id={headingId}>
        {t('surveys.results.question', { n, text: question.text })}
      </Subtitle2>
      <Text as="p" block className={styles.muted}>
        {facts.join(' · ')}
      </Text>
      {question.type === 'text' ? (
        question.texts === null ? (
          <Text as="p" block>
            {t('surveys.results.textsHidden')}
          </Text>
        ) : (
          <>
            <Text as="p" block>
              {t('surveys.results.texts', {
                shown: number.format(question.texts.length),
                total: number.format(question.textTotal ?? question.texts.length),
              })}
            </Text>
            <ul className={styles.texts} aria-labelledby={headingId}>
              {question.texts.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          </>
        )
      ) : (
        <div className={styles.figure}>
          {question.answered > 0 && (
            <figure className={styles.chart} aria-label={t('surveys.results.chart', { n })}>
              <DistributionChart rows={rows} answered={question.answered} />
            </figure>
          )}
          <ScrollingTable caption={t('surveys.results.table', { n })}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('surveys.results.value')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('surveys.results.people')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('surveys.results.share')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.value}>
                  <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                  <TableCell className={styles.number}>{number.format(row.count)}</TableCell>
                  <TableCell className={styles.number}>{percent(row.share, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollingTable>
        </div>
      )}
    </section>
  );
}
