/**
 * The tab API's responses, once: the routes' JSON builders are typed against these (`satisfies`)
 * and the web imports them (tab/web/src/api/types.ts), its fake server included. Types only and no
 * imports, so the web's build and its tsconfig read this file as it is (contract.test.ts keeps it
 * so). Core never imports the tab (server/import-cycles.test.ts): a core read model that answers a
 * wire shape (the dashboard's) declares its own output type, and a drift from the form here fails
 * the routes' `satisfies`.
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
  /**
   * The refused lines of an imported file, or the refused fields of a body (`path`: the field,
   * dot-joined as `questions.2.text.en-US`), each with its reason in the caller's language.
   */
  errors?: { line?: number; path?: string; message: string }[];
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

/**
 * GET /api/v1/campaigns, newest first; `?kind=…` (repeatable, message kinds such as `assessment`,
 * `reminder`, `facilitator-invitation`) keeps only those kinds, else every campaign.
 */
export interface CampaignList {
  campaigns: Campaign[];
}

/**
 * GET /api/v1/campaigns/departments (admins, facilitators): the directory's top-level units, for
 * a campaign's audience and a post's announcement.
 */
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

/**
 * POST /api/v1/facilitator-rounds (the body); answered 201 with {@link CreatedFacilitatorRound}
 * at once: the round is `preparing` until its shortlist is built in the background.
 */
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
  /**
   * `preparing` while the shortlist is built in the background (the round answers empty
   * `candidates` and `coverage`, and its changes and invitation answer 409), then `ready`.
   */
  status: FacilitatorRoundStatus;
  /** While preparing: `done` of `total` steps (`total` 0 until the candidates are selected). */
  progress: { done: number; total: number } | null;
}

export type FacilitatorRoundStatus = 'preparing' | 'ready';

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

// ---- Call4Ideas (issue 16): routes in tab/api/ideas.routes.ts ----

export type IdeaStatus =
  'submitted' | 'underReview' | 'accepted' | 'implemented' | 'notFeasible' | 'outOfScope';
export type IdeaBeneficiary = 'citizens' | 'businesses' | 'colleagues';
/** The fixed themes an idea may be filed under; the web names them in its language. */
export type IdeaTheme =
  | 'onlineServices'
  | 'paperless'
  | 'data'
  | 'internalProcesses'
  | 'collaboration'
  | 'skills'
  | 'other';
export type IdeaSort = 'votes' | 'newest' | 'discussed';

/** A call for ideas: `open` when now is within [opensAt, closesAt). Dates are ISO 8601. */
export interface IdeaCall {
  id: string;
  title: string;
  question: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  ideas: number;
}

/**
 * GET /api/v1/idea-calls (everyone): every call, newest first; `current` is the open call (null
 * when none is open); `areas` the directory's departments an idea may be filed under.
 */
export interface IdeaCallList {
  calls: IdeaCall[];
  current: string | null;
  areas: string[];
  themes: IdeaTheme[];
}

/**
 * POST /api/v1/idea-calls → 201 {id} and PUT /api/v1/idea-calls/:id → 200 IdeaCall (admins):
 * title 3–200, question 3–1,000 characters, opensAt < closesAt; two calls may not overlap (409).
 */
export interface IdeaCallBody {
  title: string;
  question: string;
  opensAt: string;
  closesAt: string;
}

/** Someone shown on an idea; `former` (objectId null, a localised name) after their erasure. */
export interface IdeaPerson {
  objectId: string | null;
  displayName: string;
  former: boolean;
}

/**
 * POST /api/v1/ideas (everyone) → 201 {id}, into the open call (none open → 409). Lengths:
 * title 5–150; procedure, office 2–200; problem, proposal, benefits 10–4,000; at most 5 links
 * (https, ≤ 500 each). `area` defaults to the proposer's department.
 */
export interface IdeaProposal {
  title: string;
  procedure: string;
  office: string;
  problem: string;
  proposal: string;
  benefits: string;
  beneficiaries?: IdeaBeneficiary[];
  links?: string[];
  area?: string;
  theme?: IdeaTheme;
}

export interface CreatedId {
  id: string;
}

/** An idea in a list. `hidden` ideas are listed only for admins. */
export interface IdeaSummary {
  id: string;
  callId: string;
  title: string;
  procedure: string;
  office: string;
  area: string;
  theme: IdeaTheme;
  status: IdeaStatus;
  /** Distinct voters, its merged ideas' voters included (each person once). */
  votes: number;
  comments: number;
  /** Amendments awaiting the authors' decision. */
  openAmendments: number;
  authors: IdeaPerson[];
  createdAt: string;
  mergedInto: string | null;
  hidden: boolean;
  labId: string | null;
}

/**
 * GET /api/v1/ideas?call=&q=&area=&theme=&status=&sort=votes|newest|discussed&offset=0&limit=50
 * (everyone; `call` defaults to the current call, else the newest; limit ≤ 50). `q` is a stemmed,
 * accent-insensitive search in Italian and English; with `q` and no `sort`, best matches first.
 * Merged ideas are left out (they show on their target).
 */
export interface IdeaList {
  ideas: IdeaSummary[];
  total: number;
  offset: number;
}

