import {
  EMPLOYEES_PER_FACILITATOR,
  MIN_DEPARTMENT_FOR_COVERAGE,
  type Candidate,
  type Thresholds,
} from './facilitators';

/** A candidate picked by {@link selectShortlist}, and why. */
export interface Selected {
  candidate: Candidate;
  reason: 'aboveThresholds' | 'coverage';
}

type Merit = Pick<Candidate, 'objectId' | 'digitalSkills' | 'motivation' | 'interested'>;

/**
 * The order in which people are picked and listed: the higher sum of the two scores first, then
 * the higher of the lower score (balanced before lopsided), then who said they are interested,
 * then by object id, so that ties never depend on the order the store returned them in.
 */
export function byMerit(a: Merit, b: Merit): number {
  return (
    b.digitalSkills + b.motivation - (a.digitalSkills + a.motivation) ||
    Math.min(b.digitalSkills, b.motivation) - Math.min(a.digitalSkills, a.motivation) ||
    Number(b.interested) - Number(a.interested) ||
    (a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : 0)
  );
}

/**
 * A round's proposed shortlist: every candidate with both scores at or above the thresholds
 * (`aboveThresholds`); then, in each department with fewer of those than its target, the best
 * remaining candidates of that department ({@link byMerit}) until the target (`coverage`).
 * Departments without a target get no coverage picks. In {@link byMerit} order.
 */
export function selectShortlist(
  candidates: readonly Candidate[],
  thresholds: Thresholds,
  targets: Readonly<Record<string, number>>,
): Selected[] {
  const ranked = [...candidates].sort(byMerit);
  const above = (c: Candidate) =>
    c.digitalSkills >= thresholds.digitalSkills && c.motivation >= thresholds.motivation;
  const picked = new Map<string, number>();
  const selected: Selected[] = [];
  for (const candidate of ranked.filter(above)) {
    selected.push({ candidate, reason: 'aboveThresholds' });
    picked.set(candidate.department, (picked.get(candidate.department) ?? 0) + 1);
  }
  for (const candidate of ranked) {
    if (above(candidate)) continue;
    const count = picked.get(candidate.department) ?? 0;
    if (count >= (targets[candidate.department] ?? 0)) continue;
    selected.push({ candidate, reason: 'coverage' });
    picked.set(candidate.department, count + 1);
  }
  return selected.sort((a, b) => byMerit(a.candidate, b.candidate));
}

/**
 * The default coverage target of a department of `employees` people: one facilitator per
 * {@link EMPLOYEES_PER_FACILITATOR} (rounded up) in departments of at least
 * {@link MIN_DEPARTMENT_FOR_COVERAGE} people, none in smaller ones.
 */
export function defaultTarget(employees: number): number {
  return employees >= MIN_DEPARTMENT_FOR_COVERAGE
    ? Math.ceil(employees / EMPLOYEES_PER_FACILITATOR)
    : 0;
}
