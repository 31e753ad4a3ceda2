import fc from 'fast-check';
import type { Signer } from './idea';
import { distinctVoters, merge, unmerge, voteGroup } from './merging';

interface Model {
  id: string;
  authors: Signer[];
  mergedAuthors: Record<string, Signer[]>;
  mergedInto: string | null;
  mergedFrom: string[];
}

const IDS = ['a', 'b', 'c', 'd'];
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5'];
const signer = (objectId: string): Signer => ({ objectId, name: objectId });

type Op =
  | { op: 'vote' | 'withdraw'; person: string; idea: string }
  | { op: 'merge'; idea: string; into: string }
  | { op: 'unmerge'; idea: string };

const ops = fc.array(
  fc.oneof(
    fc.record({
      op: fc.constantFrom('vote' as const, 'withdraw' as const),
      person: fc.constantFrom(...PEOPLE),
      idea: fc.constantFrom(...IDS),
    }),
    fc.record({
      op: fc.constant('merge' as const),
      idea: fc.constantFrom(...IDS),
      into: fc.constantFrom(...IDS),
    }),
    fc.record({ op: fc.constant('unmerge' as const), idea: fc.constantFrom(...IDS) }),
  ),
  { maxLength: 40 },
);

/**
 * The service's rules over a model of the store: vote rows per idea (the truth), a vote on a
 * merged idea refused, a withdrawal on a group removes the person's rows from every idea of it.
 */
function run(sequence: Op[]) {
  const ideas = new Map<string, Model>(
    IDS.map((id) => [
      id,
      {
        id,
        authors: [signer(`author-${id}`)],
        mergedAuthors: {},
        mergedInto: null,
        mergedFrom: [],
      },
    ]),
  );
  const rows = new Map<string, Set<string>>(IDS.map((id) => [id, new Set<string>()]));
  // The oracle: per root idea, who wants it counted (who voted it or an idea merged into it).
  for (const step of sequence) {
    const idea = ideas.get(step.idea)!;
    if (step.op === 'vote') {
      if (idea.mergedInto === null) rows.get(idea.id)!.add(step.person);
    } else if (step.op === 'withdraw') {
      if (idea.mergedInto === null) {
        for (const id of voteGroup(idea)) rows.get(id)!.delete(step.person);
      }
    } else if (step.op === 'merge') {
      try {
        const result = merge(idea, ideas.get(step.into)!);
        ideas.set(result.source.id, result.source);
        ideas.set(result.target.id, result.target);
      } catch {
        // refused: nothing changes
      }
    } else if (idea.mergedInto !== null) {
      const result = unmerge(idea, ideas.get(idea.mergedInto)!);
      ideas.set(result.source.id, result.source);
      ideas.set(result.target.id, result.target);
    }
  }
  return { ideas, rows };
}

const count = (ideas: Map<string, Model>, rows: Map<string, Set<string>>, id: string) =>
  distinctVoters(voteGroup(ideas.get(id)!), (i) => rows.get(i)!).size;

describe('merge and unmerge vote arithmetic', () => {
  it('counts every idea as its distinct voters, whatever the sequence', () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const { ideas, rows } = run(sequence);
        for (const idea of ideas.values()) {
          const expected = new Set<string>();
          for (const id of [idea.id, ...idea.mergedFrom]) {
            for (const person of rows.get(id)!) expected.add(person);
          }
          expect(count(ideas, rows, idea.id)).toBe(expected.size);
          // Groups are one level deep and consistent both ways.
          for (const from of idea.mergedFrom) expect(ideas.get(from)!.mergedInto).toBe(idea.id);
          if (idea.mergedInto) expect(ideas.get(idea.mergedInto)!.mergedFrom).toContain(idea.id);
        }
      }),
    );
  });

  it('unmerge restores both ideas, their authors and their votes exactly', () => {
    fc.assert(
      fc.property(
        ops,
        fc.constantFrom(...IDS),
        fc.constantFrom(...IDS),
        (sequence, source, target) => {
          const { ideas, rows } = run(sequence);
          const before = new Map([...ideas].map(([id, idea]) => [id, structuredClone(idea)]));
          const counts = IDS.map((id) => count(ideas, rows, id));
          let merged;
          try {
            merged = merge(ideas.get(source)!, ideas.get(target)!);
          } catch {
            return; // refused merges change nothing
          }
          ideas.set(source, merged.source);
          ideas.set(target, merged.target);
          const union = distinctVoters([source, ...voteGroup(before.get(target)!)], (i) =>
            rows.get(i)!,
          );
          expect(count(ideas, rows, target)).toBe(union.size);
          const undone = unmerge(ideas.get(source)!, ideas.get(target)!);
          ideas.set(source, undone.source);
          ideas.set(target, undone.target);
          expect(ideas).toEqual(before);
          expect(IDS.map((id) => count(ideas, rows, id))).toEqual(counts);
        },
      ),
    );
  });

  it('counts someone who voted both ideas once on the target', () => {
    const a = {
      id: 'a',
      authors: [signer('x')],
      mergedAuthors: {},
      mergedInto: null,
      mergedFrom: [],
    };
    const b = {
      id: 'b',
      authors: [signer('y')],
      mergedAuthors: {},
      mergedInto: null,
      mergedFrom: [],
    };
    const { source, target } = merge<Model>(a, b);
    const rows: Record<string, string[]> = { a: ['p1', 'p2'], b: ['p2', 'p3'] };
    expect(distinctVoters(voteGroup(target), (id) => rows[id]!).size).toBe(3);
    expect(target.authors.map((s) => s.objectId)).toEqual(['y', 'x']);
    expect(source.mergedInto).toBe('b');
  });
});
