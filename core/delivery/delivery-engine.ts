import { randomUUID } from 'node:crypto';
import type { Stored } from '../store/entity-table';
import { ConcurrencyError } from '../store/errors';
import { KeyedLimiter, PER_CONVERSATION_WINDOWS } from '../util/rate-limits';
import { bucketRows, type AudienceDeps } from './audience';
import { BUCKETS, isActive, type Campaign } from './campaign';
import type { CampaignsRepository } from './campaigns.repository';
import {
  isTerminal,
  type DeliveriesRepository,
  type Delivery,
  type DeliveryTarget,
} from './deliveries.repository';
import { DeliveryStatsReporter, type DeliveryCounters } from './delivery-stats';
import { afterAttempt } from './delivery-transitions';
import { backoffMs, type SendOutcome } from './send-outcome';
import type { InFlight, Shard, ShardsRepository } from './shards.repository';
import { countRows, inDoubt, leftInFlight, stepMark } from './step-bookkeeping';
import type { TenantBudget } from './tenant-budget';
import type { Recipients } from './message-kinds';

/** Sends one activity to one conversation, once: retries are the engine's, never the sender's. */
export interface ProactiveSender {
  send(target: DeliveryTarget, activity: Record<string, unknown>): Promise<SendOutcome>;
}

/** Builds the message a recipient of a campaign gets (a card in their language). */
export type MessageBuilder = (
  campaign: Campaign,
  delivery: Delivery,
) => Promise<Record<string, unknown>>;

/** The few logger methods the engine uses (pino's signature). */
export interface EngineLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface DeliveryEngineDeps extends AudienceDeps {
  campaigns: CampaignsRepository;
  shards: ShardsRepository;
  deliveries: DeliveriesRepository;
  budget: TenantBudget;
  sender: ProactiveSender;
  message: MessageBuilder;
  log: EngineLog;
}

