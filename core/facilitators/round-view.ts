import type { SelectionRound, ShortlistEntry, ShortlistStatus } from './facilitators';
import { byMerit } from './selection';

/** One department of a round's coverage map (see the tab API contract for each count). */
export interface DepartmentCoverage {
  department: string;
  employees: number;
  target: number;
  candidates: number;
  invited: number;
  accepted: number;
  belowTarget: boolean;
}

/** What the admin sees of a round: its settings, its shortlist and its coverage map. */
export interface RoundView {
  round: SelectionRound;
  candidates: ShortlistEntry[];
  coverage: DepartmentCoverage[];
}

const SENT: readonly ShortlistStatus[] = [
  'invited',
  'awaitingApproval',
  'approved',
  'notApproved',
  'declined',
];
const ACCEPTED: readonly ShortlistStatus[] = ['awaitingApproval', 'approved'];
const REASON_ORDER = { aboveThresholds: 0, coverage: 1, manual: 2 } as const;

/**
 * The round's view from its stored shortlist: people who withdrew their consent are left out
 * (their scores are never shown again); removed people stay, with their status. Candidates by
 * department, then reason, then merit; the coverage map has every department with a target or
 * a shortlisted person, by name. A round still preparing has neither yet.
 */
export function roundView(
  round: SelectionRound,
  entries: readonly ShortlistEntry[],
  employees: (department: string) => number,
): RoundView {
  if (round.preparing) return { round, candidates: [], coverage: [] };
  const invited = round.invitationCampaignId !== undefined;
  const candidates = entries
    .filter((entry) => entry.status !== 'withdrawn')
    .sort(
      (a, b) =>
        a.department.localeCompare(b.department, 'it') ||
        REASON_ORDER[a.reason] - REASON_ORDER[b.reason] ||
        byMerit(a, b),
    );
  const departments = [
    ...new Set([...Object.keys(round.targets), ...entries.map((e) => e.department)]),
  ].sort((a, b) => a.localeCompare(b, 'it'));
  const coverage = departments.map((department): DepartmentCoverage => {
    const own = candidates.filter((entry) => entry.department === department);
    const count = (statuses: readonly ShortlistStatus[]) =>
      own.filter((entry) => statuses.includes(entry.status)).length;
    const target = round.targets[department] ?? 0;
    const active = own.filter((entry) => entry.status !== 'removed').length;
    const accepted = count(ACCEPTED);
    return {
      department,
      employees: employees(department),
      target,
      candidates: active,
      invited: count(SENT),
      accepted,
      belowTarget: (invited ? accepted : active) < target,
    };
  });
  return { round, candidates, coverage };
}
