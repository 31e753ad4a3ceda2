import { emptyValues } from '../assessment/aggregates';
import { buildOrgTree, cheapestCycle, derivableHidden, isWithin, type Cell } from './org-tree';

function cell(path: string[], count: number): Cell {
  return { ...emptyValues(), orgUnitPath: path, count, sumTenths: count * 30 };
}

describe('buildOrgTree', () => {
  it('rolls values up, sorts children and adds the organisation as root', () => {
    const tree = buildOrgTree([cell(['B', 'y'], 4), cell(['A'], 2), cell(['B', 'x'], 3)]);
    expect(tree.nodes.map((n) => [n.path.join('/'), n.values.count])).toEqual([
      ['', 9],
      ['A', 2],
      ['B', 7],
      ['B/x', 3],
      ['B/y', 4],
    ]);
    expect(tree.nodes[2]!.values.sumTenths).toBe(210);
    expect(tree.nodes[2]!.children).toEqual([3, 4]);
  });

  it('sums repeated rows of a unit', () => {
    const tree = buildOrgTree([cell(['A'], 2), cell(['A'], 5)]);
    expect(tree.nodes[1]!.values.count).toBe(7);
  });

  it('gives a unit with its own members and sub-units a direct child', () => {
    const tree = buildOrgTree([cell(['A'], 2), cell(['A', 'x'], 6)]);
    const a = tree.nodes[1]!;
    expect(a.values.count).toBe(8);
    expect(a.children.map((id) => tree.nodes[id]!)).toMatchObject([
      { path: ['A'], direct: true, values: { count: 2 } },
      { path: ['A', 'x'], direct: false, values: { count: 6 } },
    ]);
  });

  it('refuses negative counts', () => {
    expect(() => buildOrgTree([cell(['A'], -1)])).toThrow(RangeError);
  });
});

describe('derivableHidden', () => {
  // root(0) → A(1), B(2) → B/x(3), B/y(4)
  const tree = buildOrgTree([cell(['A'], 9), cell(['B', 'x'], 3), cell(['B', 'y'], 8)]);

  it('finds a lone hidden child of a visible parent', () => {
    expect(derivableHidden(tree, [false, false, false, true, false])).toEqual([3]);
  });

  it('accepts two hidden siblings', () => {
    expect(derivableHidden(tree, [false, false, false, true, true])).toEqual([]);
  });

  it('finds a hidden unit whose children are all visible', () => {
    expect(derivableHidden(tree, [false, true, true, false, false])).toEqual([1, 2]);
  });

  it('accepts a hidden child protected through its hidden parent', () => {
    expect(derivableHidden(tree, [false, true, true, true, false])).toEqual([]);
  });
});

describe('cheapestCycle', () => {
  it('hides the cheapest sibling leaf', () => {
    const tree = buildOrgTree([cell(['A'], 3), cell(['B'], 12), cell(['C'], 7)]);
    const hidden = [false, true, false, false];
    expect(cheapestCycle(tree, hidden, 1, (id) => tree.nodes[id]!.values.count)).toEqual([3]);
  });

  it('hides the total or a sibling with one of its sub-units, whichever is cheaper', () => {
    const tree = buildOrgTree([cell(['A'], 3), cell(['B', 'x'], 6), cell(['B', 'y'], 9)]);
    const hidden = [false, true, false, false, false];
    const count = (id: number): number => tree.nodes[id]!.values.count;
    expect(cheapestCycle(tree, hidden, 1, count)).toEqual([0]);
    const totalDear = (id: number): number => (id === 0 ? 100 : count(id));
    expect(cheapestCycle(tree, hidden, 1, totalDear)?.sort()).toEqual([2, 3]);
  });
});

describe('isWithin', () => {
  it('holds for the scope and its descendants only', () => {
    expect(isWithin(['A', 'x'], ['A'])).toBe(true);
    expect(isWithin(['A'], ['A'])).toBe(true);
    expect(isWithin(['A'], [])).toBe(true);
    expect(isWithin(['B', 'x'], ['A'])).toBe(false);
    expect(isWithin(['A'], ['A', 'x'])).toBe(false);
  });
});
