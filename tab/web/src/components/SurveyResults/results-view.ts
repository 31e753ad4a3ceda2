import type { SurveyCount, SurveyQuestionResult } from '../../api/types';
import type { Locale } from '../../i18n/i18n';

export interface DistributionRow extends SurveyCount {
  /** Of the responses that answered the question (several per response for multiple choice). */
  share: number;
}

/** A question's bars, each with its share of the people who answered it. */
export function distribution(question: SurveyQuestionResult): DistributionRow[] {
  return question.counts.map((count) => ({
    ...count,
    share: question.answered > 0 ? count.count / question.answered : 0,
  }));
}

export function percent(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}

export function decimal(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
