import type { Locale } from '../../core/directory/person';
import type { RosterEntry } from '../../core/facilitators/training.service';
import type { Translate } from '../../core/i18n/translator';

/** Excel reads the list separator and decimal mark of its locale: ";" in Italy, "," in English. */
const SEPARATOR: Record<Locale, string> = { 'it-IT': ';', 'en-US': ',' };

/** The roster for HR: one line per facilitator, hours this year against the target. */
export function rosterCsv(entries: readonly RosterEntry[], t: Translate, locale: Locale): string {
  const separator = SEPARATOR[locale];
  const number = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 1 });
  const field = (value: string | number | undefined): string => {
    if (value === undefined) return '';
    if (typeof value === 'number') return number.format(value);
    // A leading = + - @ would make a spreadsheet evaluate the words as a formula.
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return safe.includes(separator) || /["\r\n]/.test(safe)
      ? `"${safe.replace(/"/g, '""')}"`
      : safe;
  };
  const header = (
    ['name', 'upn', 'objectId', 'department', 'since', 'hoursDone', 'target', 'behind'] as const
  ).map((column) => t(`training.roster.csv.${column}`));
  const lines = entries.map((e) =>
    [
      e.displayName,
      e.upn,
      e.objectId,
      e.department,
      e.since.toISOString().slice(0, 10),
      e.hoursDone,
      e.target,
      t(e.behindSchedule ? 'training.roster.csv.yes' : 'training.roster.csv.no'),
    ].map(field),
  );
  return [header.map(field), ...lines].map((line) => line.join(separator)).join('\r\n') + '\r\n';
}
