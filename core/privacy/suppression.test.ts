import fc from 'fast-check';
import { addValues, emptyValues, type AggregateValues } from '../assessment/aggregates';
import { cellsArb } from '../../test/privacy-arbitraries';
import { isWithin, type OrgTree } from './org-tree';
import {
  bandShares,
  hiddenUnits,
  mayShowFreeText,
  meanOf,
  OutOfScopeError,
  privacyPolicy,
  protectedView,
  stdDevOf,
  suppress,
  unitKey,
  viewOf,
  type Cell,
  type PrivacyView,
  type Suppression,
} from './suppression';

const k5 = privacyPolicy();

function cell(path: string[], count: number): Cell {
  const bands = { base: count, intermediate: 0, advanced: 0 };
  return { orgUnitPath: path, count, sumTenths: 25 * count, sumSqHundredths: 625 * count, bands };
}

function hiddenOf(view: PrivacyView): string[] {
  return view.rows.filter((row) => row.suppressed).map((row) => row.orgUnitPath.join(' > '));
}

const city = [
  cell(['Area Welfare', 'Settore Salute'], 12),
  cell(['Area Welfare', 'Settore Servizi Sociali'], 3),
  cell(['Area Welfare', 'Settore Casa'], 7),
  cell(['Area Tecnica', 'Settore Lavori'], 20),
  cell(['Area Tecnica', 'Settore Ambiente'], 9),
  cell(['Area Cultura'], 4),
];

describe('privacy policy', () => {
  it('defaults to k = 5 and refuses k below 3', () => {
    expect(privacyPolicy()).toEqual({ k: 5, freeTextK: 10 });
    expect(privacyPolicy(3).k).toBe(3);
    expect(() => privacyPolicy(2)).toThrow(RangeError);
    expect(() => suppress(city, { k: 1 })).toThrow(RangeError);
  });

  it('shows free text from 10 respondents, or k when larger', () => {
    expect(mayShowFreeText(9, k5)).toBe(false);
    expect(mayShowFreeText(10, k5)).toBe(true);
    expect(privacyPolicy(12).freeTextK).toBe(12);
    expect(mayShowFreeText(11, privacyPolicy(12))).toBe(false);
    expect(mayShowFreeText(14, privacyPolicy(5, 15))).toBe(false);
    expect(() => privacyPolicy(12, 10)).toThrow(RangeError);
  });
});

