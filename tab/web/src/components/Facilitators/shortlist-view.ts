import type { ShortlistCandidate, ShortlistStatus } from '../../api/types';

export type ShortlistSortKey = 'department' | 'digitalSkills' | 'motivation';
export type SortDirection = 'ascending' | 'descending';

export interface ShortlistQuery {
  /** null: every department. */
  department: string | null;
  /** null: every status. */
  status: ShortlistStatus | null;
  sort: { key: ShortlistSortKey; direction: SortDirection } | null;
}

export const ALL_STATUSES: readonly ShortlistStatus[] = [
  'proposed',
  'invited',
  'awaitingApproval',
  'approved',
  'notApproved',
  'declined',
  'removed',
  'withdrawn',
];

/** A new sort on `key`: scores start from the highest, departments from A. */
export function nextSort(
  current: ShortlistQuery['sort'],
  key: ShortlistSortKey,
): NonNullable<ShortlistQuery['sort']> {
  if (current?.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'department' ? 'ascending' : 'descending' };
}

/**
 * The rows on screen: filtered, then sorted (stably, so people of the same department keep the
 * server's order: reason, then scores). Without a sort, the server's order.
 */
export function shownCandidates(
  candidates: readonly ShortlistCandidate[],
  query: ShortlistQuery,
  locale: string,
): ShortlistCandidate[] {
  const rows = candidates.filter(
    (c) =>
      (query.department === null || c.department === query.department) &&
      (query.status === null || c.status === query.status),
  );
  const { sort } = query;
  if (!sort) return rows;
  const collator = new Intl.Collator(locale);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows.sort((a, b) =>
    sort.key === 'department'
      ? sign * collator.compare(a.department, b.department)
      : sign * (a[sort.key] - b[sort.key]),
  );
}

/** The departments of the shortlist, for its filter, in alphabetical order. */
export function departmentsOf(candidates: readonly ShortlistCandidate[], locale: string): string[] {
  return [...new Set(candidates.map((c) => c.department))].sort(new Intl.Collator(locale).compare);
}

/** Who the invitation would go to: proposed people (not removed, not withdrawn). */
export function toInvite(candidates: readonly ShortlistCandidate[]): number {
  return candidates.filter((c) => c.status === 'proposed').length;
}

/** A threshold as typed: a whole number from 0 to 100, or why not. */
export function thresholdProblem(text: string): 'required' | 'range' | null {
  if (text.trim() === '') return 'required';
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 && value <= 100 ? null : 'range';
}

/** A department's target as typed: a whole number from 0 up. */
export function targetProblem(text: string): 'required' | 'range' | null {
  if (text.trim() === '') return 'required';
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? null : 'range';
}
