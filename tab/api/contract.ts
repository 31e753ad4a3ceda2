/**
 * The tab API's responses, once: the routes' JSON builders are typed against these (`satisfies`)
 * and the web imports them (tab/web/src/api/types.ts), its fake server included. Types only and no
 * imports, so the web's build and its tsconfig read this file as it is; a core type that drifts
 * from its wire form here fails the builders' `satisfies`.
 */

export type Locale = 'it-IT' | 'en-US';
export type Role = 'employee' | 'facilitator' | 'manager' | 'admin';
export type BandId = 'base' | 'intermediate' | 'advanced';

/** GET /api/v1/me */
export interface Me {
  objectId: string;
  displayName: string | null;
  department: string | null;
  orgUnitPath: readonly string[] | null;
  roles: readonly Role[];
  locale: Locale | null;
}

/** Where a band of the questionnaire starts: from `min` (a 0–100 score) up to the next band's. */
export interface BandThreshold {
  id: BandId;
  min: number;
}

/** A band of the questionnaire, named in the request's language. */
export interface Band extends BandThreshold {
  label: string;
}

/** GET /api/v1/me/results */
export interface MyResults {
  questionnaire: { id: string; version: number; title: string };
  /** The questionnaire's bands, lowest first: the thresholds a chart of the scores marks. */
  bands: Band[];
  submittedAt: string;
  dimensions: {
    id: string;
    name: string;
    /** Null when none of the dimension's items was answered. */
    score: number | null;
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

/** How many of a unit's people (in the directory today) the published figures count. */
export interface Participation {
  headcount: number;
  /** Published respondents ÷ headcount, 0…1. */
  rate: number;
}

/** The other campaign's mean and the difference from it, given only where both are visible. */
export type MeanComparison =
  { mean: number; delta: number; reason: null } | { mean: null; delta: null; reason: NoComparison };

/** One unit of the heat map; a hidden cell carries no number at all. */
export interface HeatmapCell {
  orgUnitPath: readonly string[];
  /** Hidden for privacy: fewer than k people, or needed to protect a smaller group. */
  hidden: boolean;
  count: number | null;
  mean: number | null;
  /** The share of the cell's people in each band, 0…1; null when hidden or empty. */
  bands: Record<BandId, number> | null;
  /** The unit's own members, beside its sub-units (not a unit one can open). */
  direct: boolean;
  /** Whether the unit has sub-units: a screen may open it (`unit`) one level down. */
  opens: boolean;
  /**
   * Participants cells only: the published count over the directory's headcount; null when the
   * cell is hidden, the directory has nobody there, or it has fewer people than answered (the
   * unit changed since: people count where they answered).
   */
  participation?: Participation | null;
  /** Dimension cells, when the screen compares two campaigns. */
  comparison?: MeanComparison;
}

/** An assessment campaign as the dashboard names it, with the privacy thresholds locked for it. */
export interface DashboardCampaign {
  id: string;
  questionnaireId: string;
  version: number;
  title: Record<Locale, string>;
  /** When its thresholds were locked (its first results counted); null before that. */
  lockedAt: string | null;
  k: number;
  freeTextK: number;
  /** The band thresholds its results were scored with, lowest first: a mean's band and colour. */
  bands: BandThreshold[];
}

/** GET /api/v1/dashboard/campaigns: the current campaign, and every one with results. */
export interface DashboardCampaigns {
  current: DashboardCampaign;
  /** Newest first. */
  campaigns: DashboardCampaign[];
  /**
   * The newest campaign in which the caller's scope has a visible unit, or null: the running
   * round hides every unit until k people of it have answered, so it is not the one to open on.
   */
  shown: string | null;
}

/** GET /api/v1/dashboard/heatmap */
export interface Heatmap {
  campaign: DashboardCampaign;
  /**
   * When the figures were last published (they change only at publications, in steps of at
   * least k people per unit); null for rounds published before publications were recorded.
   */
  publishedAt: string | null;
  compare: DashboardCampaign | null;
  /** The unit whose sub-units the screen shows. */
  scope: readonly string[];
  /** The caller's whole scope: the widest screen they may open, where drilling down starts. */
  root: readonly string[];
  /**
   * `totals`: the rows a unit is compared with, the caller's whole scope (the organisation for
   * admins, their unit for a manager) and then the opened unit (when it is another);
   * participants cells carry their participation rate.
   */
  participants: { total: number | null; totals: HeatmapCell[]; units: HeatmapCell[] };
  dimensions: {
    id: string;
    name: Record<Locale, string>;
    totals: HeatmapCell[];
    units: HeatmapCell[];
  }[];
}

/** One round of a unit's trend: its total per dimension, each compared with the round before. */
export interface TrendRound {
  campaign: DashboardCampaign;
  publishedAt: string | null;
  participants: HeatmapCell;
  /** In the order of {@link Trend.dimensions}; null where the round did not ask the dimension. */
  dimensions: (HeatmapCell | null)[];
}

/** GET /api/v1/dashboard/trend: a unit over every round with results, oldest first. */
export interface Trend {
  scope: readonly string[];
  root: readonly string[];
  /** Every dimension any round asked, the newest round's first. */
  dimensions: { id: string; name: Record<Locale, string> }[];
  rounds: TrendRound[];
}

/** RFC 9457 problem details, as the tab API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  /** The refused lines of an imported file, each with its reason in the caller's language. */
  errors?: { line?: number; message: string }[];
}

export type CampaignState = 'preparing' | 'running' | 'paused' | 'cancelled' | 'completed';
export type AudienceRole = 'manager' | 'facilitator' | 'admin';

/** Who a new campaign goes to (POST /api/v1/campaigns). */
export type StartAudience =
  | { kind: 'all' }
  | { kind: 'departments'; departments: string[] }
  | { kind: 'role'; role: AudienceRole };

/**
 * A reminder goes to whoever received `campaignId` and has not completed it yet; `chosen` is the
 * list its message kind keeps (a facilitator round's shortlist).
 */
export type Audience =
  StartAudience | { kind: 'chosen' } | { kind: 'nonRespondents'; campaignId: string };

/** Each item of GET /api/v1/campaigns, and the answer of every campaign operation. */
export interface Campaign {
  id: string;
  /** The message kind it sends: 'assessment' (the invitation), 'reminder', or another registered. */
  kind: string;
  /** Whether its kind has reminders (the assessment invitation, a facilitator invitation). */
  remindable: boolean;
  state: CampaignState;
  audience: Audience;
  notBefore: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

/** GET /api/v1/campaigns */
export interface CampaignList {
  campaigns: Campaign[];
}

/** GET /api/v1/campaigns/departments: the directory's top-level units. */
export interface Departments {
  departments: string[];
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

/** GET /api/v1/campaigns/:id/unreachable */
export interface UnreachablePeople {
  people: UnreachablePerson[];
}

/** The two scores a facilitator selection uses, 0–100 (thresholds are whole numbers). */
export interface FacilitatorThresholds {
  digitalSkills: number;
  motivation: number;
}

/** Facilitators wanted per department (top-level unit), by its name. */
export type FacilitatorTargets = Record<string, number>;

/** POST /api/v1/facilitator-rounds (the body); answered 201 with {@link CreatedFacilitatorRound}. */
export interface NewFacilitatorRound {
  thresholds: FacilitatorThresholds;
  /** Per department; a department left out keeps its default (one per 50 employees, …). */
  targets?: FacilitatorTargets;
  /** Whether acceptance waits for the person's manager; true when left out. */
  managerApproval?: boolean;
}

export interface CreatedFacilitatorRound {
  id: string;
}

/** Why a person is on a round's shortlist. */
export type ShortlistReason = 'aboveThresholds' | 'coverage' | 'manual';

/** Where a shortlisted person stands (removed: by an admin; withdrawn: consent withdrawn). */
export type ShortlistStatus =
  | 'proposed'
  | 'removed'
  | 'invited'
  | 'awaitingApproval'
  | 'approved'
  | 'notApproved'
  | 'declined'
  | 'withdrawn';

/** A round's settings, as created (and as invited: later changes never rewrite them). */
export interface FacilitatorRoundSummary {
  id: string;
  createdAt: string;
  /** The admin's object id. */
  createdBy: string;
  thresholds: FacilitatorThresholds;
  targets: FacilitatorTargets;
  managerApproval: boolean;
  /** The invitation campaign once invited (then targets and shortlist are frozen), else null. */
  invitationCampaignId: string | null;
}

/** GET /api/v1/facilitator-rounds: newest first. */
export interface FacilitatorRoundList {
  rounds: FacilitatorRoundSummary[];
}

/** One person of a round's shortlist: only the two scores, only of people who consented. */
export interface ShortlistCandidate {
  objectId: string;
  displayName: string;
  department: string;
  digitalSkills: number;
  motivation: number;
  /** Their `fc-interest` answer: they said they would like to become a facilitator. */
  interested: boolean;
  reason: ShortlistReason;
  status: ShortlistStatus;
  changedAt: string;
}

/**
 * One department of a round's coverage map. `candidates`: shortlisted and not removed or
 * withdrawn; `invited`: sent the invitation (whatever they answered); `accepted`: accepted and
 * not refused by their manager (awaiting approval or approved). `belowTarget`: before the
 * invitation fewer candidates than the target, after it fewer accepted than the target.
 */
export interface DepartmentCoverage {
  department: string;
  /** People the directory lists in the department today. */
  employees: number;
  target: number;
  candidates: number;
  invited: number;
  accepted: number;
  belowTarget: boolean;
}

/**
 * GET /api/v1/facilitator-rounds/:id, and the answer of PATCH …/:id and POST …/:id/shortlist.
 * Candidates ordered by department, then reason (thresholds, coverage, manual), then scores;
 * removed people stay listed with their status; people who withdrew their consent are left out
 * (their scores are never shown again). Coverage by department name: every department with a
 * target or a shortlisted person.
 */
export interface FacilitatorRound extends FacilitatorRoundSummary {
  candidates: ShortlistCandidate[];
  coverage: DepartmentCoverage[];
}

/** PATCH /api/v1/facilitator-rounds/:id (the body): before the invitation only, else 409. */
export interface FacilitatorTargetsChange {
  targets: FacilitatorTargets;
}

/**
 * POST /api/v1/facilitator-rounds/:id/shortlist (the body): before the invitation only. `add`
 * takes only a person who consented (fc-consent yes); `reason` (3–500 characters) is kept in the
 * audit log, readable by admins only.
 */
export interface ShortlistChange {
  action: 'add' | 'remove';
  objectId: string;
  reason: string;
}

/** POST /api/v1/facilitator-rounds/:id/invitations: 202, the invitation campaign; invited → 409. */
export interface FacilitatorInvitations {
  campaignId: string;
}

/** One entry of the audit log: who did what, when, about whom and why. */
export interface AuditEntry {
  id: string;
  at: string;
  /** The admin's object id, or 'system' for the app's own jobs. */
  actor: string;
  /** A dotted constant, e.g. `facilitators.shortlist.add`. */
  action: string;
  /** A constant or an id (`retention.schedule`, a round id). */
  reason: string;
  counts: Record<string, number>;
  /** The person the action was about (object id), or '(erased)' after their erasure. */
  subject: string | null;
  /** The admin's own words (an override's reason). */
  note: string | null;
}

/**
 * GET /api/v1/audit?limit=50&after=<cursor>: newest first; `next` is the cursor of the following
 * page, null on the last one. GET /api/v1/audit.csv: every entry, newest first.
 */
export interface AuditPage {
  entries: AuditEntry[];
  next: string | null;
}

/** A facilitator as employees see them: who, where, and how to open a Teams chat with them. */
export interface NearbyFacilitator {
  objectId: string;
  displayName: string;
  department: string;
  /** Their org unit from the department down (shown under the name). */
  unit: string[];
  /**
   * What Teams opens a 1:1 chat with (`https://teams.microsoft.com/l/chat/0/0?users=<upn>`);
   * null when the directory has none: show the name and unit without a chat button.
   */
  upn: string | null;
}

/**
 * GET /api/v1/facilitators/near-me (everyone): the facilitators of the caller's own org unit and
 * the units below it (`scope` department: their settore, or their department when they sit at
 * the top), else of the nearest unit above it that has any (`scope` area); `unit` names the unit
 * they were found in, or the caller's own when nobody was found (then `facilitators` is empty),
 * null when the directory places the caller nowhere. The caller is never listed; by name.
 */
export interface FacilitatorsNearMe {
  scope: 'department' | 'area';
  unit: string | null;
  facilitators: NearbyFacilitator[];
}

/**
 * DELETE /api/v1/me/facilitator-consent: the caller leaves every candidate list; `withdrawn`
 * counts the entries (proposed, invited or awaiting approval) withdrawn. A facilitator keeps the
 * role (`facilitator` true): leaving it is asked of the programme team.
 */
export interface FacilitatorConsentWithdrawal {
  withdrawn: number;
  facilitator: boolean;
}

/**
 * POST /api/v1/facilitators/:objectId/revocation (admin; the body): the role and the roster row
 * go, the person is told; `reason` (3–500 characters) is kept in the audit log. 204; not a
 * facilitator → 404.
 */
export interface FacilitatorRevocation {
  reason: string;
}

/** One module of a facilitator's path, in the caller's language. */
export interface TrainingPathModule {
  id: string;
  title: string;
  description: string;
  area: string;
  format: string;
  hours: number;
  link: string;
  /** Everyone's common core, or chosen for the facilitator's growth areas. */
  reason: 'commonCore' | 'growth';
  done: { date: string; hours: number } | null;
}

/** GET /api/v1/me/training-path (and the answer of POST …/completions): facilitators only. */
export interface TrainingPath {
  hoursDone: number;
  target: number;
  expectedByNow: number;
  behindSchedule: boolean;
  /** The first module not done; null when the path is complete. */
  next: string | null;
  /** Today in the programme's calendar, the latest completion date accepted. */
  today: string;
  modules: TrainingPathModule[];
}

/** GET /api/v1/facilitators (each facilitator): hours, never the modules of their path. */
export interface RosterFacilitator {
  objectId: string;
  displayName: string | null;
  upn: string | null;
  department: string;
  since: string;
  hoursDone: number;
  target: number;
  behindSchedule: boolean;
}

/** GET /api/v1/facilitators: admins only. */
export interface FacilitatorRoster {
  target: number;
  facilitators: RosterFacilitator[];
}

/** POST /api/v1/training-completions: what the import wrote. */
export interface TrainingImport {
  lines: number;
  people: number;
}

// --- The logo contest (tab/api/contests.routes.ts) ---

export type ContestPhase = 'upcoming' | 'entries' | 'waiting' | 'voting' | 'counting' | 'closed';

/** GET /api/v1/contests (each), GET /api/v1/contests/{id}. */
export interface ContestSummary {
  id: string;
  title: string;
  description: string;
  rules: string;
  entriesOpenAt: string;
  entriesCloseAt: string;
  votingOpenAt: string;
  votingCloseAt: string;
  maxEntriesPerPerson: number;
  phase: ContestPhase;
  /** The caller's entries in it, hidden ones included. */
  myEntries: number;
  /** The entry the caller voted for; null before voting. */
  myVote: string | null;
}

/** POST /api/v1/contests (admin). */
export interface NewContest {
  title: string;
  description: string;
  rules: string;
  entriesOpenAt: string;
  entriesCloseAt: string;
  votingOpenAt: string;
  votingCloseAt: string;
  maxEntriesPerPerson: number;
}

/** POST /api/v1/contests → 201; POST …/entries → 201. */
export interface Created {
  id: string;
}

/** GET /api/v1/contests/{id}/entries (each): no author until the contest is closed. */
export interface ContestEntry {
  id: string;
  title: string;
  description: string;
  /** The caller's own entry. */
  mine: boolean;
  /** GET of the entry's thumbnail and full image (authenticated). */
  thumbnailUrl: string;
  imageUrl: string;
  width: number;
  height: number;
  /** Hidden by a moderator: shown to its author and to moderators only, with the reason. */
  hidden: { reason: string } | null;
}

/** GET /api/v1/contests/{id}/results: once closed, every visible entry by votes. */
export interface ContestResults {
  contestId: string;
  winnerEntryId: string | null;
  entries: (ContestEntry & { votes: number; author: string | null })[];
}

/** PUT …/entries/{entryId}/vote. */
export interface ContestVote {
  entryId: string;
}
