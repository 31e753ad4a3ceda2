/** A calendar week of the programme (Europe/Rome, weeks from Monday, ISO 8601 numbering). */
export interface ProgrammeWeek {
  /** `2026-W49`: sorts in time order. */
  week: string;
  /** Its Monday, `YYYY-MM-DD`. */
  startsOn: string;
}

const romeDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DAY_MS = 86_400_000;

/** The week `at` falls in, on the programme's calendar. */
export function weekOf(at: Date): ProgrammeWeek {
  // The Rome calendar date as a UTC midnight: day arithmetic without time zones from here on.
  const date = new Date(`${romeDate.format(at)}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(date.getTime() - weekday * DAY_MS);
  // ISO: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return {
    week: `${year}-W${String(number).padStart(2, '0')}`,
    startsOn: monday.toISOString().slice(0, 10),
  };
}
