import type { LabTask } from './board';
import { programmeDate } from './lab';

/** The ISO week of a programme day (`2026-W49`): a weekly summary's subject. */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((date.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface WeeklyFigures {
  /** Moved to Fatto in the last 7 days. */
  done: LabTask[];
  /** Open, due within the next 7 days. */
  dueNextWeek: LabTask[];
  /** Open, due before today. */
  overdue: LabTask[];
}

/** What a lab's weekly summary says, from its tasks as they are at `now`. */
export function weeklyFigures(tasks: readonly LabTask[], now: Date): WeeklyFigures {
  const today = programmeDate(now);
  const weekAgo = now.getTime() - 7 * 86_400_000;
  const horizon = addDays(today, 7);
  const open = tasks.filter((t) => t.column !== 'done');
  return {
    done: tasks.filter((t) => t.column === 'done' && t.doneAt && t.doneAt.getTime() >= weekAgo),
    dueNextWeek: open.filter((t) => t.dueDate && t.dueDate >= today && t.dueDate < horizon),
    overdue: open.filter((t) => t.dueDate && t.dueDate < today),
  };
}

/** Open tasks past their due date today (the cross-lab view). */
export function overdueCount(tasks: readonly LabTask[], now: Date): number {
  const today = programmeDate(now);
  return tasks.filter((t) => t.column !== 'done' && t.dueDate && t.dueDate < today).length;
}

/** Summaries go out from Monday 09:00 (Europe/Rome) of each week. */
export function summaryDue(now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const weekday = parts.find((p) => p.type === 'weekday')?.value;
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return weekday !== 'Mon' || hour >= 9;
}
