import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * What a campaign sends: the id of a registered message kind (`message-kinds.ts`), such as the
 * assessment invitation (`assessment`) or its reminder (`reminder`).
 */
export const CampaignKindSchema = z.string().regex(/^[a-z][a-z0-9.-]{0,39}$/, 'not a message kind');
export type CampaignKind = z.infer<typeof CampaignKindSchema>;

/** Who receives it. Departments are the directory's first org-unit level. */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({
    kind: z.literal('departments'),
    departments: z.array(z.string().trim().min(1).max(120)).min(1).max(200),
  }),
  z.strictObject({ kind: z.literal('role'), role: z.enum(['manager', 'facilitator', 'admin']) }),
  /**
   * The people its message kind chooses for its subject ({@link MessageKind.recipients}): the
   * shortlist of a facilitator selection round, the manager who approves a request.
   */
  z.strictObject({ kind: z.literal('chosen') }),
  /** A reminder's audience: who received `campaignId` and has not completed it yet. */
  z.strictObject({ kind: z.literal('nonRespondents'), campaignId: z.string().min(1).max(64) }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * preparing: the audience is being expanded (waiting for `notBefore` first; sending starts as
 * soon as a part is ready); then running → completed; paused ⇄ running; cancelled is final.
 */
export const CampaignStateSchema = z.enum([
  'preparing',
  'running',
  'paused',
  'cancelled',
  'completed',
]);
export type CampaignState = z.infer<typeof CampaignStateSchema>;

/**
 * A campaign's recipients fall in 32 parts ("buckets"), each 8 of the people table's 256 hash
 * partitions: a part is read from the directory with one range query, written as one shard of
 * recipient rows and sent by one instance at a time. (Azurite answers every query by scanning the
 * whole table, so fewer, larger parts keep the local store fast at 100,000 people.)
 */
export const BUCKETS = 32;
const PEOPLE_PARTITIONS_PER_BUCKET = 256 / BUCKETS;

export interface Campaign {
  id: string;
  kind: CampaignKind;
  audience: Audience;
  /** What the message is about, in its kind's terms (the assessment campaign of an invitation). */
  subject: string;
  state: CampaignState;
  /** Not sent before this time (reminders "after 3 days"). */
  notBefore: Date;
  createdAt: Date;
  createdBy: string;
  /** Buckets expanded so far (0…BUCKETS); the lease lets one instance expand at a time. */
  expandedBuckets: number;
  expansionOwner?: string;
  expansionLeaseUntil?: number;
  startedAt?: Date;
  endedAt?: Date;
  /** Set when paused/resumed/cancelled, for the status output. */
  changedAt: Date;
}

/** Campaign ids sort by creation time and are safe in table keys and URLs. */
export function newCampaignId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15).toLowerCase();
  return `c${stamp}${randomBytes(3).toString('hex')}`;
}

/**
 * The id of the one campaign a feature starts for `key` at `at` (a shortlist entry's change):
 * a retry after a crash computes the same id, so the campaign is created once.
 */
export function campaignIdFor(at: Date, key: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15).toLowerCase();
  return `c${stamp}${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
}

export const CampaignIdSchema = z.string().regex(/^c\d{8}t\d{6}[0-9a-f]{6}$/, 'not a campaign id');

/** The key of a bucket in table keys ("b00"…"b1f"). */
export function bucketKey(index: number): string {
  return `b${index.toString(16).padStart(2, '0')}`;
}

/** The first and last people-table partitions of a bucket ("b00"…"b07" for bucket 0). */
export function peoplePartitions(bucket: number): [string, string] {
  const first = bucket * PEOPLE_PARTITIONS_PER_BUCKET;
  return [bucketKey(first), bucketKey(first + PEOPLE_PARTITIONS_PER_BUCKET - 1)];
}

export function isActive(state: CampaignState): boolean {
  return state === 'preparing' || state === 'running';
}

export function isFinal(state: CampaignState): boolean {
  return state === 'cancelled' || state === 'completed';
}
