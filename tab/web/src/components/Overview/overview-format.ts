import type { Locale, Translate } from '../../i18n/i18n';
import { percent } from '../SurveyResults/results-view';

/** How the overview writes its figures, in `locale`. */
export function overviewFormat(t: Translate, locale: Locale) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  // Weeks start on Monday in the programme's calendar, wherever the reader is.
  const monday = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Rome' });
  const rate = (value: number, total: number) => (total > 0 ? percent(value / total, locale) : '—');
  return {
    locale,
    integer: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    percent: (fraction: number | null) => (fraction === null ? '—' : percent(fraction, locale)),
    day: (iso: string) => day.format(new Date(iso)),
    week: (iso: string) => monday.format(new Date(iso)),
    /** "150 su 300 (50%)". */
    outOf: (value: number, total: number) =>
      t('overview.outOf', {
        value: integer.format(value),
        total: integer.format(total),
        rate: rate(value, total),
      }),
    rate,
    /** A unit by its own name (the last of its path). */
    unit: (path: readonly string[]) => path.at(-1) ?? t('overview.organisation'),
  };
}

export type OverviewFormat = ReturnType<typeof overviewFormat>;
