import { DomainError } from '../errors';
import type { MessageKey, Params } from '../i18n/translator';
import { KeyedLimiter, retryAfterSeconds, type RateWindow } from './rate-limits';

/** The writes a person makes that are limited, each counted on its own. */
export type LimitedWrite =
  | 'answer'
  | 'erasure'
  | 'campaignStart'
  | 'ideaPost'
  | 'ideaVote'
  | 'workspacePost'
  | 'workspaceMark';

/** How many of each a person may make (configured; generous for people, tight for scripts). */
export interface AbuseLimitSettings {
  /** Assessment steps from the bot's cards: start, department, answer, back, submit. */
  answersPerMinute: number;
  /** "Delete my data", from the bot or the tab. */
  erasuresPerHour: number;
  /** Campaigns and reminders an admin creates. */
  campaignStartsPerMinute: number;
  /** Ideas, amendments and comments a person posts (Call4Ideas). */
  ideaPostsPerHour: number;
  /** Votes and withdrawals on ideas. */
  ideaVotesPerMinute: number;
  /** Posts, edits, uploads and board messages in the facilitators' workspace. */
  workspacePostsPerHour: number;
  /** "Utile" marks and withdrawals on posts. */
  workspaceMarksPerMinute: number;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimitSettings = {
  answersPerMinute: 60,
  erasuresPerHour: 3,
  campaignStartsPerMinute: 5,
  ideaPostsPerHour: 30,
  ideaVotesPerMinute: 60,
  workspacePostsPerHour: 60,
  workspaceMarksPerMinute: 60,
};

function windows(settings: AbuseLimitSettings): Record<LimitedWrite, RateWindow[]> {
  return {
    answer: [{ limit: settings.answersPerMinute, windowMs: 60_000 }],
    erasure: [{ limit: settings.erasuresPerHour, windowMs: 3_600_000 }],
    campaignStart: [{ limit: settings.campaignStartsPerMinute, windowMs: 60_000 }],
    ideaPost: [{ limit: settings.ideaPostsPerHour, windowMs: 3_600_000 }],
    ideaVote: [{ limit: settings.ideaVotesPerMinute, windowMs: 60_000 }],
    workspacePost: [{ limit: settings.workspacePostsPerHour, windowMs: 3_600_000 }],
    workspaceMark: [{ limit: settings.workspaceMarksPerMinute, windowMs: 60_000 }],
  };
}

/** A person (or a script in their name) wrote too often: nothing was written; wait and retry. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly code = 'tooManyRequests';
  readonly messageKey: MessageKey;
  override readonly params: Params;

  constructor(
    readonly write: LimitedWrite,
    override readonly retryAfterSeconds: number,
  ) {
    super(`too many ${write} writes`);
    // Waits of an erasure are counted in minutes, an answer's in seconds.
    const minutes = retryAfterSeconds >= 120;
    this.messageKey = minutes ? 'limit.tooMany.minutes' : 'limit.tooMany.seconds';
    this.params = minutes
      ? { minutes: Math.ceil(retryAfterSeconds / 60) }
      : { seconds: retryAfterSeconds };
  }
}

/**
 * Per-person limits on write paths, shared by the bot and the tab API. Counted in this
 * instance's memory: a person's traffic mostly stays on one instance, and with n instances a
 * script gets at most n times the limit — still a limit — where a shared counter would cost a
 * store write on every answer. Only admitted writes count, so waiting always helps.
 */
export class AbuseLimits {
  private readonly limiters: Record<LimitedWrite, KeyedLimiter<string>>;

  constructor(
    settings: AbuseLimitSettings = DEFAULT_ABUSE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    const all = windows(settings);
    this.limiters = {
      answer: new KeyedLimiter(all.answer),
      erasure: new KeyedLimiter(all.erasure),
      campaignStart: new KeyedLimiter(all.campaignStart),
      ideaPost: new KeyedLimiter(all.ideaPost),
      ideaVote: new KeyedLimiter(all.ideaVote),
      workspacePost: new KeyedLimiter(all.workspacePost),
      workspaceMark: new KeyedLimiter(all.workspaceMark),
    };
  }

  /**
   * Counts one `write` by `actor` (an Entra object id), or throws {@link TooManyRequestsError}
   * before anything is written.
   */
  admit(write: LimitedWrite, actor: string): void {
    const admission = this.limiters[write].tryAcquire(actor.toLowerCase(), this.now());
    if (!admission.ok) {
      throw new TooManyRequestsError(write, retryAfterSeconds(admission.retryAfterMs));
    }
  }
}
