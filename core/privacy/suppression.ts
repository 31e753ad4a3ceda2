import { DomainError } from '../errors';
import type { AggregateValues } from '../assessment/aggregates';
import { BAND_IDS, type BandId } from '../assessment/questionnaire';
import {
  buildOrgTree,
  cheapestCycle,
  derivableHidden,
  equationGraph,
  isWithin,
  type Cell,
  type OrgNode,
  type OrgTree,
} from './org-tree';

export type { Cell } from './org-tree';

/** Smallest group shown when a campaign does not set its own threshold. */
export const DEFAULT_K = 5;
/** No campaign may set a threshold below this. */
export const MIN_K = 3;
/** Free-text comments are shown only for groups of at least this many (or k, if larger). */
export const FREE_TEXT_MIN = 10;

/** The thresholds locked when a campaign starts. */
export interface PrivacyPolicy {
  /** Smallest group whose aggregates are shown. */
  readonly k: number;
  /** Smallest group whose free-text comments are shown. */
  readonly freeTextK: number;
}

/**
 * A validated policy; throws a RangeError when k is not an integer ≥ {@link MIN_K} or the
 * free-text threshold is below max({@link FREE_TEXT_MIN}, k).
 */
export function privacyPolicy(
  k: number = DEFAULT_K,
  freeTextK: number = Math.max(FREE_TEXT_MIN, k),
): PrivacyPolicy {
  if (!Number.isInteger(k) || k < MIN_K) {
    throw new RangeError(`k must be an integer of at least ${MIN_K}, got ${k}`);
  }
  const least = Math.max(FREE_TEXT_MIN, k);
  if (!Number.isInteger(freeTextK) || freeTextK < least) {
    throw new RangeError(`the free-text threshold must be an integer of at least ${least}`);
  }
  return { k, freeTextK };
}

/** A value a screen may show, or the fact that it is hidden (never why, nor how large). */
export type Shown = { suppressed: true } | { suppressed: false; values: AggregateValues };

/**
 * One row of a screen. `direct` marks the members attached to `orgUnitPath` itself rather than
 * to one of its sub-units (present only for units that have both).
 */
export type ShownRow = Shown & { orgUnitPath: readonly string[]; direct: boolean };

/** What a screen shows: the rows of one level of the scope, and the scope's total. */
export interface PrivacyView {
  total: Shown;
  rows: ShownRow[];
}

/** Units `depth` levels below the scope (1 = its children), or the children of one unit. */
export type ViewLevel = { depth: number } | { childrenOf: readonly string[] };

/** A level outside the caller's scope was asked for. */
export class OutOfScopeError extends DomainError {
  readonly status = 403;
  readonly code = 'outOfScope';
  readonly messageKey = 'api.error.403';
}

/**
 * One campaign × dimension with its suppression pattern decided. Every screen and export of any
 * scope is a projection of this one pattern, so no two of them can be differenced.
 */
export interface Suppression {
  readonly tree: OrgTree;
  readonly hidden: readonly boolean[];
  readonly k: number;
}

/**
 * Decides which units to hide. Pass every cell of one campaign × dimension (all units, not just
 * the caller's scope) so that every scope sees the same pattern. Primary suppression hides units
 * with count < k and the units in `alreadyHidden` (those hidden by an earlier publication: a
 * pattern only grows, so no later screen reveals what an earlier one hid); complementary
 * suppression then hides more units, cheapest first, until no hidden value can be computed from
 * visible ones and no computable sum of hidden units covers fewer than k respondents.
 */
export function suppress(
  cells: readonly Cell[],
  policy: Pick<PrivacyPolicy, 'k'>,
  alreadyHidden: ReadonlySet<string> = new Set(),
): Suppression {
  const { k } = privacyPolicy(policy.k);
  const tree = buildOrgTree(cells);
  const hidden = tree.nodes.map(
    (node) => node.values.count < k || alreadyHidden.has(unitKey(node)),
  );
  // Hiding the organisation's total is the last resort; otherwise the fewest respondents.
  const cost = (id: number): number =>
    (tree.nodes[id]!.values.count + 1) * (id === 0 ? tree.nodes.length : 1);
  const graph = equationGraph(tree);
  for (;;) {
    const derivable = derivableHidden(tree, hidden);
    for (const id of derivable) {
      const extra = cheapestCycle(tree, hidden, id, cost, graph);
      if (extra === null) hidden.fill(true);
      for (const other of extra ?? []) hidden[other] = true;
    }
    if (derivable.length > 0) continue;
    const extra = smallGroupRepair(tree, hidden, k);
    if (extra === null) break;
    hidden[extra] = true;
  }
  return { tree, hidden, k };
}

/** How a unit is named in a stored hidden set (a `direct` node is its unit's own members). */
export function unitKey(node: Pick<OrgNode, 'path' | 'direct'>): string {
  return JSON.stringify(node.direct ? [...node.path, null] : node.path);
}

/** The units a pattern hides, as {@link unitKey}s: what a publication stores for the next one. */
export function hiddenUnits({ tree, hidden }: Suppression): string[] {
  return tree.nodes.filter((node) => hidden[node.id]).map(unitKey);
}

interface GroupBound {
  /** Whether the subtree's frontier can consist of visible units only. */
  canBeEmpty: boolean;
  /** Fewest respondents in a non-empty set of hidden frontier units. */
  least: number;
}

/**
 * Visible unit T with a connected set W of units below it: T minus the visible units hanging off
 * W is the sum of the hidden ones hanging off W. Finds the least such sum per T (tree DP) and, if
 * one is below k, returns the smallest visible unit of that frontier to hide.
 */
