import type { Stored } from '../store/entity-table';
import { AlreadyExistsError, ConcurrencyError } from '../store/errors';
import { backoffMs, type SendOutcome } from '../delivery/send-outcome';
import type { TenantBudget } from '../delivery/tenant-budget';
import type { Activity } from '../delivery/message-kinds';
import { Periodic } from '../util/periodic';
import { PER_CONVERSATION_WINDOWS, SlidingWindowLimiter } from '../util/rate-limits';
import type {
  ChannelPostsRepository,
  ChannelState,
  LabPostSubject,
  PostSubject,
  QueuedPost,
  WorkspacePostSubject,
} from './channel-posts.repository';
import type { ChannelLink } from './lab';
import type { PostFailure } from './update';

/** Where a channel post goes: the team's stored serviceUrl and tenant, the bot's id there. */
export interface ChannelTarget extends ChannelLink {
  serviceUrl: string;
  tenantId?: string;
  botId?: string;
}

/**
 * Starts a new conversation (a thread) in a channel with one activity: one HTTP request, never
 * retried by itself, so that every attempt passes through the tenant budget.
 */
export interface ChannelSender {
  post(
    target: ChannelTarget,
    activity: Activity,
  ): Promise<{ outcome: SendOutcome; conversationId?: string }>;
}

/** What became of a post: recorded where the post belongs (an update's row), then dequeued. */
export type PostResult =
  { state: 'posted'; conversationId: string } | { state: 'failed'; reason: PostFailure };

/** A queued post whose subject is of one kind. */
export type QueuedOf<S extends PostSubject> = QueuedPost & { subject: S };

/** What the poster needs from the feature whose posts it sends. */
export interface PostSubjects<S extends PostSubject = PostSubject> {
  /** The target and activity of a post; a failure when it cannot be posted (no team, …). */
  prepare(post: QueuedOf<S>): Promise<{ target: ChannelTarget; activity: Activity } | PostResult>;
  settle(post: QueuedOf<S>, result: PostResult): Promise<void>;
}

const isWorkspacePost = (post: QueuedPost): post is QueuedOf<WorkspacePostSubject> =>
  post.subject.kind === 'workspacePost';
const isLabPost = (post: QueuedPost): post is QueuedOf<LabPostSubject> => !isWorkspacePost(post);

/** The poster's subjects: each post to the feature it belongs to (labs, the workspace). */
export function subjectsByFeature(
  labs: PostSubjects<LabPostSubject>,
  workspace: PostSubjects<WorkspacePostSubject>,
): PostSubjects {
  const unknown = (post: QueuedPost) => new Error(`unknown channel post ${post.subject.kind}`);
  return {
    prepare: (post) => {
      if (isWorkspacePost(post)) return workspace.prepare(post);
      if (isLabPost(post)) return labs.prepare(post);
      throw unknown(post);
    },
    settle: (post, result) => {
      if (isWorkspacePost(post)) return workspace.settle(post, result);
      if (isLabPost(post)) return labs.settle(post, result);
      throw unknown(post);
    },
  };
}

export interface ChannelPosterDeps {
  posts: ChannelPostsRepository;
  subjects: PostSubjects;
  budget: Pick<TenantBudget, 'acquire' | 'pause' | 'pausedUntil' | 'lateToleranceMs'>;
  sender: ChannelSender;
  owner: string;
  maxAttempts: number;
}

/** One instance posts to a channel at a time, for at most this long per claim. */
const CLAIM_MS = 30_000;
/** Windows 5 % wider than Teams' (and counted from the send's slot): timing slack never adds a 429. */
const WINDOWS = PER_CONVERSATION_WINDOWS.map((w) => ({
  ...w,
  windowMs: Math.ceil(w.windowMs * 1.05),
}));
const HOUR_MS = 3_600_000;
/** A channel whose next post may go within this long is waited for; beyond, the next round. */
const MAX_WAIT_MS = 2_000;
const BACKOFF = { baseMs: 1_000, maxMs: 60_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failure a refused post records (a 404 conversation: the channel is gone). */
export function failureOf(outcome: SendOutcome & { kind: 'blocked' | 'failed' }): PostFailure {
  const status = Number(outcome.error.split(' ')[0]);
  if (status === 404) return 'channelDeleted';
  if (status === 403 && outcome.kind === 'blocked') return 'appRemoved';
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 413) return 'tooLarge';
  return 'error';
}

/**
 * Channel posts, the delivery engine's way: queued in the store before anything is sent, each
 * attempt through the tenant budget the engine uses (the same store row, so campaigns and posts
 * together stay under the tenant's rate), Teams' per-conversation windows kept per channel in the
 * store, outcomes classified as the engine's, retried with backoff, refusals kept with their
 * reason. Every instance runs a round each second; a channel is claimed by one at a time.
 */
export class ChannelPoster {
  private readonly periodic = new Periodic(() => this.drain());
  private draining: Promise<void> | undefined;
  private again = false;
  readonly stats = { sent: 0, throttled: 0, retried: 0, failed: 0 };

  constructor(private readonly deps: ChannelPosterDeps) {}