describe('suppression by example', () => {
  it('hides a small unit and its smallest sibling, keeping the parent visible', () => {
    const cells = [cell(['A'], 3), cell(['B'], 10), cell(['C'], 12), cell(['D'], 30)];
    const view = protectedView(cells, k5, [], { depth: 1 });
    expect(hiddenOf(view)).toEqual(['A', 'B']);
    expect(view.total).toMatchObject({ suppressed: false, values: { count: 55 } });
  });

  it('hides the only sibling of a small unit', () => {
    const view = protectedView([cell(['A'], 3), cell(['B'], 10)], k5, [], { depth: 1 });
    expect(hiddenOf(view)).toEqual(['A', 'B']);
    expect(view.total.suppressed).toBe(false);
  });

  it('hides one more unit when the hidden ones together count fewer than k', () => {
    const cells = [cell(['A'], 0), cell(['B'], 3), cell(['C'], 10), cell(['D'], 12)];
    expect(hiddenOf(protectedView(cells, k5, [], { depth: 1 }))).toEqual(['A', 'B', 'C']);
  });

  it('hides the whole scope when it is below k', () => {
    const view = protectedView([cell(['A'], 2), cell(['B'], 2)], k5, [], { depth: 1 });
    expect(view.total).toEqual({ suppressed: true });
    expect(hiddenOf(view)).toEqual(['A', 'B']);
  });

  it('protects a small department through a sibling department hidden above its small sector', () => {
    const pattern = suppress(city, k5);
    const areas = viewOf(pattern, [], { depth: 1 });
    expect(hiddenOf(areas)).toEqual(['Area Cultura', 'Area Welfare']);
    expect(areas.total).toMatchObject({ suppressed: false, values: { count: 55 } });
    // Welfare is hidden above, so one hidden sector suffices: Salute and Casa stay visible.
    const welfare = viewOf(pattern, ['Area Welfare'], { depth: 1 });
    expect(welfare.total).toEqual({ suppressed: true });
    expect(hiddenOf(welfare)).toEqual(['Area Welfare > Settore Servizi Sociali']);
    expect(hiddenOf(viewOf(pattern, [], { depth: 2 }))).toEqual([
      'Area Welfare > Settore Servizi Sociali',
    ]);
  });

  it('shows a manager only their subtree and refuses units outside it', () => {
    const pattern = suppress(city, k5);
    const tecnica = viewOf(pattern, ['Area Tecnica'], { depth: 1 });
    expect(tecnica.total).toMatchObject({ suppressed: false, values: { count: 29 } });
    expect(tecnica.rows.map((row) => row.orgUnitPath[1])).toEqual([
      'Settore Ambiente',
      'Settore Lavori',
    ]);
    expect(() => viewOf(pattern, ['Area Tecnica'], { childrenOf: ['Area Welfare'] })).toThrow(
      OutOfScopeError,
    );
    expect(viewOf(pattern, ['Area Sconosciuta'], { depth: 1 })).toEqual({
      total: { suppressed: true },
      rows: [],
    });
  });

  it('shows the members attached directly to a unit with sub-units as their own row', () => {
    const cells = [cell(['A'], 6), cell(['A', 'x'], 8), cell(['A', 'y'], 9)];
    const view = protectedView(cells, k5, [], { childrenOf: ['A'] });
    expect(view.rows.map((row) => [row.orgUnitPath.join('/'), row.direct])).toEqual([
      ['A', true],
      ['A/x', false],
      ['A/y', false],
    ]);
  });

  it('computes statistics for visible cells only', () => {
    const values = {
      count: 4,
      sumTenths: 100,
      sumSqHundredths: 2600,
      bands: { base: 1, intermediate: 3, advanced: 0 },
    };
    expect(meanOf({ suppressed: false, values })).toBe(2.5);
    expect(stdDevOf({ suppressed: false, values })).toBeCloseTo(0.5);
    expect(bandShares({ suppressed: false, values })).toEqual({
      base: 0.25,
      intermediate: 0.75,
      advanced: 0,
    });
    expect(meanOf({ suppressed: true })).toBeNull();
    expect(stdDevOf({ suppressed: true })).toBeNull();
    expect(bandShares({ suppressed: true })).toBeNull();
  });
});

const caseArb = cellsArb.chain((cells) =>
  fc.record({
    cells: fc.constant(cells),
    k: fc.integer({ min: 3, max: 8 }),
    scope: fc.oneof(
      fc.constant<string[]>([]),
      fc
        .constantFrom(...cells)
        .chain((c) =>
          fc.integer({ min: 0, max: c.orgUnitPath.length }).map((n) => c.orgUnitPath.slice(0, n)),
        ),
      fc.constant<string[]>(['z']),
    ),
  }),
);

/** Every view a screen can ask for in the scope: each depth, and the children of each unit. */
function allViews(pattern: Suppression, scope: readonly string[]): PrivacyView[] {
  const units = pattern.tree.nodes.filter((n) => !n.direct && isWithin(n.path, scope));
  return [
    ...[1, 2, 3].map((depth) => viewOf(pattern, scope, { depth })),
    ...units.map((n) => viewOf(pattern, scope, { childrenOf: n.path })),
  ];
}

function sumOfLeaves(cells: Cell[], path: readonly string[], direct: boolean): AggregateValues {
  return cells
    .filter((c) =>
      direct ? c.orgUnitPath.join('>') === path.join('>') : isWithin(c.orgUnitPath, path),
    )
    .reduce<AggregateValues>((sum, c) => addValues(sum, c), emptyValues());
}

