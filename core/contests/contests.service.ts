import { randomBytes, randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log';
import { campaignIdFor } from '../delivery/campaign';
import type { DirectoryService } from '../directory/directory.service';
import type { ImagePipeline, ImageVariant, PreparedImage } from '../media/images';
import type { BlobStore, StoredBlob } from '../store/blobs';
import { Periodic } from '../util/periodic';
import {
  contestPhase,
  countVotes,
  IMAGE_VARIANTS,
  type Contest,
  type ContestInput,
  type Entry,
  type EntryImage,
  type EntryInput,
  type ImageVariantName,
  type Vote,
} from './contest';
import { ContestError } from './contest-errors';
import type { ContestsRepository } from './contests.repository';

/** The container of the contests' images. */
export const CONTEST_IMAGES_CONTAINER = 'contest-images';
/** The message kind announcing a contest's winner to everyone. */
export const CONTEST_WINNER = 'contest.winner';
/** The author of a winning entry kept after its author's erasure. */
export const ERASED_AUTHOR = '(erased)';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

export interface ContestsServiceDeps {
  contests: ContestsRepository;
  blobs: BlobStore;
  images: ImagePipeline;
  directory: Pick<DirectoryService, 'find'>;
  audit: AuditLog;
  /** Starts the winner's announcement (the delivery engine's campaigns). */
  announce(input: { id: string; subject: string; createdBy: string }): Promise<unknown>;
  now?: () => Date;
}

/** Who looks at a contest: their id and whether they moderate (admins). */
export interface Viewer {
  objectId: string;
  moderator: boolean;
}

export interface Results {
  contest: Contest;
  entries: { entry: Entry; votes: number; authorName: string | undefined }[];
  winnerEntryId: string | undefined;
}

/**
 * The logo contest: admins open one with its periods; everyone submits entries (an image
 * checked and re-encoded by the image pipeline, stored as blobs under generated names), sees the
 * gallery without authors during voting, votes for one entry and may change it until voting
 * ends; an admin closes it (or the periodic round, once voting has ended), which counts the votes
 * once, publishes the results with authors and announces the winner to everyone in chat. Moderators hide an entry with a reason its author
 * sees on their entry.
 */
export class ContestsService {
  private readonly now: () => Date;
  private readonly periodic = new Periodic(() => this.tick());

  constructor(private readonly deps: ContestsServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /**
   * The periodic round: closes every contest whose voting has ended, as an admin's close would
   * (results published, winner announced), with no request needed. Safe on every instance at
   * once: the close is written once (etag-conditional) and its announcement's id derives from it.
   */
  async tick(): Promise<void> {
    for (const contest of await this.deps.contests.list()) {
      if (this.phase(contest) === 'counting') await this.close(contest.id, SYSTEM_ACTOR);
    }
  }

  async create(input: ContestInput, createdBy: string): Promise<Contest> {
    const contest: Contest = {
      id: randomUUID(),
      title: input.title,
      description: input.description,
      rules: input.rules,
      entriesOpenAt: new Date(input.entriesOpenAt),
      entriesCloseAt: new Date(input.entriesCloseAt),
      votingOpenAt: new Date(input.votingOpenAt),
      votingCloseAt: new Date(input.votingCloseAt),
      maxEntriesPerPerson: input.maxEntriesPerPerson,
      createdBy,
      createdAt: this.now(),
    };
    await this.deps.contests.create(contest);
    await this.deps.audit.record({
      at: contest.createdAt,
      actor: createdBy,
      action: 'contest.open',
      reason: contest.id,
      counts: {},
    });
    return contest;
  }

  async list(): Promise<Contest[]> {
    const contests = await this.deps.contests.list();
    return contests.sort((a, b) => b.entriesOpenAt.getTime() - a.entriesOpenAt.getTime());
  }

  async get(id: string): Promise<Contest> {
    const contest = await this.deps.contests.find(id);
    if (!contest) throw new ContestError('notFound');
    return contest;
  }

  phase(contest: Contest): ReturnType<typeof contestPhase> {
    return contestPhase(contest, this.now());
  }

  /**
   * Submits an entry while entries are open, within the author's limit. The image is checked
   * and re-encoded first (nothing stored if refused), its variants stored under generated
   * names, then the entry counted; blobs of an entry refused at that point are deleted.
   */
  async submit(
    contestId: string,
    authorId: string,
    input: EntryInput,
    image: Buffer,
  ): Promise<Entry> {
    const contest = await this.get(contestId);
    this.requireEntriesOpen(contest);
    const mine = (await this.deps.contests.entriesOf(contestId)).filter(
      (e) => e.authorId === authorId,
    );
    if (mine.length >= contest.maxEntriesPerPerson) {
      throw new ContestError('tooManyEntries', { max: contest.maxEntriesPerPerson });
    }
    const prepared = await this.deps.images.prepare(image);
    const id = randomBytes(9).toString('base64url');
    const images = await this.store(contestId, id, prepared);
    const entry: Entry = {
      contestId,
      id,
      authorId,
      title: input.title,
      description: input.description,
      images,
      createdAt: this.now(),
    };
    const names = Object.values(images).map((i) => i.name);
    try {
      this.requireEntriesOpen(contest);
      if (!(await this.deps.contests.addEntry(entry, contest.maxEntriesPerPerson))) {
        throw new ContestError('tooManyEntries', { max: contest.maxEntriesPerPerson });
      }
    } catch (error) {
      await this.deps.blobs.delete(CONTEST_IMAGES_CONTAINER, names);
      throw error;
    }
    return entry;
  }

  /**
   * The entries `viewer` may see now: their own always (with a moderator's reason if hidden);
   * others' from voting on, unless hidden; moderators see every entry, hidden ones too.
   */
  async entries(contestId: string, viewer: Viewer): Promise<Entry[]> {
    const contest = await this.get(contestId);
    const entries = await this.deps.contests.entriesOf(contestId);
    return entries
      .filter((entry) => this.visible(contest, entry, viewer))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /** One variant of an entry's image, for whoever may see the entry. */
  async image(
    contestId: string,
    entryId: string,
    variant: ImageVariantName,
    viewer: Viewer,
  ): Promise<StoredBlob> {
    const contest = await this.get(contestId);
    const entry = await this.deps.contests.entry(contestId, entryId);
    if (!entry || !this.visible(contest, entry, viewer)) throw new ContestError('entryNotFound');
    const blob = await this.deps.blobs.get(CONTEST_IMAGES_CONTAINER, entry.images[variant].name);
    if (!blob) throw new ContestError('entryNotFound');
    return blob;
  }

  /** Casts or changes the voter's one vote while voting is open; never for their own entry. */
  async vote(contestId: string, entryId: string, voterId: string): Promise<Vote> {
    const contest = await this.get(contestId);
    if (this.phase(contest) !== 'voting') throw new ContestError('votingClosed');
    const entry = await this.deps.contests.entry(contestId, entryId);
    if (!entry || entry.hidden) throw new ContestError('entryNotFound');
    if (entry.authorId === voterId) throw new ContestError('ownEntry');
    const vote: Vote = { contestId, entryId, voterId, at: this.now() };
    await this.deps.contests.vote(vote);
    return vote;
  }

  async voteOf(contestId: string, voterId: string): Promise<Vote | undefined> {
    return this.deps.contests.voteOf(contestId, voterId);
  }

  /**
   * Closes the contest once voting has opened (early, or after it ended): counts the votes,
   * publishes the results and announces the winner to everyone. A retry after a crash finds
   * the contest closed and starts the same announcement (its id derives from the close).
   */
  async close(contestId: string, by: string): Promise<Contest> {
    const contest = await this.get(contestId);
    const phase = this.phase(contest);
    if (phase !== 'voting' && phase !== 'counting' && phase !== 'closed') {
      throw new ContestError('tooEarlyToClose');
    }
    const [entries, votes] = await Promise.all([
      this.deps.contests.entriesOf(contestId),
      this.deps.contests.votesOf(contestId),
    ]);
    const at = this.now();
    const counted = countVotes(entries, votes);
    const closed = await this.deps.contests.modify(contestId, (current) =>
      !current || current.closed
        ? undefined
        : {
            ...current,
            closed: {
              at,
              ...counted,
              ...(counted.winnerEntryId
                ? { announcementId: campaignIdFor(at, `${CONTEST_WINNER}|${contestId}`) }
                : {}),
            },
          },
    );
    if (!closed?.closed) throw new ContestError('notFound');
    if (closed.closed.at.getTime() === at.getTime()) {
      await this.deps.audit.record({
        at,
        actor: by,
        action: 'contest.close',
        reason: contestId,
        counts: { entries: Object.keys(counted.tally).length, votes: votes.length },
      });
    }
    const { announcementId } = closed.closed;
    if (announcementId) {
      await this.deps.announce({ id: announcementId, subject: contestId, createdBy: by });
    }
    return closed;
  }

  /** Results with votes and authors, once the contest is closed; refused before. */
  async results(contestId: string): Promise<Results> {
    const contest = await this.get(contestId);
    if (!contest.closed) throw new ContestError('resultsNotYet');
    const { tally, winnerEntryId } = contest.closed;
    const entries = (await this.deps.contests.entriesOf(contestId)).filter((e) => !e.hidden);
    const ranked = await Promise.all(
      entries.map(async (entry) => ({
        entry,
        votes: tally[entry.id] ?? 0,
        authorName: await this.authorName(entry.authorId),
      })),
    );
    ranked.sort(
      (a, b) => b.votes - a.votes || a.entry.createdAt.getTime() - b.entry.createdAt.getTime(),
    );
    return { contest, entries: ranked, winnerEntryId };
  }

  /** The winner of a closed contest and its author's name (the announcement's card). */
  async winner(
    contestId: string,
  ): Promise<{ contest: Contest; entry: Entry; authorName: string | undefined } | undefined> {
    const contest = await this.deps.contests.find(contestId);
    const winnerId = contest?.closed?.winnerEntryId;
    if (!contest || !winnerId) return undefined;
    const entry = await this.deps.contests.entry(contestId, winnerId);
    if (!entry) return undefined;
    return { contest, entry, authorName: await this.authorName(entry.authorId) };
  }

  /** A read-only link to an entry's card image that Teams can fetch without signing in. */
  async cardImageLink(entry: Entry, ttlMs: number): Promise<string> {
    return this.deps.blobs.readLink(CONTEST_IMAGES_CONTAINER, entry.images.card.name, ttlMs);
  }

  /** A moderator hides an entry from the gallery and the vote; its author sees the reason. */
  async hide(contestId: string, entryId: string, reason: string, by: string): Promise<Entry> {
    const contest = await this.get(contestId);
    if (contest.closed) throw new ContestError('alreadyClosed');
    const at = this.now();
    const hidden = await this.deps.contests.modifyEntry(contestId, entryId, (entry) => ({
      ...entry,
      hidden: { reason, by, at },
    }));
    if (!hidden) throw new ContestError('entryNotFound');
    await this.deps.audit.record({
      at,
      actor: by,
      action: 'contest.hide',
      reason: `${contestId}/${entryId}`,
      counts: {},
      note: reason,
    });
    return hidden;
  }

  /** The person's entries and votes, for their data export. */
  async dataOf(objectId: string): Promise<{ entries: Entry[]; votes: Vote[] }> {
    const [entries, votes] = await Promise.all([
      this.deps.contests.entriesBy(objectId),
      this.deps.contests.votesBy(objectId),
    ]);
    return { entries: entries.map((e) => e.value), votes: votes.map((v) => v.value) };
  }

  /**
   * Erasure: the person's votes go, and their entries with their images, but for the winner of
   * a closed contest: the programme uses that logo under the contest's rules, so the work stays,
   * without its author.
   */
  async erase(objectId: string): Promise<void> {
    const contests = new Map((await this.deps.contests.list()).map((c) => [c.id, c]));
    const won = (entry: Entry) => contests.get(entry.contestId)?.closed?.winnerEntryId === entry.id;
    const deleted = await this.deps.contests.eraseAuthor(objectId, won);
    for (const entry of deleted) {
      await this.deps.blobs.delete(
        CONTEST_IMAGES_CONTAINER,
        Object.values(entry.images).map((i) => i.name),
      );
    }
    for (const { value } of await this.deps.contests.entriesBy(objectId)) {
      await this.deps.contests.modifyEntry(value.contestId, value.id, (entry) => ({
        ...entry,
        authorId: ERASED_AUTHOR,
      }));
    }
    for (const vote of await this.deps.contests.votesBy(objectId)) {
      await this.deps.contests.deleteVote(vote);
    }
  }

  private visible(contest: Contest, entry: Entry, viewer: Viewer): boolean {
    if (viewer.moderator || entry.authorId === viewer.objectId) return true;
    if (entry.hidden) return false;
    const phase = this.phase(contest);
    return phase === 'voting' || phase === 'counting' || phase === 'closed';
  }

  private requireEntriesOpen(contest: Contest): void {
    if (this.phase(contest) !== 'entries') throw new ContestError('entriesClosed');
  }

  private async store(
    contestId: string,
    entryId: string,
    prepared: PreparedImage,
  ): Promise<Record<ImageVariantName, EntryImage>> {
    const stored = await Promise.all(
      IMAGE_VARIANTS.map(async (variant) => {
        const image: ImageVariant = prepared[variant];
        const name = `${contestId}/${entryId}/${variant}.${EXTENSIONS[image.contentType] ?? 'bin'}`;
        await this.deps.blobs.put(CONTEST_IMAGES_CONTAINER, name, image.data, image.contentType);
        const { contentType, width, height } = image;
        return [variant, { name, contentType, width, height }] as const;
      }),
    );
    return Object.fromEntries(stored) as Record<ImageVariantName, EntryImage>;
  }

  private async authorName(authorId: string): Promise<string | undefined> {
    if (authorId === ERASED_AUTHOR) return undefined;
    return (await this.deps.directory.find({ objectId: authorId }))?.displayName;
  }
}