export type IdeaAmendmentField = 'proposal' | 'problem';
export type IdeaAmendmentStatus = 'open' | 'accepted' | 'rejected';

export interface IdeaAmendment {
  id: string;
  author: IdeaPerson;
  field: IdeaAmendmentField;
  /** The text proposed (replacing the whole field). */
  text: string;
  /** The field's text when the amendment was proposed. */
  before: string;
  status: IdeaAmendmentStatus;
  /** The authors' reason when rejected. */
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export type IdeaHistoryKind =
  | 'submitted'
  | 'status'
  | 'amendmentProposed'
  | 'amendmentAccepted'
  | 'amendmentRejected'
  | 'merged'
  | 'mergedFrom'
  | 'unmerged'
  | 'unmergedFrom'
  | 'hidden'
  | 'restored';

/** One entry of an idea's history, oldest first. */
export interface IdeaHistoryEntry {
  at: string;
  kind: IdeaHistoryKind;
  actor: IdeaPerson | null;
  /** The new status (kind `status`). */
  status: IdeaStatus | null;
  /** Public reason: status change, rejection, moderation. */
  reason: string | null;
  /** amendmentAccepted: the field and both versions. */
  field: IdeaAmendmentField | null;
  before: string | null;
  after: string | null;
  /** merged / mergedFrom / unmerged / unmergedFrom: the other idea. */
  other: { id: string; title: string } | null;
  labId: string | null;
}

/**
 * GET /api/v1/ideas/:id (everyone; a hidden idea only for its authors and admins, else 404).
 * `voted` is the caller's own vote (nobody sees another's). `hiddenReason` only for authors and
 * admins. `may` says what the caller may do now (the server checks again).
 */
export interface IdeaDetail extends IdeaSummary {
  problem: string;
  proposal: string;
  benefits: string;
  beneficiaries: IdeaBeneficiary[];
  links: string[];
  statusReason: string | null;
  hiddenReason: string | null;
  mergedFrom: { id: string; title: string }[];
  voted: boolean;
  callOpen: boolean;
  amendments: IdeaAmendment[];
  history: IdeaHistoryEntry[];
  may: { vote: boolean; amend: boolean; decideAmendments: boolean; administer: boolean };
}

/** PUT and DELETE /api/v1/ideas/:id/vote (everyone, idempotent): the count after. */
export interface IdeaVote {
  votes: number;
  voted: boolean;
}

/**
 * POST /api/v1/ideas/:id/amendments (everyone but the idea's authors) → 201 {id}: exactly one of
 * `proposal` or `problem` (10–4,000 characters), the field's whole new text.
 */
export interface IdeaAmendmentBody {
  proposal?: string;
  problem?: string;
}

/**
 * POST …/amendments/:amendmentId/accept (no body) and …/reject {reason} (3–1,000): the idea's
 * authors only (403); an amendment already decided → 409. Answer: the IdeaDetail.
 */
export interface IdeaDecisionBody {
  reason?: string;
}

/**
 * One comment; `text` null when hidden and the caller is neither its author nor an admin.
 * `replies` only on top-level comments (one level).
 */
export interface IdeaComment {
  id: string;
  author: IdeaPerson;
  text: string | null;
  createdAt: string;
  hidden: boolean;
  hiddenReason: string | null;
  replies: IdeaComment[];
}

/** GET /api/v1/ideas/:id/comments (everyone who may see the idea), oldest first. */
export interface IdeaCommentList {
  comments: IdeaComment[];
}

/** POST /api/v1/ideas/:id/comments → 201 {id}: text 2–2,000; `parent` a top-level comment. */
export interface IdeaCommentBody {
  text: string;
  parent?: string;
}

/**
 * POST /api/v1/ideas/:id/status (admins) → IdeaDetail. Allowed moves: submitted → underReview;
 * underReview → accepted | notFeasible | outOfScope; accepted → implemented; `reason` (3–1,000)
 * is mandatory for notFeasible and outOfScope, public; `labId` only with accepted. Else 409.
 */
export interface IdeaStatusBody {
  status: IdeaStatus;
  reason?: string;
  labId?: string;
}

/** POST /api/v1/ideas/:id/merge {into} (admins) → IdeaDetail of :id; POST …/unmerge → the same. */
export interface IdeaMergeBody {
  into: string;
}

/**
 * POST /api/v1/ideas/:id/hide and /ideas/:id/comments/:commentId/hide {reason} (3–1,000, shown
 * to the author); …/restore (no body). Admins. → 204.
 */
export interface IdeaModerationBody {
  reason: string;
}

/** GET /api/v1/ideas/similar?text=…&call= (everyone): at most 5, best first. */
export interface SimilarIdeas {
  ideas: { id: string; title: string; status: IdeaStatus; votes: number; score: number }[];
}

/**
 * GET /api/v1/ideas/pipeline?call= (admins): counts per status and per area (visible ideas, not
 * merged), the 10 top-voted, and trending: the 10 with most new votes in the last 7 days.
 * GET /api/v1/ideas.csv?call= (admins): every idea of the call, one row each.
 */
export interface IdeaPipeline {
  callId: string | null;
  byStatus: { status: IdeaStatus; count: number }[];
  byArea: { area: string; total: number; byStatus: Partial<Record<IdeaStatus, number>> }[];
  topVoted: IdeaSummary[];
  trending: { idea: IdeaSummary; votesThisWeek: number }[];
}

/* ---------------------------------------------------------------------------------------------
 * Labs (issue 15). Routes and who may call them: tab/api/labs.routes.ts. Dates without a time are
 * `YYYY-MM-DD` (the programme's calendar, Europe/Rome); instants are ISO 8601.
 * ------------------------------------------------------------------------------------------- */

export type LabStatus = 'proposed' | 'active' | 'concluded';
/** The board's columns: Da fare / In corso / Fatto. */
export type LabColumn = 'todo' | 'doing' | 'done';
/** The caller's place in a lab: null when none (they may ask to join a public lab). */
export type LabMembership = 'lead' | 'member' | 'invited' | 'requested' | null;

/** A theme (the five seeded in content/labs/, plus those admins add), in the caller's language. */
export interface LabTheme {
  id: string;
  title: string;
  description: string;
  /** Seeded from content/labs/ (not editable in the app), or added by an admin. */
  seeded: boolean;
}

/** GET /api/v1/labs/themes (everyone) */
export interface LabThemes {
  themes: LabTheme[];
}

/** POST /api/v1/labs/themes (admins; the body): 201 {@link LabTheme}. Titles 3–80, descriptions ≤ 500. */
export interface NewLabTheme {
  title: Record<Locale, string>;
  description: Record<Locale, string>;
}

/**
 * A person as a lab shows them. After their erasure a person is `former` (a "former member"),
 * with no id or name: the lab's history stays readable without them.
 */
export interface LabPerson {
  objectId: string | null;
  displayName: string | null;
  former: boolean;
}

/** A Teams channel a lab is linked to, named as the bot last saw it. */
export interface LabChannel {
  teamId: string;
  channelId: string;
  teamName: string | null;
  channelName: string | null;
  /** False once the channel was deleted or the app removed from the team: posts will fail. */
  available: boolean;
}

/** What the caller may do in a lab (the server checks every route again). */
export interface LabPermissions {
  /** Lead or admin: settings, members, channel, updates, close. */
  manage: boolean;
  /** Lead, member or admin: tasks, milestones, notes and decisions. */
  editBoard: boolean;
  /** Not in the lab, nothing pending, lab not concluded: may ask to join (or accept an invitation). */
  join: boolean;
}

/** Each item of GET /api/v1/labs. */
export interface LabSummary {
  id: string;
  theme: LabTheme;
  title: string;
  goal: string;
  status: LabStatus;
  private: boolean;
  leads: LabPerson[];
  memberCount: number;
  startDate: string | null;
  plannedEndDate: string | null;
  /** When the latest update was posted; null when none yet. */
  lastUpdateAt: string | null;
  channel: LabChannel | null;
  membership: LabMembership;
}

/**
 * GET /api/v1/labs?theme=<id>&status=<status>&mine=lead|member (filters optional; `mine=member`
 * includes the labs one leads): newest first; private labs only for their members and admins.
 */
export interface LabList {
  labs: LabSummary[];
}

/** POST /api/v1/labs (facilitators, admins; the body): 201 {@link CreatedLab}; the caller becomes a lead. */
export interface NewLab {
  theme: string;
  /** 3–120 characters. */
  title: string;
  /** 3–2,000 characters. */
  goal: string;
  /** Object ids of further leads (the caller is always one); at most 10. */
  leads?: string[];
  startDate?: string | null;
  plannedEndDate?: string | null;
  /** Default false. */
  private?: boolean;
}

export interface CreatedLab {
  id: string;
}

/** PATCH /api/v1/labs/:id (leads, admins; the body): any of these; 200 {@link Lab}. */
export interface LabSettingsChange {
  theme?: string;
  title?: string;
  goal?: string;
  startDate?: string | null;
  plannedEndDate?: string | null;
  private?: boolean;
  /** Between proposed and active; concluding is POST …/close. */
  status?: 'proposed' | 'active';
}

export interface LabMember {
  person: LabPerson;
  role: 'lead' | 'member';
  since: string;
  /** Their department (top-level unit) in the directory today; null when unknown. */
  department: string | null;
}

/** Someone invited (waiting for Join / No thanks) or asking to join (waiting for a lead). */
export interface LabPending {
  person: LabPerson;
  at: string;
}

export interface LabMilestone {
  id: string;
  title: string;
  dueDate: string | null;
  reached: boolean;
}

/** A task of the board. `etag` is what PATCH / DELETE send back as `If-Match`. */
export interface LabTask {
  id: string;
  title: string;
  description: string;
  column: LabColumn;
  /** Position within its column, ascending (a move sets it). */
  order: number;
  assignees: LabPerson[];
  dueDate: string | null;
  milestoneId: string | null;
  updatedAt: string;
  etag: string;
}

/** POST /api/v1/labs/:id/tasks (members, leads, admins; the body): 201 {@link LabTask} + `ETag`. */
export interface NewLabTask {
  /** 1–200 characters. */
  title: string;
  /** ≤ 4,000 characters. */
  description?: string;
  /** Default 'todo'. */
  column?: LabColumn;
  /** Default: after the column's last task. */
  order?: number;
  /** Members' object ids; at most 20. */
  assignees?: string[];
  dueDate?: string | null;
  milestoneId?: string | null;
}

/**
 * PATCH /api/v1/labs/:id/tasks/:taskId with `If-Match: <etag>` (required, else 428): 200
 * {@link LabTask} + `ETag`; stale → 412 {@link LabTaskConflict}. DELETE …/:taskId with `If-Match`:
 * 204, stale → 412 likewise.
 */
export type LabTaskChange = Partial<NewLabTask>;

/** The 412 problem of a stale task edit: the task as it is now, for the screen to show. */
export interface LabTaskConflict extends Problem {
  code: 'labs.task.stale';
  current: LabTask;
}

/** POST /api/v1/labs/:id/milestones (the body): 201 {@link LabMilestone}; PATCH …/:milestoneId 200. */
export interface NewLabMilestone {
  title: string;
  dueDate?: string | null;
  reached?: boolean;
}

export type LabNoteKind = 'note' | 'decision';

/** One entry of the log of notes and decisions (newest first). */
export interface LabNote {
  id: string;
  kind: LabNoteKind;
  text: string;
  author: LabPerson;
  at: string;
}

/** POST /api/v1/labs/:id/notes (members, leads, admins; the body): 201 {@link LabNote}. Text 1–2,000. */
export interface NewLabNote {
  kind: LabNoteKind;
  text: string;
}

/** Why a channel post failed (the lead fixes it, then retries). */
export type LabPostFailure =
  'notLinked' | 'channelDeleted' | 'appRemoved' | 'forbidden' | 'tooLarge' | 'error';

/**
 * An update's post to the lab's channel: stored first, then posted. `pending` while queued or
 * being retried, `posted` with the time, `failed` with the reason (retry with POST …/retry),
 * `notLinked` when the lab had no channel when it was written.
 */
export type LabPostState =
  | { state: 'pending'; at: null; reason: null }
  | { state: 'posted'; at: string; reason: null }
  | { state: 'failed'; at: string; reason: LabPostFailure }
  | { state: 'notLinked'; at: null; reason: null };

/** One update of the lab's timeline (newest first). */
export interface LabUpdate {
  id: string;
  title: string;
  text: string;
  /** 0–100, when given. */
  progress: number | null;
  nextSteps: string | null;
  mentions: LabPerson[];
  author: LabPerson;
  at: string;
  post: LabPostState;
}

/**
 * POST /api/v1/labs/:id/updates (leads, admins; the body): 201 {@link LabUpdate}; it is stored,
 * then posted to the linked channel. POST …/updates/:updateId/retry: 202 {@link LabUpdate}
 * (only a failed or not-linked one, else 409).
 */
export interface NewLabUpdate {
  /** 3–120 characters. */
  title: string;
  /** 1–2,000 characters. */
  text: string;
  progress?: number | null;
  /** ≤ 1,000 characters. */
  nextSteps?: string | null;
  /** Members' object ids to mention; at most 20. */
  mentions?: string[];
}

/**
 * GET /api/v1/labs/:id: the lab, its people, board, log and timeline. `invitations` and
 * `requests` are listed to leads and admins only (empty for others).
 */
export interface Lab extends LabSummary {
  members: LabMember[];
  invitations: LabPending[];
  requests: LabPending[];
  milestones: LabMilestone[];
  tasks: LabTask[];
  notes: LabNote[];
  updates: LabUpdate[];
  outcome: string | null;
  closedAt: string | null;
  permissions: LabPermissions;
}

/** POST /api/v1/labs/:id/members (leads, admins; the body): invites them (a card in chat); 200 {@link Lab}. */
export interface LabInvitation {
  /** Directory object ids; at most 50 at once. */
  objectIds: string[];
}

/** PATCH /api/v1/labs/:id/members/:objectId (leads, admins; the body): 200 {@link Lab}. */
export interface LabMemberChange {
  role: 'lead' | 'member';
}

/** POST /api/v1/labs/:id/close (leads, admins; the body): 200 {@link Lab}; already concluded → 409. */
export interface LabClosing {
  /** 3–4,000 characters. */
  outcome: string;
}

/** PUT /api/v1/labs/:id/channel (leads, admins; the body): ids as Teams sends them in `channelData`. */
export interface LabChannelLink {
  teamId: string;
  channelId: string;
}

/** A team the bot is installed in, with its channels (the channel link's picker). */
export interface KnownTeam {
  teamId: string;
  name: string | null;
  channels: { channelId: string; name: string | null }[];
}

/** GET /api/v1/labs/teams (facilitators, admins): teams where the app is installed, by name. */
export interface KnownTeams {
  teams: KnownTeam[];
}

/** GET /api/v1/people?q=<2+ characters> (facilitators, admins): directory matches, ≤ 20. */
export interface PeopleSearch {
  people: { objectId: string; displayName: string; department: string | null }[];
}

/** One row of the cross-lab view. */
export interface LabOverviewRow {
  id: string;
  theme: string;
  title: string;
  status: LabStatus;
  private: boolean;
  leads: LabPerson[];
  members: number;
  /** Departments of the members in the directory today, by name. */
  departments: string[];
  tasksDone: number;
  tasksTotal: number;
  /** Open tasks whose due date has passed (in the programme's calendar). */
  overdue: number;
  lastUpdateAt: string | null;
}

/**
 * GET /api/v1/labs/overview (managers, admins; private labs only for admins and their members),
 * and GET /api/v1/labs/overview.csv (the same rows, the caller's spreadsheet dialect, UTF-8 BOM).
 */
export interface LabOverview {
  labs: LabOverviewRow[];
}

/** A text in both languages: the stored and answered form of every survey text. */
export interface SurveyText {
  'it-IT': string;
  'en-US': string;
}

/**
 * A text as a survey builder sends it: both languages, or one string used for both (the
 * acceptance contract's `"text": "…"`).
 */
export type SurveyTextInput = string | SurveyText;

/**
 * scale: 1–5 agreement; recommend: 0–10 likelihood to recommend; single / multiple: one or several
 * of 2–10 options; text: a short free text (at most 280 characters).
 */
export type SurveyQuestionType = 'scale' | 'recommend' | 'single' | 'multiple' | 'text';

export interface SurveyOption {
  /** Lower-case letters, digits and dashes, unique in its question. */
  id: string;
  text: SurveyText;
}

export interface SurveyQuestion {
  /** Lower-case letters, digits and dashes, unique in its survey. */
  id: string;
  type: SurveyQuestionType;
  text: SurveyText;
  /** A required question must be answered before its page moves on. */
  required: boolean;
  /** single and multiple only (2–10); empty for the other types. */
  options: SurveyOption[];
}

export interface SurveyQuestionInput {
  id: string;
  type: SurveyQuestionType;
  text: SurveyTextInput;
  /** Default true, except text questions (default false). */
  required?: boolean;
  options?: { id: string; text: SurveyTextInput }[];
}

/** Who a survey goes to: the campaigns' audiences. */
export type SurveyAudience = StartAudience;

/**
 * POST /api/v1/surveys and PUT /api/v1/surveys/:id (before launch). Up to 20 questions, at most
 * 5 of them text. An identified survey must state its `purpose` (shown to every respondent).
 * Dates are ISO 8601 instants; `opensAt` defaults to the launch, `closesAt` to 14 days after it.
 * `reminders` are instants between opening and closing (at most 3) when non-respondents get a
 * reminder. `k` (default 5, 3–20) is locked at launch. `template` names the template it started
 * from (GET /api/v1/survey-templates), for the record only.
 */
export interface NewSurvey {
  title: SurveyTextInput;
  intro?: SurveyTextInput;
  anonymous: boolean;
  purpose?: SurveyTextInput;
  questions: SurveyQuestionInput[];
  audience: SurveyAudience;
  opensAt?: string;
  closesAt?: string;
  reminders?: string[];
  k?: number;
  template?: string;
}

/** POST /api/v1/surveys → 201 */
export interface CreatedSurvey {
  id: string;
}

/** draft: editable, not sent; scheduled: launched, opens later; open; closed. */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';

/** Each item of GET /api/v1/surveys. */
export interface SurveySummary {
  id: string;
  title: SurveyText;
  anonymous: boolean;
  state: SurveyState;
  audience: SurveyAudience;
  questionCount: number;
  k: number;
  opensAt: string | null;
  closesAt: string | null;
  createdAt: string;
  launchedAt: string | null;
  /** The delivery campaign of the survey card (GET /api/v1/campaigns/:id for its progress). */
  campaignId: string | null;
  /** People who have submitted (the respondents ledger); null for managers. */
  responded: number | null;
}

/** GET /api/v1/surveys: admins all, managers the launched ones (to read results). */
export interface SurveyList {
  surveys: SurveySummary[];
}

/** GET /api/v1/surveys/:id (admins); also the answer of PUT, launch and close. */
export interface Survey extends SurveySummary {
  intro: SurveyText | null;
  purpose: SurveyText | null;
  questions: SurveyQuestion[];
  reminders: string[];
  /** The reminder campaigns sent so far. */
  reminderCampaignIds: string[];
  template: string | null;
  /** How the card splits the questions: the question ids of each page. */
  pages: string[][];
}

/** Each item of GET /api/v1/survey-templates: a ready survey to start from. */
export interface SurveyTemplate {
  id: string;
  title: SurveyText;
  description: SurveyText;
  /** The survey it fills the builder with (audience everyone, no dates). */
  survey: NewSurvey & { title: SurveyText; questions: SurveyQuestion[] };
}

/** GET /api/v1/survey-templates (admins) */
export interface SurveyTemplates {
  templates: SurveyTemplate[];
}

/** GET /api/v1/surveys/:id/card?locale=it-IT&page=0 (admins): the card a respondent would see. */
export interface SurveyCardPreview {
  page: number;
  pages: number;
  /** The Adaptive Card JSON (the card's `content`), as sent in chat. */
  card: Record<string, unknown>;
}

/** POST /api/v1/surveys/:id/launch → 202, and POST /api/v1/surveys/:id/reminders → 202. */
export interface SurveyLaunch {
  campaignId: string;
}

/** One bar of a question's distribution. */
export interface SurveyCount {
  /** The option id, or the scale value as a string ('1'…'5', '0'…'10'). */
  value: string;
  label: string;
  count: number;
}

export interface SurveyQuestionResult {
  id: string;
  type: SurveyQuestionType;
  /** In the request's language. */
  text: string;
  /** Responses in the view that answered this question. */
  answered: number;
  /** Every scale value or option, in order (empty for text questions). */
  counts: SurveyCount[];
  /** scale and recommend: the mean of the answers; null otherwise or when none. */
  mean: number | null;
  /** recommend: promoters (9–10) minus detractors (0–6), in % of answers; null otherwise. */
  nps: number | null;
  /**
   * text: the answers, in no particular order and without attribution, at most 500 (`textTotal`
   * says how many); null when the view has fewer than 10 responses (or for other types).
   */
  texts: string[] | null;
  textTotal: number | null;
}

/** A department's response rate; a hidden one carries no number. */
export interface SurveyDepartmentRate {
  department: string;
  hidden: boolean;
  responses: number | null;
  /** People of the department in the directory today. */
  headcount: number;
  /** responses ÷ the department's audience; null when hidden or for an audience by role. */
  rate: number | null;
}

/**
 * GET /api/v1/surveys/:id/results[?department=…] (admins; managers for the departments of their
 * subtree; answers carry the department only, so a manager below a department gets 403). A view
 * with fewer than k responses, or hidden to protect a smaller one, is `hidden` with responses null
 * and `questions` empty. 409 while a closed survey's last answers are being written (a minute).
 */
export interface SurveyResults {
  surveyId: string;
  state: SurveyState;
  anonymous: boolean;
  k: number;
  /** The view: null for all the caller may see, else one department. */
  department: string | null;
  hidden: boolean;
  /** Responses counted in the view (answers still held for a shuffled batch are not yet here). */
  responses: number | null;
  /**
   * People in the view's audience today (the directory), and responses ÷ that; null for an
   * audience by role.
   */
  audience: number | null;
  rate: number | null;
  departments: SurveyDepartmentRate[];
  questions: SurveyQuestionResult[];
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

/*
 * Programme overview (issue 18): GET /api/v1/overview, one request for the "Panoramica" screen.
 * Every figure comes from pre-aggregated rows, through the same privacy engine and thresholds as
 * the heat map; a hidden cell carries no number at all (null, `hidden: true`).
 */

/** One unit's assessment participation: invited = the directory's headcount there today. */
export interface OverviewParticipationCell {
  orgUnitPath: readonly string[];
  /** The unit's own members, beside its sub-units. */
  direct: boolean;
  hidden: boolean;
  invited: number | null;
  /** Published respondents (the heat map's participants count). */
  completed: number | null;
  /** completed ÷ invited, 0…1. */
  rate: number | null;
}

/**
 * One week of the campaign: what the heat map published by the end of that week (a running
 * week: so far), as the pattern of that time hid it. `units` follows {@link
 * OverviewParticipation.units}, in order; null where hidden then (or not yet there).
 */
export interface OverviewWeek {
  /** ISO week, `2026-W49`. */
  week: string;
  /** Its Monday (Europe/Rome), `YYYY-MM-DD`. */
  startsOn: string;
  total: number | null;
  units: (number | null)[];
}

/** A launched survey's response rate within the caller's scope (its own k and suppression). */
export interface OverviewSurvey {
  id: string;
  title: SurveyText;
  state: SurveyState;
  closesAt: string | null;
  hidden: boolean;
  responses: number | null;
  /** The audience the survey was sent to, within the scope. */
  audience: number | null;
  rate: number | null;
}

export interface OverviewParticipation {
  /** The campaign shown (the newest with a visible unit in the scope); null when none yet. */
  campaign: DashboardCampaign | null;
  publishedAt: string | null;
  /** The caller's scope as a whole. */
  total: OverviewParticipationCell;
  /** One level below the scope: departments for admins, a manager's sub-units. */
  units: OverviewParticipationCell[];
  /** Oldest first. */
  weeks: OverviewWeek[];
  /** Newest first. */
  surveys: OverviewSurvey[];
}

/** A dimension's mean in a unit, with its place among the unit's dimensions (1 = strongest). */
export interface OverviewDimensionScore {
  id: string;
  mean: number | null;
  /** 1 … number of visible dimensions; null when hidden. */
  rank: number | null;
  /** The change since the previous campaign (`compare`), when there is one. */
  comparison: MeanComparison | null;
}

export interface OverviewDimensionUnit {
  orgUnitPath: readonly string[];
  direct: boolean;
  hidden: boolean;
  /** Strongest first; hidden ones last. */
  scores: OverviewDimensionScore[];
}

export interface OverviewDimensions {
  campaign: DashboardCampaign | null;
  /** The campaign before it, which `comparison` is measured against; null when none. */
  compare: DashboardCampaign | null;
  /** Every dimension's name, in the questionnaire's order. */
  names: { id: string; name: Record<Locale, string> }[];
  /** The scope as a whole (the organisation for admins). */
  total: OverviewDimensionUnit;
  /** One level below the scope, as {@link OverviewParticipation.units}. */
  units: OverviewDimensionUnit[];
}

/**
 * A department's facilitators (the roster is public: everyone sees their department's) against
 * the target (one per 50 employees, at least one from 10), and their training hours against
 * the path's target: hours are shown only for groups of at least k facilitators, with
 * complementary suppression, as nobody's own hours may be read off them.
 */
export interface OverviewFacilitatorCell {
  orgUnitPath: readonly string[];
  employees: number;
  facilitators: number;
  target: number;
  hidden: boolean;
  trainingHours: number | null;
  trainingTargetHours: number | null;
}

export interface OverviewFacilitators {
  total: OverviewFacilitatorCell;
  units: OverviewFacilitatorCell[];
}

/** Labs of one theme (private labs only for admins). */
export interface OverviewLabTheme {
  themeId: string;
  name: Record<Locale, string>;
  labs: number;
  active: number;
  members: number;
  tasksDone: number;
  tasksOverdue: number;
  lastUpdateAt: string | null;
}

export interface OverviewLabs {
  themes: OverviewLabTheme[];
  total: Omit<OverviewLabTheme, 'themeId' | 'name'>;
}

export interface OverviewIdeaArea {
  area: string;
  ideas: number;
  byStatus: Record<IdeaStatus, number>;
}

export interface OverviewTopIdea {
  id: string;
  title: string;
  area: string;
  status: IdeaStatus;
  votes: number;
}

/** Visible ideas of every call (merged and hidden ones not counted). */
export interface OverviewIdeas {
  total: number;
  funnel: Record<IdeaStatus, number>;
  implemented: number;
  areas: OverviewIdeaArea[];
  /** At most 5, most votes first. */
  top: OverviewTopIdea[];
}

/**
 * GET /api/v1/overview (managers: their subtree; admins: everything; others 403). Labs and ideas
 * are not per unit: both see the whole programme's figures (managers without private labs).
 */
export interface Overview {
  scope: readonly string[];
  /** When the pre-aggregated rows were last refreshed (they lag the features' writes by up to 30 s). */
  refreshedAt: string | null;
  participation: OverviewParticipation;
  dimensions: OverviewDimensions;
  facilitators: OverviewFacilitators;
  labs: OverviewLabs;
  ideas: OverviewIdeas;
}

/** GET /api/v1/overview.csv?tile=… : one tile's table, the caller's spreadsheet dialect. */
export type OverviewTile =
  'participation' | 'weeks' | 'surveys' | 'dimensions' | 'facilitators' | 'labs' | 'ideas';

/* ---------------------------------------------------------------------------------------------
 * The facilitators' workspace (issue 18): posts (tab/api/posts.routes.ts) and the facilitators'
 * community board (tab/api/workspace-board.routes.ts). Dates are ISO 8601.
 * ------------------------------------------------------------------------------------------- */

export type PostCategory = 'guide' | 'news' | 'event' | 'material';
export type PostState = 'draft' | 'published';

/** Someone shown on a post; `former` (objectId null, a localised name) after their erasure. */
export interface PostPerson {
  objectId: string | null;
  displayName: string;
  former: boolean;
}

/**
 * A file of a post. `url` is the authenticated GET of its bytes (documents come with
 * `Content-Disposition: attachment`); an image's `url` may be used in the body's Markdown as
 * `![alt](url)` — the only images the tab renders.
 */
export interface PostAttachment {
  id: string;
  name: string;
  contentType: string;
  bytes: number;
  kind: 'image' | 'document';
  url: string;
}

/** A post in a list. `useful` is the count of "utile" marks; `marked` the caller's own. */
export interface PostSummary {
  id: string;
  title: string;
  summary: string;
  category: PostCategory;
  tags: string[];
  state: PostState;
  author: PostPerson;
  createdAt: string;
  /** Null while a draft. */
  publishedAt: string | null;
  updatedAt: string;
  /** 1 when written, +1 per edit. */
  version: number;
  useful: number;
  marked: boolean;
}

/**
 * GET /api/v1/posts?q=&category=&tag=&state=published|draft&offset=0&limit=20 (everyone; limit ≤ 50):
 * published posts newest first (by publication); `q` is a stemmed, accent-insensitive search in
 * Italian and English over title, summary, body (as plain text) and tags, best matches first.
 * `state=draft` lists the caller's own drafts (every draft for admins). `tags`: every tag in use
 * on published posts, most used first (the filter's choices).
 */
export interface PostList {
  posts: PostSummary[];
  total: number;
  offset: number;
  tags: string[];
}

/** A facilitator of the reader's department, shown beside a post (who to ask). */
export interface PostFacilitator {
  objectId: string;
  displayName: string;
}

/** Where a post opens: in a browser (`tab`, relative to the app) and inside Teams (`teams`). */
export interface PostLinks {
  tab: string;
  teams: string | null;
}

/**
 * GET /api/v1/posts/:id (everyone for a published post; a draft only for its author and admins,
 * else 404) with `ETag`. `body` is the Markdown as written: the tab renders it sanitised.
 * `facilitators`: the facilitators of the caller's department (empty when none or no department).
 * `etag` is what PUT sends back as `If-Match`. `may` says what the caller may do now (the server
 * checks again).
 */
export interface PostDetail extends PostSummary {
  body: string;
  attachments: PostAttachment[];
  facilitators: PostFacilitator[];
  department: string | null;
  links: PostLinks;
  etag: string;
  may: { edit: boolean; publish: boolean; delete: boolean; mark: boolean };
}

/**
 * POST /api/v1/posts (facilitators, admins; the body) → 201 {@link CreatedId} + `ETag`, a draft.
 * title 1–140, summary ≤ 300, body 1–20,000 characters (Markdown); at most 10 tags of 1–40
 * characters (kept lower-case, trimmed, distinct). Employees → 403; too long → 400.
 */
export interface NewPost {
  title: string;
  summary?: string;
  body: string;
  category: PostCategory;
  tags?: string[];
}

/**
 * PUT /api/v1/posts/:id with `If-Match: <etag>` (required, else 428): the author or an admin; the
 * whole post as {@link NewPost} → 200 {@link PostDetail} + `ETag`; the version before is kept in
 * the history. A stale etag → 412 {@link PostConflict}.
 */
export type PostEdit = NewPost;

/** The 412 problem of a stale edit: the post as it is now, for the screen to show. */
export interface PostConflict extends Problem {
  code: 'posts.stale';
  current: PostDetail;
}

/** Who a 1:1 chat announcement goes to. */
export type PostAudience =
  { kind: 'everyone' } | { kind: 'facilitators' } | { kind: 'departments'; departments: string[] };

/**
 * POST /api/v1/posts/:id/publish (the author or an admin; the body, optional) → 200
 * {@link PostDetail}: a draft becomes published (already published → 409). `channels`: a card in
 * the linked channels the admins chose (see {@link PostChannels}; one not linked → 409 before
 * anything is written); `chat`: a card in 1:1 chat to the audience, through the delivery engine.
 */
export interface PostPublication {
  announce?: {
    channels?: ('facilitators' | 'organisation')[];
    chat?: PostAudience;
  };
}

/**
 * DELETE /api/v1/posts/:id (the body): the author deletes their own post; admins anyone's, with a
 * `reason` (3–1,000) required when it is someone else's — the author is told it in chat. → 204.
 */
export interface PostDeletion {
  reason?: string;
}

/** One earlier version of a post, kept by an edit. */
export interface PostVersion {
  version: number;
  title: string;
  summary: string;
  body: string;
  category: PostCategory;
  tags: string[];
  editor: PostPerson;
  at: string;
}

/** GET /api/v1/posts/:id/versions (whoever may read the post): newest first, the current one first. */
export interface PostVersions {
  versions: PostVersion[];
}

/** PUT and DELETE /api/v1/posts/:id/useful (everyone, a published post; idempotent): the count after. */
export interface PostUseful {
  useful: number;
  marked: boolean;
}

/*
 * POST /api/v1/posts/:id/attachments (the author or an admin): `multipart/form-data` with one
 * `file` part → 201 {@link PostAttachment} + `ETag` (the post's new etag, for the next edit). Images (JPEG, PNG, WebP; re-encoded without metadata,
 * as the contest's, ≤ 5 MB) and documents (PDF, docx, xlsx, pptx, odt, ods, odp), recognised by
 * their bytes, ≤ 20 MB; anything else → 415, larger → 413, nothing stored. At most 20 per post.
 * DELETE …/attachments/:attachmentId → 204. GET …/attachments/:attachmentId (whoever may read the
 * post) → the bytes.
 */

/** GET /api/v1/posts/channels (admins): the linked channels announcements go to. */
export interface PostChannels {
  facilitators: LabChannelLink | null;
  organisation: LabChannelLink | null;
}

/**
 * PUT /api/v1/posts/channels (admins; the body, {@link PostChannels}) → 200 PostChannels: a
 * channel the bot does not know → 404. The picker lists teams with GET /api/v1/labs/teams.
 */
export type PostChannelsChoice = PostChannels;

/** A question of the facilitators' community board in a list, newest activity first. */
export interface BoardQuestionSummary {
  id: string;
  title: string;
  author: PostPerson;
  createdAt: string;
  /** The time of the newest reply (or the question's). */
  activeAt: string;
  replies: number;
  solved: boolean;
}

/** GET /api/v1/workspace/questions?offset=0&limit=50 (facilitators, admins; else 403). */
export interface BoardQuestionList {
  questions: BoardQuestionSummary[];
  total: number;
  offset: number;
}

export interface BoardReply {
  id: string;
  author: PostPerson;
  text: string;
  createdAt: string;
  /** The reply the asker marked as the one that solved it. */
  solution: boolean;
}

/** GET /api/v1/workspace/questions/:id (facilitators, admins): the question, replies oldest first. */
export interface BoardQuestion extends BoardQuestionSummary {
  text: string;
  replyList: BoardReply[];
  may: { solve: boolean };
}

/** POST /api/v1/workspace/questions (facilitators, admins) → 201 {@link CreatedId}: title 3–140, text 1–4,000. */
export interface NewBoardQuestion {
  title: string;
  text: string;
}

/** POST /api/v1/workspace/questions/:id/replies (facilitators, admins) → 201 {@link CreatedId}: text 1–4,000 (one level). */
export interface NewBoardReply {
  text: string;
}

/**
 * PUT /api/v1/workspace/questions/:id/solved (the asker or an admin) → 200 {@link BoardQuestion}:
 * `solved` with, optionally, the reply that solved it; `solved: false` reopens it.
 */
export interface BoardSolved {
  solved: boolean;
  replyId?: string;
}
