import type { Idea, Signer } from './idea';
import { IdeaError } from './idea-errors';

type MergeFields = Pick<Idea, 'id' | 'authors' | 'mergedAuthors' | 'mergedInto' | 'mergedFrom'>;

/** The ideas whose votes count on `idea`: itself and the ideas merged into it. */
export const voteGroup = (idea: Pick<Idea, 'id' | 'mergedFrom'>): string[] => [
  idea.id,
  ...idea.mergedFrom,
];

/** Everyone who voted any idea of the group, each once. */
export function distinctVoters(
  group: readonly string[],
  votersOf: (ideaId: string) => Iterable<string>,
): Set<string> {
  const voters = new Set<string>();
  for (const id of group) for (const voter of votersOf(id)) voters.add(voter);
  return voters;
}

const sameSigner = (a: Signer, b: Signer) => a.objectId !== null && a.objectId === b.objectId;

/**
 * Merges `source` into `target`: the source points to the target, its authors not already
 * authors of the target become co-authors (remembered, to take away on unmerge). Votes are not
 * moved: they stay on their idea's rows and count once per person on the target's group. Groups
 * are one level deep: an idea merged, or with ideas merged into it, cannot be merged.
 */
export function merge<T extends MergeFields>(source: T, target: T): { source: T; target: T } {
  if (source.id === target.id) throw new IdeaError('mergeSelf');
  if (source.mergedInto !== null || target.mergedInto !== null || source.mergedFrom.length > 0) {
    throw new IdeaError('mergeChain');
  }
  const added = source.authors.filter(
    (author) => author.objectId !== null && !target.authors.some((a) => sameSigner(a, author)),
  );
  return {
    source: { ...source, mergedInto: target.id },
    target: {
      ...target,
      authors: [...target.authors, ...added],
      mergedAuthors: { ...target.mergedAuthors, [source.id]: added },
      mergedFrom: [...target.mergedFrom, source.id],
    },
  };
}

/** Undoes {@link merge}: both ideas as they were, authors included. */
export function unmerge<T extends MergeFields>(source: T, target: T): { source: T; target: T } {
  if (source.mergedInto !== target.id) throw new IdeaError('notMerged');
  const added = target.mergedAuthors[source.id] ?? [];
  const mergedAuthors = { ...target.mergedAuthors };
  delete mergedAuthors[source.id];
  return {
    source: { ...source, mergedInto: null },
    target: {
      ...target,
      authors: target.authors.filter((a) => !added.some((b) => sameSigner(a, b))),
      mergedAuthors,
      mergedFrom: target.mergedFrom.filter((id) => id !== source.id),
    },
  };
}
