import { z } from 'zod';

/** A contest's text limits, enforced on the server (the tab's fields only hint them). */
export const CONTEST_TEXT = {
  title: 120,
  description: 2_000,
  rules: 4_000,
  entryTitle: 80,
  entryDescription: 500,
  hideReason: 300,
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

const DAY_MS = 86_400_000;

/**
 * What an admin leaves out of a new contest: entries open now for 14 days, then 7 days of voting,
 * 3 entries per person, no description or rules beyond the title.
 */
function withDefaults(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const given = input as Record<string, unknown>;
  const iso = (ms: number) => new Date(ms).toISOString();
  const opens =
    typeof given.entriesOpenAt === 'string' ? Date.parse(given.entriesOpenAt) : Date.now();
  const entriesOpenAt = given.entriesOpenAt ?? iso(opens);
  const entriesCloseAt = given.entriesCloseAt ?? iso(opens + 14 * DAY_MS);
  const votingOpenAt = given.votingOpenAt ?? entriesCloseAt;
  const votingCloseAt =
    given.votingCloseAt ??
    (typeof votingOpenAt === 'string' ? iso(Date.parse(votingOpenAt) + 7 * DAY_MS) : undefined);
  return {
    description: given.title,
    rules: given.title,
    maxEntriesPerPerson: 3,
    ...given,
    entriesOpenAt,
    entriesCloseAt,
    votingOpenAt,
    votingCloseAt,
  };
}

/**
 * What an admin opens a contest with (only `title` is required; {@link withDefaults}). Dates are
 * instants; each period ends before the next.
 */
export const ContestInputSchema = z.preprocess(
  withDefaults,
  z
    .strictObject({
      title: text(CONTEST_TEXT.title),
      description: text(CONTEST_TEXT.description),
      rules: text(CONTEST_TEXT.rules),
      entriesOpenAt: z.iso.datetime({ offset: true }),
      entriesCloseAt: z.iso.datetime({ offset: true }),
      votingOpenAt: z.iso.datetime({ offset: true }),
      votingCloseAt: z.iso.datetime({ offset: true }),
      maxEntriesPerPerson: z.number().int().min(1).max(10),
    })
    .superRefine((input, ctx) => {
      const at = (key: keyof typeof input) => Date.parse(String(input[key]));
      const order = [
        ['entriesOpenAt', 'entriesCloseAt'],
        ['entriesCloseAt', 'votingOpenAt'],
        ['votingOpenAt', 'votingCloseAt'],
      ] as const;
      for (const [before, after] of order) {
        const wrong = after === 'votingOpenAt' ? at(after) < at(before) : at(after) <= at(before);
        if (wrong) ctx.addIssue({ code: 'custom', path: [after], message: `after ${before}` });
      }
    }),
);
export type ContestInput = z.infer<typeof ContestInputSchema>;

export const EntryInputSchema = z.strictObject({
  title: text(CONTEST_TEXT.entryTitle),
  description: z.string().trim().max(CONTEST_TEXT.entryDescription).default(''),
});
export type EntryInput = z.infer<typeof EntryInputSchema>;

export const HideInputSchema = z.strictObject({ reason: text(CONTEST_TEXT.hideReason) });

export interface Contest {
  id: string;
  title: string;
  description: string;
  rules: string;
  entriesOpenAt: Date;
  entriesCloseAt: Date;
  votingOpenAt: Date;
  votingCloseAt: Date;
  maxEntriesPerPerson: number;
  createdBy: string;
  createdAt: Date;
  /** Set once, by an admin's close: results are published from then on. */
  closed?: ClosedContest;
}

export interface ClosedContest {
  at: Date;
  /** Votes per entry counted at close (hidden entries count none). */
  tally: Record<string, number>;
  /** Absent when nobody voted. */
  winnerEntryId?: string;
  /** The announcement's campaign (derived from the contest and `at`: created once). */
  announcementId?: string;
}

/** An image kept in three variants (blob names the app generated). */
export interface EntryImage {
  name: string;
  contentType: string;
  width: number;
  height: number;
}

export const IMAGE_VARIANTS = ['full', 'thumbnail', 'card'] as const;
export type ImageVariantName = (typeof IMAGE_VARIANTS)[number];

export interface Entry {
  contestId: string;
  id: string;
  authorId: string;
  title: string;
  description: string;
  images: Record<ImageVariantName, EntryImage>;
  createdAt: Date;
  /** A moderator's decision: the entry leaves the gallery; its author sees why. */
  hidden?: { reason: string; by: string; at: Date };
}

export interface Vote {
  contestId: string;
  voterId: string;
  entryId: string;
  at: Date;
}

/**
 * upcoming → entries (submit) → waiting → voting (vote, change the vote) → counting (voting is
 * over, results not yet published) → closed (an admin closed it: results and authors shown).
 */
export type ContestPhase = 'upcoming' | 'entries' | 'waiting' | 'voting' | 'counting' | 'closed';

export function contestPhase(contest: Contest, now: Date): ContestPhase {
  if (contest.closed) return 'closed';
  const t = now.getTime();
  if (t < contest.entriesOpenAt.getTime()) return 'upcoming';
  if (t < contest.entriesCloseAt.getTime()) return 'entries';
  if (t < contest.votingOpenAt.getTime()) return 'waiting';
  if (t < contest.votingCloseAt.getTime()) return 'voting';
  return 'counting';
}

/**
 * Votes per visible entry, and the winner: the most votes; a tie goes to the entry submitted
 * first (the rule the contest's page states). No votes, no winner.
 */
export function countVotes(
  entries: readonly Entry[],
  votes: readonly Vote[],
): { tally: Record<string, number>; winnerEntryId?: string } {
  const visible = entries.filter((entry) => !entry.hidden);
  const tally: Record<string, number> = Object.fromEntries(visible.map((e) => [e.id, 0]));
  for (const vote of votes) {
    if (vote.entryId in tally) tally[vote.entryId]! += 1;
  }
  const ranked = [...visible].sort(
    (a, b) => tally[b.id]! - tally[a.id]! || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const first = ranked[0];
  return first && tally[first.id]! > 0 ? { tally, winnerEntryId: first.id } : { tally };
}