/** Whether some hidden value follows from the visible ones and the tree's sums (Gauss–Jordan). */
function someHiddenDerivable({ nodes }: OrgTree, hidden: readonly boolean[]): boolean {
  const unknowns = nodes.filter((n) => hidden[n.id]).map((n) => n.id);
  const rows = nodes
    .filter((n) => n.children.length > 0)
    .map((n) =>
      unknowns.map((id): number => (id === n.id ? 1 : nodes[id]!.parent === n.id ? -1 : 0)),
    );
  let rank = 0;
  for (let col = 0; col < unknowns.length && rank < rows.length; col++) {
    const pivot = rows.findIndex((row, i) => i >= rank && Math.abs(row[col]!) > 1e-9);
    if (pivot === -1) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    const scale = p[col]!;
    p.forEach((v, j) => (p[j] = v / scale));
    rows.forEach((row, i) => {
      const factor = row[col]!;
      if (i !== rank && Math.abs(factor) > 1e-9)
        row.forEach((v, j) => (row[j] = v - factor * p[j]!));
    });
    rank++;
  }
  return rows.some((row) => row.filter((v) => Math.abs(v) > 1e-9).length === 1);
}

/** Least respondents in a computable sum of hidden units: T minus the visible units off a region. */
function smallestComputableGroup({ nodes }: OrgTree, hidden: readonly boolean[]): number {
  const frontiers = (id: number): number[][] =>
    nodes[id]!.children.reduce<number[][]>(
      (acc, child) => {
        const options = [[child], ...(nodes[child]!.children.length > 0 ? frontiers(child) : [])];
        return acc.flatMap((f) => options.map((o) => [...f, ...o]));
      },
      [[]],
    );
  let least = Infinity;
  for (const top of nodes.filter((n) => !hidden[n.id] && n.children.length > 0)) {
    for (const frontier of frontiers(top.id)) {
      const group = frontier.filter((id) => hidden[id]);
      if (group.length > 0)
        least = Math.min(
          least,
          group.reduce((s, id) => s + nodes[id]!.values.count, 0),
        );
    }
  }
  return least;
}

