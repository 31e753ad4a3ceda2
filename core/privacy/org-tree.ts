import { addValues, emptyValues, type AggregateValues } from '../assessment/aggregates';

/** One campaign × dimension row for one org unit, as the aggregate store keeps it. */
export interface Cell extends AggregateValues {
  orgUnitPath: readonly string[];
}

/**
 * A unit of the org tree with the values of its whole subtree. A unit that has both its own
 * members and sub-units gets a `direct` child for its own members, so that every internal
 * node is exactly the sum of its children (the equations an attacker can use).
 */
export interface OrgNode {
  id: number;
  path: readonly string[];
  direct: boolean;
  parent: number | null;
  children: number[];
  values: AggregateValues;
}

/** Nodes in pre-order with children sorted by name; `nodes[0]` is the organisation (path []). */
export interface OrgTree {
  nodes: OrgNode[];
}

interface Draft {
  own: AggregateValues | null;
  units: Map<string, Draft>;
}

/** Builds the tree of every unit named by a cell (and its ancestors), rolling values up. */
export function buildOrgTree(cells: readonly Cell[]): OrgTree {
  const top: Draft = { own: null, units: new Map() };
  for (const cell of cells) {
    if (cell.count < 0 || !Number.isInteger(cell.count)) {
      throw new RangeError(`invalid count ${cell.count}`);
    }
    let draft = top;
    for (const segment of cell.orgUnitPath) {
      let next = draft.units.get(segment);
      if (!next) draft.units.set(segment, (next = { own: null, units: new Map() }));
      draft = next;
    }
    draft.own = addValues(draft.own ?? emptyValues(), cell);
  }
  const nodes: OrgNode[] = [];
  place(nodes, top, [], null, false);
  return { nodes };
}

function place(
  nodes: OrgNode[],
  draft: Draft,
  path: readonly string[],
  parent: number | null,
  direct: boolean,
): OrgNode {
  const node: OrgNode = {
    id: nodes.length,
    path,
    direct,
    parent,
    children: [],
    values: emptyValues(),
  };
  nodes.push(node);
  if (draft.units.size === 0) {
    node.values = draft.own ?? emptyValues();
    return node;
  }
  const children: OrgNode[] = [];
  if (draft.own)
    children.push(place(nodes, { own: draft.own, units: new Map() }, path, node.id, true));
  const names = [...draft.units.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    children.push(place(nodes, draft.units.get(name)!, [...path, name], node.id, false));
  }
  node.children = children.map((child) => child.id);
  node.values = children.reduce((sum, child) => addValues(sum, child.values), emptyValues());
  return node;
}

/** True when `path` lies in the subtree rooted at `scope` (the scope itself included). */
export function isWithin(path: readonly string[], scope: readonly string[]): boolean {
  return path.length >= scope.length && scope.every((segment, i) => path[i] === segment);
}

/**
 * The equations "node = sum of its children" as a multigraph: one vertex per internal node plus
 * a vertex ⊥ for "unconstrained"; each node is an edge from its parent's vertex (⊥ for the root)
 * to its own vertex (⊥ for a leaf). A hidden node's value follows by linear algebra from the
 * visible ones exactly when its edge is a bridge of the graph made of the hidden edges.
 */
export function endpoints(tree: OrgTree, id: number): [number, number] {
  const node = tree.nodes[id]!;
  const bottom = tree.nodes.length;
  return [node.parent ?? bottom, node.children.length === 0 ? bottom : id];
}

