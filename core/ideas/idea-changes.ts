import { createHash } from 'node:crypto';
import { isAuthor, type Idea } from './idea';
import type { Amendment, AmendmentField, HistoryEntry } from './ideas.repository';

/** What the chat is told about; the message kinds read the rest from the store at send time. */
export type IdeaNotice = { ideaId: string; actor: string; at: Date } & (
  { kind: 'update'; entryId: string } | { kind: 'amendmentDecided'; amendmentId: string }
);

/**
 * A history entry's id when a retry or a repair must find it again: the time it records and a
 * digest of what it is about (`decided/<amendment id>`), instead of random bytes.
 */
export function entryIdFor(at: Date, about: string): string {
  return `${at.toISOString()}|${createHash('sha256').update(about).digest('hex').slice(0, 6)}`;
}

/** The id of the history entry that records an amendment's proposal. */
export const proposalEntryId = (amendment: Pick<Amendment, 'id' | 'createdAt'>): string =>
  entryIdFor(amendment.createdAt, `proposed/${amendment.id}`);

/** The id of the history entry that records an amendment's decision (accepted or rejected). */
export const decisionEntryId = (amendment: Pick<Amendment, 'id'>, decidedAt: Date): string =>
  entryIdFor(decidedAt, `decided/${amendment.id}`);

const FIELDS: readonly AmendmentField[] = ['proposal', 'problem'];
const decisionOrder = (a: Amendment, b: Amendment) =>
  (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0) || a.id.localeCompare(b.id);

/**
 * The idea as its thread says it is: its open amendments and its comments counted, each amended
 * field holding the text of the last amendment of it accepted, and every accepted amender
 * (not erased) a co-author. The same whatever the order and number of times it is applied, so
 * a decision's retry and the sweep of unfinished changes may both apply it.
 */
export function reconcile(idea: Idea, amendments: readonly Amendment[], comments: number): Idea {
  const accepted = amendments.filter((a) => a.status === 'accepted').sort(decisionOrder);
  const next: Idea = {
    ...idea,
    comments,
    openAmendments: amendments.filter((a) => a.status === 'open').length,
  };
  for (const field of FIELDS) {
    const last = accepted.filter((a) => a.field === field).at(-1);
    if (last) next[field] = last.text;
  }
  for (const { author } of accepted) {
    if (author.objectId !== null && !isAuthor(next, author.objectId)) {
      next.authors = [...next.authors, author];
    }
  }
  return next;
}

/** Whether {@link reconcile} changed anything (it only sets counts and fields, adds authors). */
export function revised(before: Idea, after: Idea): boolean {
  return (
    before.comments !== after.comments ||
    before.openAmendments !== after.openAmendments ||
    FIELDS.some((field) => before[field] !== after[field]) ||
    before.authors.length !== after.authors.length
  );
}

/** What the chat is told about a history entry, if anything (one notice per entry, ever). */
export function noticeOf(entry: HistoryEntry): IdeaNotice | undefined {
  const common = { ideaId: entry.ideaId, actor: entry.actor?.objectId ?? '', at: entry.at };
  switch (entry.event) {
    case 'amendmentAccepted':
    case 'amendmentRejected':
      return entry.amendmentId
        ? { kind: 'amendmentDecided', amendmentId: entry.amendmentId, ...common }
        : undefined;
    case 'amendmentProposed':
    case 'status':
    case 'merged':
      return { kind: 'update', entryId: entry.id, ...common };
    default:
      return undefined;
  }
}