describe('suppression properties', () => {
  it('has checkers that catch a derivable cell and a small computable group', () => {
    const { tree } = suppress([cell(['A'], 3), cell(['B'], 9), cell(['C'], 0)], k5);
    expect(someHiddenDerivable(tree, [false, true, false, false])).toBe(true);
    expect(someHiddenDerivable(tree, [false, true, false, true])).toBe(false);
    expect(smallestComputableGroup(tree, [false, true, false, true])).toBe(3);
    expect(smallestComputableGroup(tree, [false, true, true, true])).toBe(12);
  });

  it('never shows a cell below k, in any view of any scope', () => {
    fc.assert(
      fc.property(caseArb, ({ cells, k, scope }) => {
        for (const view of allViews(suppress(cells, { k }), scope)) {
          for (const shown of [view.total, ...view.rows]) {
            if (!shown.suppressed) expect(shown.values.count).toBeGreaterThanOrEqual(k);
          }
        }
      }),
    );
  });

  it('leaves no hidden cell computable from a visible parent and its visible siblings', () => {
    fc.assert(
      fc.property(caseArb, ({ cells, k, scope }) => {
        const pattern = suppress(cells, { k });
        const units = pattern.tree.nodes.filter((n) => !n.direct && isWithin(n.path, scope));
        for (const view of units.map((n) => viewOf(pattern, n.path, { depth: 1 }))) {
          const hiddenRows = view.rows.filter((row) => row.suppressed);
          if (view.total.suppressed || hiddenRows.length === 0) continue;
          expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
        }
        expect(someHiddenDerivable(pattern.tree, pattern.hidden)).toBe(false);
      }),
    );
  });

  it('leaves no computable sum of hidden cells covering fewer than k respondents', () => {
    fc.assert(
      fc.property(caseArb, ({ cells, k }) => {
        const pattern = suppress(cells, { k });
        expect(smallestComputableGroup(pattern.tree, pattern.hidden)).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('shows values equal to the sums of the leaf rows', () => {
    fc.assert(
      fc.property(caseArb, ({ cells, k, scope }) => {
        for (const view of allViews(suppress(cells, { k }), scope)) {
          if (!view.total.suppressed)
            expect(view.total.values).toEqual(sumOfLeaves(cells, scope, false));
          for (const row of view.rows) {
            if (!row.suppressed)
              expect(row.values).toEqual(sumOfLeaves(cells, row.orgUnitPath, row.direct));
          }
        }
      }),
    );
  });

  it('decides the same whatever the order of the rows', () => {
    fc.assert(
      fc.property(caseArb, ({ cells, k, scope }) => {
        const once = allViews(suppress(cells, { k }), scope);
        expect(allViews(suppress([...cells].reverse(), { k }), scope)).toEqual(once);
        expect(allViews(suppress(cells, { k }), scope)).toEqual(once);
      }),
    );
  });

  it('hides the same units in every dimension: the pattern depends on the counts only', () => {
    // Every result counts in every dimension, so a campaign's dimensions (and its participants)
    // share their counts and hence their pattern: no dimension can be set against another.
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 9 }), ({ cells, k, scope }, shift) => {
        const otherScores = cells.map((cell) => ({
          ...cell,
          sumTenths: cell.count * shift * 5,
          sumSqHundredths: cell.count * shift * shift * 25,
          bands: { base: 0, intermediate: cell.count, advanced: 0 },
        }));
        expect(allViews(suppress(otherScores, { k }), scope).map(hiddenOf)).toEqual(
          allViews(suppress(cells, { k }), scope).map(hiddenOf),
        );
      }),
    );
  });

  it('returns only units inside the scope', () => {
    fc.assert(
      fc.property(caseArb, ({ cells, k, scope }) => {
        for (const view of allViews(suppress(cells, { k }), scope)) {
          for (const row of view.rows) expect(isWithin(row.orgUnitPath, scope)).toBe(true);
        }
      }),
    );
  });
});

describe('suppression over time', () => {
  it('keeps hidden what an earlier publication hid, and protects it again', () => {
    const before = suppress([cell(['A'], 3), cell(['B'], 10), cell(['C'], 12)], k5);
    expect(hiddenUnits(before)).toEqual([
      unitKey({ path: ['A'], direct: false }),
      unitKey({ path: ['B'], direct: false }),
    ]);
    // Later A and B have grown past k: alone, nothing would be hidden any more.
    const grown = [cell(['A'], 8), cell(['B'], 15), cell(['C'], 12)];
    expect(hiddenUnits(suppress(grown, k5))).toEqual([]);
    const after = suppress(grown, k5, new Set(hiddenUnits(before)));
    expect(hiddenUnits(after)).toEqual(hiddenUnits(before));
    // Hiding only A again would let it be computed from the total: a second unit stays hidden.
    const onlyA = suppress(grown, k5, new Set([unitKey({ path: ['A'], direct: false })]));
    expect(hiddenUnits(onlyA)).toHaveLength(2);
  });

  it('never shrinks the hidden units it starts from', () => {
    fc.assert(
      fc.property(cellsArb, cellsArb, (first, second) => {
        const earlier = new Set(hiddenUnits(suppress(first, k5)));
        const later = new Set(hiddenUnits(suppress(second, k5, earlier)));
        const tree = suppress(second, k5).tree;
        const present = new Set(tree.nodes.map(unitKey));
        return [...earlier].every((unit) => !present.has(unit) || later.has(unit));
      }),
    );
  });
});
