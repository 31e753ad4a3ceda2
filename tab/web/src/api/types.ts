import type { Locale } from '../i18n/i18n';

export type Role = 'employee' | 'facilitator' | 'manager' | 'admin';
export type BandId = 'base' | 'intermediate' | 'advanced';

/** GET /api/v1/me */
export interface Me {
  objectId: string;
  displayName: string | null;
  department: string | null;
  orgUnitPath: string[] | null;
  roles: Role[];
  locale: Locale | null;
}

/** GET /api/v1/me/results */
export interface MyResults {
  questionnaire: { id: string; version: number; title: string };
  submittedAt: string;
  dimensions: {
    id: string;
    name: string;
    score: number;
    band: BandId | null;
    bandLabel: string | null;
  }[];
  strengths: string[];
  growth: { dimension: string; suggestion: string }[];
}

/**
 * Why a unit shows no difference: hidden here, hidden in the other campaign, no answers from it
 * there, or the dimension was not asked there.
 */
export type NoComparison = 'hidden' | 'hiddenThere' | 'noData' | 'notAsked';

/** Published respondents over the people the directory lists in the unit today. */
export interface Participation {
  headcount: number;
  /** 0…1 */
  rate: number;
}

/** The other campaign's mean and the difference from it, given only where both are visible. */
export type MeanComparison =
  { mean: number; delta: number; reason: null } | { mean: null; delta: null; reason: NoComparison };

/** One unit of the heat map; a hidden cell carries no number at all. */
export interface HeatmapCell {
  orgUnitPath: string[];
  hidden: boolean;
  count: number | null;
  mean: number | null;
  bands: Record<BandId, number> | null;
  /** The unit's own members, beside its sub-units (when the API says so). */
  direct?: boolean;
  /** Whether the unit has sub-units: the screen may open it one level down. */
  opens?: boolean;
  /** Participants cells: the rate, or null (hidden, or the directory cannot say). */
  participation?: Participation | null;
  /** Present on dimension cells when the screen compares two campaigns. */
  comparison?: MeanComparison;
}

/** An assessment campaign with the privacy thresholds locked for it. */
export interface DashboardCampaign {
  id: string;
  questionnaireId: string;
  version: number;
  title: Record<Locale, string>;
  /** When its first results were counted; null for the current campaign before that. */
  lockedAt: string | null;
  k: number;
  freeTextK: number;
}

/** GET /api/v1/dashboard/campaigns: the current campaign, and every one with results. */
export interface DashboardCampaigns {
  current: DashboardCampaign;
  /** Newest first. */
  campaigns: DashboardCampaign[];
  /** The newest campaign with a visible unit in the caller's scope: the one to open on. */
  shown: string | null;
}

/** GET /api/v1/dashboard/heatmap */
export interface Heatmap {
  campaign: DashboardCampaign;
  /** When the figures were last published (ISO); null for rounds published before that was kept. */
  publishedAt: string | null;
  compare: DashboardCampaign | null;
  /** The unit whose sub-units the screen shows. */
  scope: string[];
  /** The caller's whole scope, where drilling down starts. */
  root: string[];
  /** `totals`: the caller's whole scope (the organisation for admins, their unit for a manager), then the opened unit when it is another. */
  participants: { total: number | null; totals: HeatmapCell[]; units: HeatmapCell[] };
  dimensions: {
    id: string;
    name: Record<Locale, string>;
    totals: HeatmapCell[];
    units: HeatmapCell[];
  }[];
}

/** One round of a unit's trend, each dimension compared with the round before. */
export interface TrendRound {
  campaign: DashboardCampaign;
  publishedAt: string | null;
  participants: HeatmapCell;
  /** In the order of `Trend.dimensions`; null where the round did not ask it. */
  dimensions: (HeatmapCell | null)[];
}

/** GET /api/v1/dashboard/trend: a unit over every round with results, oldest first. */
export interface Trend {
  scope: string[];
  root: string[];
  dimensions: { id: string; name: Record<Locale, string> }[];
  rounds: TrendRound[];
}

/** Which campaign a screen shows (default: the current one) and which it is compared with. */
export interface HeatmapChoice {
  campaign?: string;
  compare?: string;
  /** A unit of the caller's scope to open (default: the whole scope). */
  unit?: string[];
}

/** RFC 9457 problem details, as the tab API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
}

export type CampaignKind = 'assessment' | 'reminder';
export type CampaignState = 'preparing' | 'running' | 'paused' | 'cancelled' | 'completed';
export type AudienceRole = 'manager' | 'facilitator' | 'admin';

/** Who a new campaign goes to (POST /api/v1/campaigns). */
export type StartAudience =
  | { kind: 'all' }
  | { kind: 'departments'; departments: string[] }
  | { kind: 'role'; role: AudienceRole };

/** A reminder goes to whoever received `campaignId` and has not completed it yet. */
export type Audience = StartAudience | { kind: 'nonRespondents'; campaignId: string };

/** GET /api/v1/campaigns (each item), and the answer of every campaign operation. */
export interface Campaign {
  id: string;
  kind: CampaignKind;
  state: CampaignState;
  audience: Audience;
  notBefore: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

export interface CampaignCounts {
  total: number;
  sent: number;
  pending: number;
  failed: number;
  blocked: number;
  unreachable: number;
  /** Invited people who had already completed the questionnaire: not sent. */
  alreadyCompleted: number;
  /** Sent again after an instance stopped mid-send: may have been received twice. */
  inDoubt: number;
}

/** GET /api/v1/campaigns/:id */
export interface CampaignStatus extends Campaign {
  counts: CampaignCounts;
  /** 0…1: how much of the audience has been read from the directory so far. */
  audienceRead: number;
  /** The audience expected once all read (estimated from the part read); null before any part. */
  expectedTotal: number | null;
  /** 0…1 of the expected audience, below 1 until the audience is all read. */
  progress: number;
  etaSeconds: number | null;
  /** Whether some app instance is sending it right now. */
  sending: boolean;
  /**
   * How many of the people reached completed the questionnaire: at least `atLeast` (a multiple
   * of k, never closer than k to everyone); null when fewer than 2k were reached.
   */
  completions: { reached: number; atLeast: number | null; k: number };
}

export type CampaignAction = 'pause' | 'resume' | 'cancel';

/** POST /api/v1/campaigns/preview: what starting the invitation would do now. */
export interface CampaignPreview {
  audience: number;
  /** Would receive it: a chat with the bot, and the questionnaire not completed. */
  reachable: number;
  /** Skipped: already completed the questionnaire. */
  alreadyCompleted: number;
  /** No chat with the bot (the app is not installed for them). */
  unreachable: number;
}

/** GET /api/v1/campaigns/:id/unreachable (each person); null when no longer in the directory. */
export interface UnreachablePerson {
  id: string;
  name: string | null;
  upn: string | null;
  department: string | null;
}
