import type { LabPerson } from '../../api/types';
import type { Locale, Translate } from '../../i18n/i18n';

/** A person as the lab shows them: their name, else "former member" (erased) or their id. */
export function personName(t: Translate, person: LabPerson): string {
  if (person.former) return t('labs.person.former');
  return person.displayName ?? person.objectId ?? t('labs.person.former');
}

/** A `YYYY-MM-DD` day of the programme's calendar, in the reader's words. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** Today in the programme's calendar (Europe/Rome), `YYYY-MM-DD`: what due dates compare with. */
export function programmeToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
