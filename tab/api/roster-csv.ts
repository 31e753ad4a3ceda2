import type { Locale } from '../../core/directory/person';
import type { RosterEntry } from '../../core/facilitators/training.service';
import type { Translate } from '../../core/i18n/translator';
import { csvText } from './csv';

const COLUMNS = [
  'name',
  'upn',
  'objectId',
  'department',
  'since',
  'hoursDone',
  'target',
  'behind',
] as const;

/** The roster for HR: one line per facilitator, hours this year against the target. */
export function rosterCsv(entries: readonly RosterEntry[], t: Translate, locale: Locale): string {
  const lines = entries.map((e) => [
    e.displayName ?? null,
    e.upn ?? null,
    e.objectId,
    e.department,
    e.since.toISOString().slice(0, 10),
    e.hoursDone,
    e.target,
    t(e.behindSchedule ? 'training.roster.csv.yes' : 'training.roster.csv.no'),
  ]);
  return csvText([COLUMNS.map((column) => t(`training.roster.csv.${column}`)), ...lines], locale);
}