export interface DeliveryEngineOptions {
  /** Shards this instance sends at once (default 8). */
  slots?: number;
  /**
   * Requests a shard keeps on their way while every slot is busy (default: a fifth of a second's
   * worth, 5…100), in two steps of half as many; with fewer shards, steps grow up to 100 and the
   * instance's total (slots × chunk, the in-doubt bound) stays the same.
   */
  chunk?: number;
  ratePerSecond: number;
  /** Send attempts before a recipient is marked failed (default 6; 429s are not counted). */
  maxAttempts?: number;
  /** 429s for one recipient before it is marked failed (default 30). */
  maxThrottled?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** How long a shard or expansion lease lasts without renewal (default 15 s). */
  leaseMs?: number;
  /**
   * How long after its mark a row left in flight may still have a request out (default
   * 30 s: the send window plus the sender's timeout, with room). A new owner resends only after.
   */
  inFlightMs?: number;
  /** How often campaigns are re-read (default 250 ms): pause and cancel act within this. */
  pollMs?: number;
  instanceId?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A marked row is sent within this of its mark, or goes back to pending. */
const SEND_WINDOW_MS = 10_000;
/**
 * The audience is read at most this many times as fast as the tenant sends. At full speed the
 * expansion kept the store and the host saturated for its first ~100 s at 100,000 people (late
 * slots, a 429 or two); paced, it stays ahead of the sends and leaves them room.
 */
const EXPANSION_AHEAD = 4;

function chunkFor(ratePerSecond: number): number {
  return Math.max(5, Math.min(100, Math.ceil(ratePerSecond / 5)));
}

/** The most recipients in one step (its mark lists them all). */
const MAX_STEP = 100;

/**
 * How many recipients a shard takes per step. A shard has up to two steps out (one sending, the
 * next waiting for its slots), and an instance keeps up to slots × chunk requests on their way
 * however many shards it holds: with fewer shards (the first ones expanded, the last ones left)
 * each takes larger steps, so the tenant's rate is reached with no more in flight (the in-doubt
 * bound) than with every slot busy.
 */
export function stepSize(chunk: number, slots: number, working: number): number {
  const share = Math.floor((chunk * slots) / (2 * Math.max(1, working)));
  return Math.min(MAX_STEP, Math.max(Math.ceil(chunk / 2), share));
}

/**
 * A step of a shard on its way: its rows, its mark, and when its outcomes are written. Its rows
 * are the shard's own row objects, not copies: recording an outcome (or an in-doubt flag) writes
 * the new value and etag into them in place, which is how the shard's counts, its next due rows
 * and the rows still out (by identity) see it.
 */
interface Step {
  rows: Stored<Delivery>[];
  mark: string;
  recorded: Promise<void>;
}

/**
 * Delivers campaigns. Every instance runs one engine; they share the work through the store:
 * a campaign's audience is expanded bucket by bucket under a lease on the campaign row, and each
 * expanded bucket (a shard of recipient rows) is sent by whichever instance holds its lease.
 * Sends go through the tenant budget; a shard row marks the steps whose requests are out, so a
 * crash leaves an exact list of what may have been received without being recorded.
 */
export class DeliveryEngine {
  readonly instanceId: string;
  /** What this instance did since it started; logged every 10 s while it works. */
  readonly stats: DeliveryCounters;
  private readonly reporter: DeliveryStatsReporter;
  /** The options with their defaults. */
  private readonly settings: Required<Omit<DeliveryEngineOptions, 'instanceId'>>;
  private readonly states = new Map<string, Campaign>();
  private readonly working = new Set<string>();
  private readonly expanding = new Set<string>();
  private readonly conversations = new KeyedLimiter<string>(PER_CONVERSATION_WINDOWS);
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopping = false;
  private readonly running = new Set<Promise<void>>();
  private claimQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DeliveryEngineDeps,
    options: DeliveryEngineOptions,
  ) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.settings = {
      slots: options.slots ?? 8,
      chunk: options.chunk ?? chunkFor(options.ratePerSecond),
      ratePerSecond: options.ratePerSecond,
      maxAttempts: options.maxAttempts ?? 6,
      maxThrottled: options.maxThrottled ?? 30,
      backoff: options.backoff ?? { baseMs: 1_000, maxMs: 60_000 },
      leaseMs: options.leaseMs ?? 15_000,
      inFlightMs: options.inFlightMs ?? 30_000,
      pollMs: options.pollMs ?? 250,
    };
    this.reporter = new DeliveryStatsReporter(deps.log, deps.budget);
    this.stats = this.reporter.counters;
  }

  start(): void {
    this.reporter.start();
    const loop = (): void => {
      this.ticking = this.tick()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'delivery tick failed'))
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(loop, this.settings.pollMs);
        });
    };
    loop();
  }

  /** Stops taking work, lets the steps in flight finish and hands their shards back. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.reporter.stop();
    await this.ticking;
    await Promise.all([...this.running]);
  }

  /** One round: re-read campaigns, expand what needs expanding, claim free shards. */
  async tick(): Promise<void> {
    const campaigns = await this.deps.campaigns.unfinished();
    this.states.clear();
    for (const { value } of campaigns) this.states.set(value.id, value);
    const now = Date.now();
    for (const stored of campaigns) {
      if (this.stopping) return;
      const campaign = stored.value;
      if (!isActive(campaign.state) || campaign.notBefore.getTime() > now) continue;
      if (campaign.expandedBuckets < BUCKETS) this.maybeExpand(stored);
      await this.claimShards(campaign);
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private isLive(campaignId: string): boolean {
    const campaign = this.states.get(campaignId);
    return !this.stopping && campaign !== undefined && isActive(campaign.state);
  }

  // ---- expansion ------------------------------------------------------------------------------

  private maybeExpand(stored: Stored<Campaign>): void {
    const campaign = stored.value;
    if (this.expanding.has(campaign.id)) return;
    const now = Date.now();
    if ((campaign.expansionLeaseUntil ?? 0) > now && campaign.expansionOwner !== this.instanceId) {
      return;
    }
    this.expanding.add(campaign.id);
    this.track(
      this.expand(stored)
        .catch((error: unknown) => {
          if (!(error instanceof ConcurrencyError)) {
            this.deps.log.error({ err: error, campaignId: campaign.id }, 'expansion failed');
          }
        })
        .finally(() => this.expanding.delete(campaign.id)),
    );
  }

  /**
   * Expands the audience one bucket at a time, moving the cursor (and renewing the lease) after
   * each. The expansion is the campaign's bulk work on the store (two range queries and ~30
   * transactions per bucket at 100,000 people): done a bucket at a time, its transactions one by
   * one, and no faster than {@link EXPANSION_AHEAD} × the send rate, the sends it feeds do not
   * queue behind it. A bucket's shard row is written after its rows, and a bucket that already
   * has one is never rewritten: after a crash, buckets already being sent are left alone.
   */
  private async expand(stored: Stored<Campaign>): Promise<void> {
    let campaign: Campaign = {
      ...stored.value,
      expansionOwner: this.instanceId,
      expansionLeaseUntil: Date.now() + this.settings.leaseMs,
    };
    let etag = await this.deps.campaigns.update(campaign, stored.etag);
    // Read once for every bucket this run expands.
    const recipients = await this.deps.recipients(campaign);
    while (campaign.expandedBuckets < BUCKETS && this.isLive(campaign.id)) {
      const now = new Date();
      // Sending starts as soon as the bucket is written.
      const written = await this.expandBucket(campaign, campaign.expandedBuckets, now, recipients);
      if (written > 0) await this.claimShards(campaign);
      const expandedBuckets = campaign.expandedBuckets + 1;
      const done = expandedBuckets === BUCKETS;
      // Far enough ahead of the sending, and no further: the sends share the store with this.
      const pause =
        (written * 1_000) / (EXPANSION_AHEAD * this.settings.ratePerSecond) -
        (Date.now() - now.getTime());
      if (pause > 0 && !done) await sleep(Math.min(pause, this.settings.leaseMs / 3));
      const current = this.states.get(campaign.id)?.state ?? campaign.state;
      campaign = {
        ...campaign,
        // A finished expansion turns "preparing" into "running" (a pause or cancel meanwhile
        // changed the row, so this conditional write fails and the next round sees it).
        state: done && current === 'preparing' ? 'running' : current,
        expandedBuckets,
        expansionLeaseUntil: done ? 0 : Date.now() + this.settings.leaseMs,
        ...(done ? { startedAt: campaign.startedAt ?? now } : {}),
      };
      etag = await this.deps.campaigns.update(campaign, etag);
    }
    if (campaign.expandedBuckets === BUCKETS) {
      this.deps.log.info({ campaignId: campaign.id }, 'campaign audience expanded');
    }
  }

  /** Writes a bucket's rows and then its shard; how many rows it wrote. */
  private async expandBucket(
    campaign: Campaign,
    bucket: number,
    now: Date,
    recipients: Recipients,
  ): Promise<number> {
    // Already expanded: before a crash, or by an instance whose lease ran out while it worked.
    if (await this.deps.shards.get(campaign.id, bucket)) return 0;
    const rows = await bucketRows(this.deps, campaign, bucket, now, recipients);
    if (rows.length === 0) return 0;
    await this.deps.deliveries.writeShard(rows);
    const counts = countRows(rows);
    await this.deps.shards.create({
      campaignId: campaign.id,
      bucket,
      ...counts,
      done: rows.every((row) => isTerminal(row.status)),
      leaseUntil: 0,
      updatedAt: now,
    });
    return rows.length;
  }

  // ---- sending --------------------------------------------------------------------------------

  /** One claim round at a time per instance: rounds started meanwhile queue behind it. */
  private claimShards(campaign: Campaign): Promise<void> {
    const round = this.claimQueue.then(() => this.claimShardsNow(campaign));
    this.claimQueue = round.catch(() => {});
    return round;
  }

  private async claimShardsNow(campaign: Campaign): Promise<void> {
    const free = this.settings.slots - this.working.size;
    // Busy: no need to look (completion is noticed once slots free up at the end).
    if (free <= 0) return;
    const shards = await this.deps.shards.ofCampaign(campaign.id);
    const now = Date.now();
    const open = shards.filter((s) => !s.value.done);
    if (open.length === 0 && campaign.expandedBuckets === BUCKETS) {
      await this.complete(campaign.id);
      return;
    }
    const claimable = open.filter(
      (s) => s.value.leaseUntil <= now && !this.working.has(workKey(s.value)),
    );
    shuffle(claimable);
    let claimed = 0;
    for (const stored of claimable) {
      if (claimed >= free || this.stopping) break;
      const shard: Shard = {
        ...stored.value,
        leaseOwner: this.instanceId,
        leaseUntil: Date.now() + this.settings.leaseMs,
      };
      let etag: string;
      try {
        etag = await this.deps.shards.update(shard, stored.etag);
      } catch (error) {
        if (error instanceof ConcurrencyError) continue;
        throw error;
      }
      claimed++;
      const key = workKey(shard);
      this.working.add(key);
      this.track(
        this.sendShard(campaign, { value: shard, etag })
          .catch((error: unknown) => {
            if (!(error instanceof ConcurrencyError)) {
              this.deps.log.error({ err: error, shard: key }, 'shard failed');
            } else this.stats.leasesLost++;
          })
          .finally(() => {
            this.working.delete(key);
            // Take the next shard now rather than at the next tick: small shards go fast.
            if (this.isLive(campaign.id)) this.track(this.claimShards(campaign).catch(() => {}));
          }),
      );
    }
  }

  private async complete(campaignId: string): Promise<void> {
    const stored = await this.deps.campaigns.get(campaignId);
    if (!stored || stored.value.state !== 'running') return;
    try {
      await this.deps.campaigns.update(
        { ...stored.value, state: 'completed', endedAt: new Date(), changedAt: new Date() },
        stored.etag,
      );
      this.deps.log.info({ campaignId }, 'campaign completed');
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }

  /**
   * Sends one shard while holding its lease. Every write is conditional: losing the lease (a
   * slower instance whose lease expired) makes the next write fail, and the work stops. Two
   * steps overlap: the next is marked and waits for its slots while the current one sends and
   * records its outcomes, so a shard keeps the tenant's rate alone (the first and last ones
   * often are alone). Its mark lists both steps' rows.
   */
  private async sendShard(campaign: Campaign, claimed: Stored<Shard>): Promise<void> {
    const campaignId = campaign.id;
    let shard = claimed;
    // Read once per claim; every write updates these objects in place (see Step).
    const rows = await this.deps.deliveries.shard(campaignId, shard.value.bucket);
    // Rows the previous owner had in flight and never recorded: it stopped (or lost the lease
    // while slow) with their requests out. They are sent again once those requests can no longer
    // be pending, after their flag is written (a live owner that recorded its outcome meanwhile
    // changed the row, and that write fails instead).
    const left = shard.value.inFlight;
    const unflagged = leftInFlight(
      left,
      rows.map((r) => r.value),
    );
    for (const row of rows) {
      if (!unflagged.has(row.value.personId)) continue;
      row.value = inDoubt(row.value, left?.at ?? 0, this.settings.inFlightMs);
    }
    const saveShard = async (changes: Partial<Shard>): Promise<void> => {
      const value = { ...shard.value, ...countRows(rows.map((r) => r.value)), ...changes };
      shard = { value, etag: await this.deps.shards.update(value, shard.etag) };
    };
    /** The step being sent: its rows are not due again until it has recorded them. */
    let sending: Step | undefined;
    try {
      for (;;) {
        const open = rows.filter((r) => !isTerminal(r.value.status));
        if (open.length === 0) {
          await saveShard({ done: true, leaseUntil: 0, updatedAt: new Date() });
          return;
        }
        if (!this.isLive(campaignId)) {
          // Paused, cancelled or shutting down: hand the shard back once its step is recorded.
          if (sending) await sending.recorded;
          await saveShard({ leaseUntil: 0, updatedAt: new Date() });
          return;
        }
        const now = Date.now();
        const stillOut = new Set(sending?.rows);
        const due = open.filter((r) => r.value.notBefore <= now && !stillOut.has(r));
        if (due.length === 0) {
          if (sending) {
            // Its rows may be due again (a retry, a missed slot) once recorded.
            await sending.recorded;
            sending = undefined;
            continue;
          }
          const wake = Math.min(...open.map((r) => r.value.notBefore));
          await sleep(Math.min(wake - now, this.settings.leaseMs / 3, this.settings.pollMs));
          await saveShard({
            leaseUntil: Date.now() + this.settings.leaseMs,
            updatedAt: new Date(),
          });
          continue;
        }
        const { chunk, slots } = this.settings;
        const stepRows = due.slice(0, stepSize(chunk, slots, this.working.size));
        await this.flagInDoubt(stepRows.filter((r) => unflagged.has(r.value.personId)));
        stepRows.forEach((r) => unflagged.delete(r.value.personId));
        const at = Date.now();
        const inFlight = stepMark(
          { mark: randomUUID(), personIds: stepRows.map(personIdOf) },
          at,
          sending && { mark: sending.mark, personIds: sending.rows.map(personIdOf) },
          unflagged,
        );
        await saveShard({
          inFlight,
          leaseUntil: at + this.settings.leaseMs,
          updatedAt: new Date(at),
        });
        // The next step's write (the next mark, or the shard done or handed back) records the
        // counts and renews the lease.
        const step: Step = {
          rows: stepRows,
          mark: inFlight.mark,
          recorded: this.sendStep(campaign, stepRows, inFlight),
        };
        // Awaited by the next round, or by the finally block if this loop throws first.
        step.recorded.catch(() => {});
        const previous = sending;
        sending = step;
        if (previous) await previous.recorded;
      }
    } finally {
      await sending?.recorded.catch(() => {});
    }
  }

  /** Writes the in-doubt flag of rows left in flight, conditional on the etags they were read with. */
  private async flagInDoubt(rows: Stored<Delivery>[]): Promise<void> {
    if (rows.length === 0) return;
    const updatedAt = new Date();
    const flagged = rows.map((row) => ({ value: { ...row.value, updatedAt }, etag: row.etag }));
    const etags = await this.deps.deliveries.updateAll(flagged);
    rows.forEach((row, i) => {
      row.value = flagged[i]!.value;
      row.etag = etags[i]!;
    });
  }

  /**
   * Claims a step's send slots, sends each at its slot and records the outcomes under the
   * step's in-flight mark (already on the shard row). A request goes out only within
   * {@link SEND_WINDOW_MS} of the mark, so that it has ended (sender timeout) long before another
   * instance may send the row again (`inFlightMs` after the mark).
   */
  private async sendStep(
    campaign: Campaign,
    rows: Stored<Delivery>[],
    inFlight: InFlight,
  ): Promise<void> {
    const markedAt = inFlight.at;
    // Built before the slots are claimed: once they are, nothing but the requests happens.
    const activities = await Promise.all(rows.map((row) => this.deps.message(campaign, row.value)));
    const slots = await this.deps.budget.acquire(
      rows.length,
      () => !this.isLive(campaign.id) || Date.now() - markedAt > SEND_WINDOW_MS,
    );
    const outcomes = await Promise.all(
      rows.map(async (row, i) => {
        const slot = slots?.[i];
        if (slot === undefined || slot - markedAt > SEND_WINDOW_MS) return 'skipped' as const;
        return this.sendAt(slot, campaign, row.value.target!, activities[i]!);
      }),
    );
    const now = Date.now();
    const results = rows.map((row, i) => ({
      value: { ...afterAttempt(row.value, outcomes[i]!, now, this.settings), mark: inFlight.mark },
      etag: row.etag,
    }));
    const etags = await this.deps.deliveries.updateAll(results);
    // In place: these are the shard's row objects (see Step).
    results.forEach((row, i) => {
      rows[i]!.value = row.value;
      rows[i]!.etag = etags[i]!;
    });
  }

  private async sendAt(
    slot: number,
    campaign: Campaign,
    target: DeliveryTarget,
    activity: Record<string, unknown>,
  ): Promise<SendOutcome | 'skipped'> {
    const wait = slot - Date.now();
    if (wait > 0) await sleep(wait);
    // A send that missed its slot (a busy event loop) would crowd the next ones into the same
    // second: its row goes back to the shard and waits for a fresh slot.
    if (Date.now() - slot > this.deps.budget.lateToleranceMs) {
      this.stats.lateSlots++;
      return 'skipped';
    }
    if (!this.isLive(campaign.id) || this.deps.budget.pausedUntil > Date.now()) return 'skipped';
    // Teams' per-conversation limits; a 1:1 campaign writes once per conversation.
    const admission = this.conversations.tryAcquire(target.conversationId, Date.now());
    if (!admission.ok) return { kind: 'throttled', retryAfterMs: admission.retryAfterMs };
    const outcome = await this.deps.sender.send(target, activity);
    if (outcome.kind === 'sent') this.stats.sent++;
    else if (outcome.kind === 'retry') this.stats.retried++;
    else if (outcome.kind === 'blocked') this.stats.blocked++;
    else if (outcome.kind === 'throttled') this.stats.throttled++;
    if (outcome.kind === 'throttled') {
      await this.deps.budget.pause(outcome.retryAfterMs ?? backoffMs(1, this.settings.backoff));
    }
    return outcome;
  }
}

function personIdOf(row: Stored<Delivery>): string {
  return row.value.personId;
}

function workKey(shard: Pick<Shard, 'campaignId' | 'bucket'>): string {
  return `${shard.campaignId}/${shard.bucket}`;
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
