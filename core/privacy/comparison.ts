import type { AggregateValues } from '../assessment/aggregates';
import type { PrivacyView, ShownRow } from './suppression';

/**
 * Why a unit shows no difference: hidden here, hidden in the other campaign (fewer than k
 * people there, or hidden to protect a smaller group), no answers from it there, or the
 * dimension was not asked in the other campaign at all.
 */
export type NoComparison = 'hidden' | 'hiddenThere' | 'noData' | 'notAsked';

/** A unit's mean in the other campaign and the difference from it, in points. */
export type MeanComparison =
  { mean: number; delta: number; reason: null } | { mean: null; delta: null; reason: NoComparison };

const none = (reason: NoComparison): MeanComparison => ({ mean: null, delta: null, reason });

const unitKey = (row: ShownRow): string => JSON.stringify([row.orgUnitPath, row.direct]);

/** The mean in integer tenths, as a screen rounds it (a visible cell has at least k ≥ 3 people). */
const tenthsOf = (values: AggregateValues): number => Math.round(values.sumTenths / values.count);

/**
 * Pairs each row of `view` with the same unit (path, and whether it is the unit's own members) in
 * `other`: a view of another campaign for the same scope and level, hidden by that campaign's own
 * pattern, or undefined when that campaign did not ask the dimension. The other mean and the
 * difference are given only where both rows are visible, so no hidden cell of either campaign
 * ever contributes a number. The difference is that of the two means rounded to one decimal, so
 * that it matches the means on screen.
 */
export function compareMeans(view: PrivacyView, other: PrivacyView | undefined): MeanComparison[] {
  const there = new Map(other?.rows.map((row) => [unitKey(row), row]));
  return view.rows.map((row) => {
    if (row.suppressed) return none('hidden');
    if (!other) return none('notAsked');
    const match = there.get(unitKey(row));
    if (!match) return none('noData');
    if (match.suppressed) return none('hiddenThere');
    const [own, theirs] = [tenthsOf(row.values), tenthsOf(match.values)];
    return { mean: theirs / 10, delta: (own - theirs) / 10, reason: null };
  });
}
