import { z } from 'zod';

/**
 * The digital facilitator community (programme phase 2): consenting people with high digital
 * skills and motivation are shortlisted per selection round, invited, approved by their manager,
 * and then follow a training path. Only the two scores the selection uses ever leave a result,
 * and only with the person's consent (`fc-consent`), see DESIGN.md §5.
 */

/** The assessment dimensions the selection uses, and its consent and interest items. */
export const SELECTION_DIMENSIONS = {
  digitalSkills: 'digital-skills',
  motivation: 'helping-colleagues',
} as const;
export const CONSENT_ITEM = 'fc-consent';
export const INTEREST_ITEM = 'fc-interest';

/** A threshold on the assessment's 0–100 dimension scores (which have one decimal). */
const ThresholdSchema = z.number().int().min(0).max(100);

export const ThresholdsSchema = z.strictObject({
  digitalSkills: ThresholdSchema,
  motivation: ThresholdSchema,
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export const DEFAULT_THRESHOLDS: Thresholds = { digitalSkills: 70, motivation: 70 };

/** Default coverage: one facilitator per this many employees… */
export const EMPLOYEES_PER_FACILITATOR = 50;
/** …and at least one in every department with this many people or more. */
export const MIN_DEPARTMENT_FOR_COVERAGE = 10;

/**
 * A consenting person's entry, kept on every submission of the assessment (and deleted when the
 * consent is refused or withdrawn): what a round's shortlist is built from, never the results.
 */
export interface Candidate {
  objectId: string;
  department: string;
  digitalSkills: number;
  motivation: number;
  /** The `fc-interest` answer: whether they said they would like to become one. */
  interested: boolean;
  submittedAt: Date;
}

/** Why a person is on a round's shortlist. */
export const ShortlistReasonSchema = z.enum([
  /** Both scores at or above the round's thresholds. */
  'aboveThresholds',
  /** The best in a department below its coverage target. */
  'coverage',
  /** Added by hand by an admin, with a reason in the audit log. */
  'manual',
]);
export type ShortlistReason = z.infer<typeof ShortlistReasonSchema>;

/**
 * Where a shortlisted person stands. proposed → invited (the campaign sent the card) → accepted
 * (awaiting the manager when the round asks) → approved (a facilitator) | notApproved; or declined;
 * removed by an admin before the invitation; withdrawn when they withdraw consent.
 */
export const ShortlistStatusSchema = z.enum([
  'proposed',
  'removed',
  'invited',
  'awaitingApproval',
  'approved',
  'notApproved',
  'declined',
  'withdrawn',
]);
export type ShortlistStatus = z.infer<typeof ShortlistStatusSchema>;

/** One person on one round's shortlist, with the scores the round was built with. */
export interface ShortlistEntry {
  roundId: string;
  objectId: string;
  displayName: string;
  department: string;
  digitalSkills: number;
  motivation: number;
  interested: boolean;
  reason: ShortlistReason;
  status: ShortlistStatus;
  changedAt: Date;
}

/** A selection round: its settings are kept as they were when it was created and invited. */
export interface SelectionRound {
  id: string;
  createdAt: Date;
  createdBy: string;
  thresholds: Thresholds;
  /** Facilitators wanted per department (the defaults, or edited per department). */
  targets: Record<string, number>;
  /** Whether acceptance waits for the person's manager (on by default). */
  managerApproval: boolean;
  /** The delivery campaign of its invitations, once invited (a round is invited once). */
  invitationCampaignId?: string;
  /** While its shortlist is built in the background: how far; absent once the round is ready. */
  preparing?: RoundProgress;
}

/**
 * How far a round's preparation is: `done` of `total` steps (a name looked up, an entry written);
 * `total` is 0 until the candidates are read and selected.
 */
export const RoundProgressSchema = z.strictObject({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type RoundProgress = z.infer<typeof RoundProgressSchema>;

/** A facilitator of the community: granted the role on approval (or acceptance). */
export interface Facilitator {
  objectId: string;
  department: string;
  roundId: string;
  since: Date;
}