/** Ids of the hidden nodes whose values can be derived from the visible ones. */
export function derivableHidden(tree: OrgTree, hidden: readonly boolean[]): number[] {
  const size = tree.nodes.length + 1;
  const adjacency: [number, number][][] = Array.from({ length: size }, () => []);
  for (const node of tree.nodes) {
    if (!hidden[node.id]) continue;
    const [a, b] = endpoints(tree, node.id);
    adjacency[a]!.push([b, node.id]);
    if (a !== b) adjacency[b]!.push([a, node.id]);
  }
  const order = new Array<number>(size).fill(-1);
  const low = new Array<number>(size).fill(0);
  const bridges: number[] = [];
  let counter = 0;
  const visit = (vertex: number, viaEdge: number): void => {
    order[vertex] = low[vertex] = counter++;
    for (const [next, edge] of adjacency[vertex]!) {
      if (edge === viaEdge) continue;
      if (order[next] === -1) {
        visit(next, edge);
        low[vertex] = Math.min(low[vertex], low[next]!);
        if (low[next]! > order[vertex]) bridges.push(edge);
      } else {
        low[vertex] = Math.min(low[vertex], order[next]!);
      }
    }
  };
  for (let vertex = 0; vertex < size; vertex++) if (order[vertex] === -1) visit(vertex, -1);
  return bridges.sort((a, b) => a - b);
}

/** For each vertex of the equations' graph, its neighbours and the edges (node ids) to them. */
export type EquationGraph = [number, number][][];

/** Every node as an edge of the equations' graph (see {@link endpoints}). */
export function equationGraph(tree: OrgTree): EquationGraph {
  const graph: EquationGraph = Array.from({ length: tree.nodes.length + 1 }, () => []);
  for (const node of tree.nodes) {
    const [a, b] = endpoints(tree, node.id);
    graph[a]!.push([b, node.id]);
    if (a !== b) graph[b]!.push([a, node.id]);
  }
  return graph;
}

/**
 * The visible nodes to hide, at least total cost, so that the edge of `target` closes a cycle
 * (Dijkstra; hidden edges cost nothing; ties go to lower vertex ids). Empty when it already lies
 * on one; null when no cycle can reach it.
 */
export function cheapestCycle(
  tree: OrgTree,
  hidden: readonly boolean[],
  target: number,
  cost: (id: number) => number,
  graph: EquationGraph = equationGraph(tree),
): number[] | null {
  const size = tree.nodes.length + 1;
  const [from, to] = endpoints(tree, target);
  const distance = new Array<number>(size).fill(Infinity);
  const via = new Array<number>(size).fill(-1);
  const queue = new MinQueue();
  distance[from] = 0;
  queue.push(0, from);
  for (let next = queue.pop(); next; next = queue.pop()) {
    const [d, vertex] = next;
    if (d > distance[vertex]!) continue;
    if (vertex === to) break;
    for (const [other, edge] of graph[vertex]!) {
      if (edge === target) continue;
      const candidate = d + (hidden[edge] ? 0 : cost(edge));
      if (candidate < distance[other]!) {
        [distance[other], via[other]] = [candidate, edge];
        queue.push(candidate, other);
      }
    }
  }
  if (distance[to] === Infinity) return null;
  const path: number[] = [];
  for (let vertex = to; vertex !== from;) {
    const edge = via[vertex]!;
    if (!hidden[edge]) path.push(edge);
    const [a, b] = endpoints(tree, edge);
    vertex = a === vertex ? b : a;
  }
  return path;
}

/** Binary heap of [priority, vertex], smallest priority (then vertex) first. */
class MinQueue {
  private readonly items: [number, number][] = [];

  push(priority: number, vertex: number): void {
    const items = this.items;
    items.push([priority, vertex]);
    for (let i = items.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (!less(items[i]!, items[up]!)) break;
      [items[i], items[up]] = [items[up]!, items[i]!];
      i = up;
    }
  }

  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || !last) return top;
    items[0] = last;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let min = i;
      if (l < items.length && less(items[l]!, items[min]!)) min = l;
      if (r < items.length && less(items[r]!, items[min]!)) min = r;
      if (min === i) break;
      [items[i], items[min]] = [items[min]!, items[i]!];
      i = min;
    }
    return top;
  }
}

function less(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
