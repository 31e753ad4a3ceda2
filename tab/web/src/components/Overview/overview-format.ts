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
  // A calendar day (`YYYY-MM-DD`) is the same day wherever the reader is.
  const calendarDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const rate = (value: number, total: number) => (total > 0 ? percent(value / total, locale) : '—');
  return {
    locale,
    integer: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    percent: (fraction: number | null) => (fraction === null ? '—' : percent(fraction, locale)),
    day: (iso: string) => day.format(new Date(iso)),
    /** A calendar day, `YYYY-MM-DD`. */
    calendarDay: (date: string) => calendarDay.format(new Date(`${date}T00:00:00Z`)),
    /** "150 su 300 (50%)". */
    outOf: (value: number, total: number) =>
      t('overview.outOf', {
        value: integer.format(value),
        total: integer.format(total),
        rate: rate(value, total),
      }),
    rate,
    /** A unit by its own name (the last of its path); its own members beside its sub-units. */
    unit: ({ orgUnitPath, direct }: { orgUnitPath: readonly string[]; direct?: boolean }) => {
      const name = orgUnitPath.at(-1) ?? t('overview.organisation');
      return direct ? t('dashboard.directStaff', { unit: name }) : name;
    },
  };
}

export type OverviewFormat = ReturnType<typeof overviewFormat>;