  /** Posts what is due now; a call while a round runs makes it run once more. */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again);
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  async stop(): Promise<void> {
    await this.periodic.stop();
    await this.draining;
  }

  private async round(): Promise<void> {
    const now = Date.now();
    const byChannel = new Map<string, Stored<QueuedPost>[]>();
    for (const post of await this.deps.posts.queued()) {
      if (post.value.notBefore.getTime() > now) continue;
      const key = `${post.value.channel.teamId}|${post.value.channel.channelId}`;
      byChannel.set(key, [...(byChannel.get(key) ?? []), post]);
    }
    await Promise.all([...byChannel.values()].map((posts) => this.serveChannel(posts)));
  }

  /** Claims the channel, posts its due posts in order within its windows, then lets it go. */
  private async serveChannel(posts: Stored<QueuedPost>[]): Promise<void> {
    const channel = posts[0]!.value.channel;
    let claim = await this.claim(channel);
    if (!claim) return;
    try {
      for (const post of posts) {
        const next = await this.postOne(post, claim);
        claim = next.claim;
        if (next.stop) break;
      }
    } finally {
      await this.release(claim).catch(() => undefined);
    }
  }

  private async claim(channel: ChannelLink): Promise<Stored<ChannelState> | undefined> {
    const now = Date.now();
    const found = await this.deps.posts.state(channel);
    if (found && found.value.owner !== this.deps.owner && found.value.claimedUntil > now) return;
    const state: ChannelState = {
      channel,
      sent: (found?.value.sent ?? []).filter((t) => t > now - HOUR_MS),
      owner: this.deps.owner,
      claimedUntil: now + CLAIM_MS,
    };
    try {
      return { value: state, etag: await this.deps.posts.saveState(state, found?.etag) };
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof AlreadyExistsError) return;
      throw error;
    }
  }

  private async release(claim: Stored<ChannelState>): Promise<void> {
    const state = { ...claim.value, claimedUntil: 0 };
    await this.deps.posts.saveState(state, claim.etag);
  }

  /** Milliseconds until the channel's windows admit one more post (0: now). */
  private waitFor(sent: readonly number[], now: number): number {
    const limiter = new SlidingWindowLimiter(WINDOWS);
    for (const time of sent) limiter.tryAcquire(time);
    const admission = limiter.tryAcquire(now);
    return admission.ok ? 0 : admission.retryAfterMs;
  }

  /** One post; the channel's claim after it, and whether to stop serving the channel now. */
  private async postOne(
    post: Stored<QueuedPost>,
    claim: Stored<ChannelState>,
  ): Promise<{ claim: Stored<ChannelState>; stop: boolean }> {
    const stop = { claim, stop: true };
    const prepared = await this.deps.subjects.prepare(post.value);
    if ('state' in prepared) {
      await this.finish(post, prepared);
      return { claim, stop: false };
    }
    const wait = this.waitFor(claim.value.sent, Date.now());
    if (wait > MAX_WAIT_MS) return stop;
    if (wait > 0) await sleep(wait);
    const [slot] = (await this.deps.budget.acquire(1)) ?? [];
    if (slot === undefined) return stop;
    if (slot > Date.now()) await sleep(slot - Date.now());
    if (this.deps.budget.pausedUntil > Date.now()) return stop;
    // The channel's log is written before the request: a crash right after it counts a post
    // that may not have gone, never the reverse.
    const sentAt = Date.now();
    if (this.waitFor(claim.value.sent, sentAt) > 0) return stop;
    const sent = [...claim.value.sent.filter((t) => t > sentAt - HOUR_MS), sentAt];
    const state = { ...claim.value, sent, claimedUntil: sentAt + CLAIM_MS };
    const logged = { value: state, etag: await this.deps.posts.saveState(state, claim.etag) };
    const { outcome, conversationId } = await this.deps.sender.post(
      prepared.target,
      prepared.activity,
    );
    switch (outcome.kind) {
      case 'sent':
        this.stats.sent++;
        await this.finish(post, { state: 'posted', conversationId: conversationId ?? '' });
        return { claim: logged, stop: false };
      case 'throttled': {
        this.stats.throttled++;
        const pause = outcome.retryAfterMs ?? backoffMs(1, BACKOFF);
        await this.deps.budget.pause(pause);
        await this.later(post, pause, false);
        return { claim: logged, stop: true };
      }
      case 'retry':
        this.stats.retried++;
        if (post.value.attempts + 1 >= this.deps.maxAttempts) {
          await this.finish(post, { state: 'failed', reason: 'error' });
        } else await this.later(post, backoffMs(post.value.attempts + 1, BACKOFF), true);
        return { claim: logged, stop: true };
      case 'blocked':
      case 'failed':
        this.stats.failed++;
        await this.finish(post, { state: 'failed', reason: failureOf(outcome) });
        return { claim: logged, stop: false };
    }
  }

  private async finish(post: Stored<QueuedPost>, result: PostResult): Promise<void> {
    await this.deps.subjects.settle(post.value, result);
    await this.deps.posts.remove(post);
  }

  private async later(post: Stored<QueuedPost>, ms: number, counted: boolean): Promise<void> {
    const value = {
      ...post.value,
      attempts: post.value.attempts + (counted ? 1 : 0),
      notBefore: new Date(Date.now() + ms),
    };
    await this.deps.posts.reschedule({ value, etag: post.etag });
  }
}