function smallGroupRepair(tree: OrgTree, hidden: readonly boolean[], k: number): number | null {
  const bounds: GroupBound[] = [];
  const options = (child: OrgNode): GroupBound => {
    const cut = hidden[child.id]
      ? { canBeEmpty: false, least: child.values.count }
      : { canBeEmpty: true, least: Infinity };
    const below = bounds[child.id];
    if (!below) return cut;
    return {
      canBeEmpty: cut.canBeEmpty || below.canBeEmpty,
      least: Math.min(cut.least, below.least),
    };
  };
  for (let id = tree.nodes.length - 1; id >= 0; id--) {
    const node = tree.nodes[id]!;
    if (node.children.length === 0) continue;
    const parts = node.children.map((child) => options(tree.nodes[child]!));
    const forced = parts.filter((part) => !part.canBeEmpty);
    bounds[id] = {
      canBeEmpty: forced.length === 0,
      least:
        forced.length === 0
          ? Math.min(...parts.map((part) => part.least))
          : forced.reduce((sum, part) => sum + part.least, 0),
    };
  }
  const top = tree.nodes.find((node) => !hidden[node.id] && (bounds[node.id]?.least ?? k) < k);
  if (!top) return null;
  const frontier: number[] = [];
  const walk = (node: OrgNode, nonEmpty: boolean): void => {
    const parts = node.children.map((child) => options(tree.nodes[child]!));
    const pick = parts.every((part) => part.canBeEmpty)
      ? parts.reduce((best, part, i) => (part.least < parts[best]!.least ? i : best), 0)
      : -1;
    node.children.forEach((childId, i) => {
      const child = tree.nodes[childId]!;
      const wantNonEmpty = nonEmpty && (pick === -1 ? !parts[i]!.canBeEmpty : pick === i);
      const below = bounds[childId];
      const cutFits = wantNonEmpty ? hidden[childId] : !hidden[childId];
      const cutIsBest = !below || !wantNonEmpty || child.values.count <= below.least;
      if (cutFits && cutIsBest) frontier.push(childId);
      else walk(child, wantNonEmpty);
    });
  };
  walk(top, true);
  const visible = frontier.filter((id) => !hidden[id]);
  visible.sort((a, b) => tree.nodes[a]!.values.count - tree.nodes[b]!.values.count || a - b);
  return visible[0] ?? null;
}

/** The rows and total a screen for `scope` may show at `level`. */
export function viewOf(
  suppression: Suppression,
  scope: readonly string[],
  level: ViewLevel,
): PrivacyView {
  const { tree } = suppression;
  const unit = (path: readonly string[]): OrgNode | undefined =>
    tree.nodes.find((node) => !node.direct && samePath(node.path, path));
  const root = unit(scope);
  const total: Shown = root ? shown(suppression, root) : { suppressed: true };
  let nodes: OrgNode[];
  if ('depth' in level) {
    if (!Number.isInteger(level.depth) || level.depth < 1) {
      throw new RangeError(`depth must be an integer of at least 1, got ${level.depth}`);
    }
    nodes = root ? descendantsAt(tree, root, level.depth) : [];
  } else {
    if (!isWithin(level.childrenOf, scope)) throw new OutOfScopeError('unit outside the scope');
    const parent = unit(level.childrenOf);
    nodes = parent ? parent.children.map((id) => tree.nodes[id]!) : [];
  }
  const rows = nodes.map((node) => ({
    ...shown(suppression, node),
    orgUnitPath: node.path,
    direct: node.direct,
  }));
  return { total, rows };
}

/** {@link suppress} then {@link viewOf}, for a single screen. */
export function protectedView(
  cells: readonly Cell[],
  policy: Pick<PrivacyPolicy, 'k'>,
  scope: readonly string[],
  level: ViewLevel,
): PrivacyView {
  return viewOf(suppress(cells, policy), scope, level);
}

function descendantsAt(tree: OrgTree, root: OrgNode, depth: number): OrgNode[] {
  let level = [root];
  for (let i = 0; i < depth; i++)
    level = level.flatMap((node) => node.children.map((id) => tree.nodes[id]!));
  return level;
}

function shown({ hidden }: Suppression, node: OrgNode): Shown {
  return hidden[node.id] ? { suppressed: true } : { suppressed: false, values: node.values };
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** Mean score of a visible cell (scores are stored in tenths); null when hidden or empty. */
export function meanOf(cell: Shown): number | null {
  if (cell.suppressed || cell.values.count === 0) return null;
  return cell.values.sumTenths / cell.values.count / 10;
}

/** Population standard deviation of a visible cell's scores; null when hidden or empty. */
export function stdDevOf(cell: Shown): number | null {
  if (cell.suppressed || cell.values.count === 0) return null;
  const { count, sumTenths, sumSqHundredths } = cell.values;
  const variance = sumSqHundredths / count - (sumTenths / count) ** 2;
  return Math.sqrt(Math.max(0, variance)) / 10;
}

/** Share of a visible cell's respondents in each band (0–1); null when hidden or empty. */
export function bandShares(cell: Shown): Record<BandId, number> | null {
  if (cell.suppressed || cell.values.count === 0) return null;
  const { bands, count } = cell.values;
  return Object.fromEntries(BAND_IDS.map((band) => [band, bands[band] / count])) as Record<
    BandId,
    number
  >;
}

/** Whether a group's free-text comments may be shown under the campaign's locked policy. */
export function mayShowFreeText(respondents: number, policy: PrivacyPolicy): boolean {
  return respondents >= policy.freeTextK;
}
