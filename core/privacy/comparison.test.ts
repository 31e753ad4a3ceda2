import fc from 'fast-check';
import { cellsArb } from '../../test/privacy-arbitraries';
import { compareMeans } from './comparison';
import { isWithin } from './org-tree';
import {
  meanOf,
  privacyPolicy,
  suppress,
  viewOf,
  type Cell,
  type PrivacyView,
  type Suppression,
  type ViewLevel,
} from './suppression';

function cell(path: string[], count: number, mean: number): Cell {
  const bands = { base: count, intermediate: 0, advanced: 0 };
  const sumTenths = Math.round(count * mean * 10);
  return { orgUnitPath: path, count, sumTenths, sumSqHundredths: sumTenths * mean * 10, bands };
}

const k5 = privacyPolicy();

describe('comparison by example', () => {
  const before = [cell(['A'], 10, 70), cell(['B'], 3, 60), cell(['C'], 12, 55), cell(['E'], 9, 40)];
  const after = [
    cell(['A'], 9, 74.44),
    cell(['B'], 11, 61),
    cell(['C'], 12, 50),
    cell(['D'], 8, 80),
    cell(['E'], 2, 45),
    cell(['F'], 6, 50),
  ];
  const view = (cells: Cell[]) => viewOf(suppress(cells, k5), [], { depth: 1 });

  it('gives the other mean and the difference of the rounded means where both are visible', () => {
    const rows = compareMeans(view(after), view(before));
    expect(view(after).rows.map((row) => row.orgUnitPath[0])).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
    ]);
    expect(rows[0]).toEqual({ mean: 70, delta: 4.4, reason: null });
    expect(rows[2]).toEqual({ mean: 55, delta: -5, reason: null });
  });

  it('says why a unit has no difference: hidden here, hidden there, or absent there', () => {
    const rows = compareMeans(view(after), view(before));
    // B had 3 people in the earlier campaign; E has 2 now, and F is hidden with it.
    expect(rows.slice(1).map((row) => row.reason)).toEqual([
      'hiddenThere',
      null,
      'noData',
      'hidden',
      'hidden',
    ]);
    expect(rows[1]).toEqual({ mean: null, delta: null, reason: 'hiddenThere' });
  });

  it('says when the other campaign did not ask the dimension, except where a cell is hidden here', () => {
    expect(compareMeans(view(after), undefined).map((row) => row.reason)).toEqual([
      'notAsked',
      'notAsked',
      'notAsked',
      'notAsked',
      'hidden',
      'hidden',
    ]);
  });

  it('follows each campaign’s own threshold', () => {
    const strict = viewOf(suppress(before, privacyPolicy(11)), [], { depth: 1 });
    expect(compareMeans(view(after), strict).map((row) => row.reason)).toEqual([
      'hiddenThere',
      'hiddenThere',
      null,
      'noData',
      'hidden',
      'hidden',
    ]);
  });
});

/** The organisation, or a unit (or an ancestor of one) of `cells`. */
const scopeArb = (cells: Cell[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    fc.constant<string[]>([]),
    fc
      .constantFrom(...cells)
      .chain((c) =>
        fc.integer({ min: 0, max: c.orgUnitPath.length }).map((n) => c.orgUnitPath.slice(0, n)),
      ),
  );

/** Two campaigns over overlapping random org trees, each with its own k. */
const caseArb = fc
  .tuple(cellsArb, cellsArb, fc.integer({ min: 3, max: 8 }), fc.integer({ min: 3, max: 8 }))
  .chain(([here, there, kHere, kThere]) =>
    scopeArb(here).map((scope) => ({ here, there, kHere, kThere, scope })),
  );

/** Every level a screen can ask for in the scope: each depth, and the children of each unit. */
function levels(pattern: Suppression, scope: readonly string[]): ViewLevel[] {
  const units = pattern.tree.nodes.filter((n) => !n.direct && isWithin(n.path, scope));
  return [...[1, 2, 3].map((depth) => ({ depth })), ...units.map((n) => ({ childrenOf: n.path }))];
}

/** Whether the pattern hides the unit (or lacks it), looked up in its tree directly. */
function hiddenIn(pattern: Suppression, row: PrivacyView['rows'][number]): boolean | undefined {
  const node = pattern.tree.nodes.find(
    (n) => n.direct === row.direct && n.path.join('>') === row.orgUnitPath.join('>'),
  );
  return node ? pattern.hidden[node.id] : undefined;
}

describe('comparison properties', () => {
  it('never shows a difference or an other mean for a cell hidden on either side', () => {
    fc.assert(
      fc.property(caseArb, ({ here, there, kHere, kThere, scope }) => {
        const [a, b] = [suppress(here, { k: kHere }), suppress(there, { k: kThere })];
        for (const level of levels(a, scope)) {
          const view = viewOf(a, scope, level);
          compareMeans(view, viewOf(b, scope, level)).forEach((compared, i) => {
            const row = view.rows[i]!;
            const [hiddenHere, hiddenThere] = [hiddenIn(a, row), hiddenIn(b, row)];
            if (hiddenHere || hiddenThere !== false) {
              expect(compared).toMatchObject({ mean: null, delta: null });
            }
            if (hiddenHere) expect(compared.reason).toBe('hidden');
            else if (hiddenThere) expect(compared.reason).toBe('hiddenThere');
            else if (hiddenThere === undefined) expect(compared.reason).toBe('noData');
          });
        }
      }),
    );
  });

  it('shows the difference of the rounded means wherever both cells are visible', () => {
    fc.assert(
      fc.property(caseArb, ({ here, there, kHere, kThere, scope }) => {
        const [a, b] = [suppress(here, { k: kHere }), suppress(there, { k: kThere })];
        for (const level of levels(a, scope)) {
          const [view, other] = [viewOf(a, scope, level), viewOf(b, scope, level)];
          compareMeans(view, other).forEach((compared, i) => {
            const row = view.rows[i]!;
            if (hiddenIn(a, row) !== false || hiddenIn(b, row) !== false) return;
            const match = other.rows.find(
              (o) =>
                o.direct === row.direct && o.orgUnitPath.join('>') === row.orgUnitPath.join('>'),
            )!;
            const [own, theirs] = [meanOf(row)!, meanOf(match)!];
            expect(compared.reason).toBeNull();
            expect(Math.abs(compared.mean! - theirs)).toBeLessThanOrEqual(0.05 + 1e-9);
            expect(Math.abs(compared.delta! - (own - theirs))).toBeLessThanOrEqual(0.1 + 1e-9);
            expect(compared.delta! * 10).toBeCloseTo(Math.round(compared.delta! * 10), 6);
          });
        }
      }),
    );
  });
});
