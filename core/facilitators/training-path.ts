import type { TrainingCatalogue, TrainingModule } from './training-catalogue';

/** Hours of training a facilitator aims at each calendar year (config `TRAINING_TARGET_HOURS`). */
export const DEFAULT_TRAINING_TARGET_HOURS = 40;

/** A completed module as recorded: marked done by the person, or imported by the programme team. */
export interface TrainingRecord {
  objectId: string;
  moduleId: string;
  /** The day it was completed, `YYYY-MM-DD`. */
  date: string;
  hours: number;
  source: 'self' | 'import';
  recordedAt: Date;
}

export interface PathModule {
  module: TrainingModule;
  /** Why it is on the path: everyone's common core, or a dimension to strengthen. */
  reason: 'commonCore' | 'growth';
  /** The completion, when done. */
  done?: Pick<TrainingRecord, 'date' | 'hours'>;
}

export interface TrainingProgress {
  /** Hours completed in the current calendar year (every module, on the path or not). */
  hoursDone: number;
  target: number;
  /** What the schedule asks by now: target × whole months as a facilitator this year ÷ 12. */
  expectedByNow: number;
  behindSchedule: boolean;
}

export interface TrainingPath extends TrainingProgress {
  modules: PathModule[];
  /** The first module of the path not done yet; absent when the path is complete. */
  next?: TrainingModule;
}

/**
 * A facilitator's path: the common core, then the modules strengthening their growth areas (the
 * weakest dimensions of their latest result, weakest first, as the result card shows them), each
 * module once, in catalogue order within each group.
 */
export function pathModules(
  catalogue: TrainingCatalogue,
  growth: readonly string[],
  records: readonly TrainingRecord[],
): PathModule[] {
  const doneById = new Map(records.map((r) => [r.moduleId, { date: r.date, hours: r.hours }]));
  const entry = (module: TrainingModule, reason: PathModule['reason']): PathModule => {
    const done = doneById.get(module.id);
    return { module, reason, ...(done ? { done } : {}) };
  };
  const core = catalogue.modules.filter((m) => m.commonCore).map((m) => entry(m, 'commonCore'));
  const chosen = growth.flatMap((dimension) =>
    catalogue.modules
      .filter((m) => !m.commonCore && m.strengthens.includes(dimension))
      .map((m) => entry(m, 'growth')),
  );
  const seen = new Set<string>();
  return [...core, ...chosen].filter(({ module }) => !seen.has(module.id) && seen.add(module.id));
}

/** The year of a `YYYY-MM-DD` date or of an instant (UTC). */
const yearOf = (date: string | Date) =>
  typeof date === 'string' ? Number(date.slice(0, 4)) : date.getUTCFullYear();

/** Hours recorded with a date in `year`. */
export function hoursIn(records: readonly Pick<TrainingRecord, 'date' | 'hours'>[], year: number) {
  return roundHours(
    records.filter((r) => yearOf(r.date) === year).reduce((s, r) => s + r.hours, 0),
  );
}

/**
 * Whole calendar months between `from` and `to` (UTC): from 15 March, one on 15 April, none on
 * 14 April. Never negative.
 */
export function wholeMonths(from: Date, to: Date): number {
  const months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const partial = to.getUTCDate() < from.getUTCDate() ? 1 : 0;
  return Math.max(0, months - partial);
}

/**
 * Where a facilitator stands this year. The yearly target accrues by month: by now they should
 * have done target × m ÷ 12 hours, m being the whole months since they became a facilitator or
 * since 1 January, whichever is later (at most 12). Behind schedule: fewer hours than that. On
 * 1 January, and in a new facilitator's first month, nobody is behind.
 */
export function trainingProgress(input: {
  hoursDone: number;
  target: number;
  since: Date;
  now: Date;
}): TrainingProgress {
  const { hoursDone, target, since, now } = input;
  const newYear = new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
  const from = since > newYear ? since : newYear;
  const months = Math.min(12, wholeMonths(from, now));
  const expectedByNow = roundHours((target * months) / 12);
  return { hoursDone, target, expectedByNow, behindSchedule: hoursDone < expectedByNow };
}

/** The facilitator's path, its progress and the next module. */
export function trainingPath(input: {
  catalogue: TrainingCatalogue;
  growth: readonly string[];
  records: readonly TrainingRecord[];
  target: number;
  since: Date;
  now: Date;
}): TrainingPath {
  const modules = pathModules(input.catalogue, input.growth, input.records);
  const hoursDone = hoursIn(input.records, yearOf(input.now));
  const next = modules.find((m) => !m.done)?.module;
  return {
    ...trainingProgress({ ...input, hoursDone }),
    modules,
    ...(next ? { next } : {}),
  };
}

/** Hours to one decimal: sums of half hours stay exact, thirds of a target read well. */
export function roundHours(hours: number): number {
  return Math.round(hours * 10) / 10;
}
