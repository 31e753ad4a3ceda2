import type { UnitHeadcounts } from '../directory/headcounts';
import {
  bandShares,
  meanOf,
  viewOf,
  type PrivacyView,
  type Suppression,
} from '../privacy/suppression';
import type { HeatmapCell } from './dashboard-view';

/** One campaign × dimension's pattern, and the units that have sub-units to open. */
export interface Pattern {
  suppression: Suppression;
  parents: ReadonlySet<string>;
}

export const pathKey = (path: readonly string[]) => JSON.stringify(path);

export function patternOf(suppression: Suppression): Pattern {
  const parents = new Set(
    suppression.tree.nodes
      .filter((node) => !node.direct && node.path.length > 0)
      .map((node) => pathKey(node.path.slice(0, -1))),
  );
  return { suppression, parents };
}

/** Shown values only: a hidden cell carries no number at all. */
export function cellsOf(view: PrivacyView, parents: ReadonlySet<string>): HeatmapCell[] {
  return view.rows.map((row) => ({
    orgUnitPath: row.orgUnitPath,
    hidden: row.suppressed,
    count: row.suppressed ? null : row.values.count,
    mean: meanOf(row),
    bands: bandShares(row),
    direct: row.direct,
    opens: !row.direct && parents.has(pathKey(row.orgUnitPath)),
  }));
}

/**
 * The rows a unit is compared with, each as its pattern shows it (a total of a visible unit is a
 * cell of the same pattern, so showing it beside the units gives away nothing the pattern
 * protects): the caller's whole scope — the organisation for admins, their own unit for a
 * manager, who sees their subtree only (DESIGN.md §5) — then the opened unit when it is another.
 */
export function totalsView(
  pattern: Pattern | undefined,
  root: readonly string[],
  opened: readonly string[],
): PrivacyView {
  const scopes = pathKey(root) === pathKey(opened) ? [root] : [root, opened];
  const rows = scopes.map((path) => {
    const { total } = pattern
      ? viewOf(pattern.suppression, path, { depth: 1 })
      : { total: { suppressed: true as const } };
    return { ...total, orgUnitPath: path, direct: false };
  });
  return { total: rows[0]!, rows };
}

/**
 * A participants cell with its rate. The numerator is the published count already on screen and
 * the denominator the directory's headcount, which is no answer of anyone's: the rate gives away
 * nothing the count does not, and a hidden cell gets none (nor a headcount beside it).
 */
export function withParticipation(cell: HeatmapCell, headcounts: UnitHeadcounts): HeatmapCell {
  const headcount = cell.direct
    ? headcounts.direct(cell.orgUnitPath)
    : headcounts.subtree(cell.orgUnitPath);
  const shown = cell.count !== null && headcount > 0 && cell.count <= headcount;
  return {
    ...cell,
    participation: shown ? { headcount, rate: cell.count! / headcount } : null,
  };
}
