import type { RespondentsRepository } from '../delivery/respondents.repository';
import { candidateOf } from '../facilitators/candidates';
import type { CommunityService } from '../facilitators/community.service';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import type { Pseudonyms } from '../privacy/pseudonyms';
import type { PrivacyPolicy } from '../privacy/suppression';
import type { Stored } from '../store/entity-table';
import { AlreadyExistsError } from '../store/errors';
import { LruCache } from '../util/lru-cache';
import { retryOnConflict } from '../store/retry';
import type { AggregatesRepository } from './aggregates.repository';
import {
  campaignOf,
  type AssessmentCampaign,
  type AssessmentCampaignsRepository,
} from './assessment-campaigns.repository';
import type { Item, Questionnaire } from './questionnaire';
import type { AssessmentResponse } from './assessment-response';
import type { ResponsesRepository } from './responses.repository';
import {
  scoreAnswers,
  strengthsAndGrowth,
  type Answers,
  type AssessmentResult,
  type LikertValue,
  type StrengthsAndGrowth,
} from './scoring';

/** Which card comes next: what the bot renders, in the person's language. */
export type AssessmentView =
  | { kind: 'department'; campaignId: string; version: number; departments: string[][] }
  | {
      kind: 'item';
      campaignId: string;
      version: number;
      item: Item;
      index: number;
      total: number;
      current?: LikertValue | boolean;
    }
  | {
      kind: 'review';
      campaignId: string;
      version: number;
      answered: number;
      total: number;
      /** The person's own answers, summarised on the review card before the final submit. */
      answers: Answers;
      choices: Readonly<Record<string, boolean>>;
    }
  | { kind: 'result'; result: AssessmentResult; highlights: StrengthsAndGrowth; submittedAt: Date }
  | { kind: 'alreadySubmitted' }
  | { kind: 'invalid'; reason: InvalidReason };

/** Why a card action was refused (tampered or outdated card data); nothing was written. */
export type InvalidReason =
  | 'unknownItem'
  | 'valueOutOfRange'
  | 'unknownCampaign'
  | 'wrongVersion'
  | 'notStarted'
  | 'unknownDepartment';

/** Where a card action points: the campaign and questionnaire version it was built for. */
export interface CardRef {
  campaignId: string;
  version: number;
}

export interface Respondent {
  objectId: string;
  /** Known from the directory; asked on a card otherwise. */
  orgUnitPath: string[] | undefined;
}

export interface AssessmentDeps {
  questionnaire: Questionnaire;
  campaignId: string;
  responses: ResponsesRepository;
  aggregates: AggregatesRepository;
  /** Where the campaign's thresholds are locked before its first aggregates are written. */
  assessmentCampaigns: AssessmentCampaignsRepository;
  /** The configured thresholds, for a campaign not locked yet. */
  policy: PrivacyPolicy;
  orgUnits: OrgUnitsRepository;
  pseudonyms: Pseudonyms;
  /** Who completed, for reminders; never the answers. */
  respondents: RespondentsRepository;
  /**
   * Who may be shortlisted as a facilitator (consent yes), with the two scores only; a candidate
   * who submits without consent leaves the rounds (the community).
   */
  candidates: Pick<CommunityService, 'submitted'>;
  now?: () => Date;
}

/**
 * The Digital Mindset assessment: one answer at a time, resumable, idempotent (an answer equal to
 * the stored one writes nothing), submitted once; each submission is queued for the aggregates.
 */
export class AssessmentService {
  private readonly q: Questionnaire;
  private readonly now: () => Date;
  /** In-progress rows this instance wrote last, so that an answer costs one write, not two calls. */
  private readonly recent = new LruCache<string, Stored<AssessmentResponse>>(5_000, 10 * 60_000);
  private locked: Promise<AssessmentCampaign> | undefined;

  constructor(private readonly deps: AssessmentDeps) {
    this.q = deps.questionnaire;
    this.now = deps.now ?? (() => new Date());
  }

  get campaignId(): string {
    return this.deps.campaignId;
  }

  /** This campaign as it would be locked now: the questionnaire's names, the configured policy. */
  describeCampaign(): AssessmentCampaign {
    return campaignOf(this.q, this.campaignId, this.deps.policy, this.now());
  }

  /**
   * Locks the campaign's thresholds before its first aggregates are written. The first instance
   * to lock decides; later calls, and later changes of the settings, get the stored lock.
   */
  lockCampaign(): Promise<AssessmentCampaign> {
    this.locked ??= this.deps.assessmentCampaigns
      .lock(this.describeCampaign())
      .catch((error: unknown) => {
        this.locked = undefined;
        throw error;
      });
    return this.locked;
  }

  /** Starts, or resumes at the first unanswered item; a submitted assessment shows its result. */
  async resume(respondent: Respondent): Promise<AssessmentView> {
    const pseudonym = await this.deps.pseudonyms.link(respondent.objectId);
    let stored = await this.deps.responses.get(pseudonym, this.campaignId);
    if (!stored) {
      const at = this.now();
      const response: AssessmentResponse = {
        pseudonym,
        campaignId: this.campaignId,
        questionnaireId: this.q.id,
        version: this.q.version,
        orgUnitPath: respondent.orgUnitPath,
        answers: {},
        choices: {},
        status: 'inProgress',
        startedAt: at,
        updatedAt: at,
      };
      try {
        await this.deps.responses.insert(response);
      } catch (error) {
        // Two devices started at once: the other insert won, read it.
        if (!(error instanceof AlreadyExistsError)) throw error;
      }
      stored = await this.deps.responses.get(pseudonym, this.campaignId);
    }
    if (!stored) throw new Error('response vanished after insert');
    return this.position(stored.value);
  }

  /** The result once submitted; else the department question, the first unanswered item or the review. */
  private async position(response: AssessmentResponse): Promise<AssessmentView> {
    if (response.status === 'submitted') return this.resultView(response);
    if (!response.orgUnitPath) return this.departmentView();
    const first = this.q.items.findIndex((item) => this.answerOf(response, item) === undefined);
    return first === -1 ? this.reviewView(response) : this.itemView(response, first);
  }

  /** The Start button of the privacy card. */
  async start(respondent: Respondent, ref: CardRef): Promise<AssessmentView> {
    return this.checkRef(ref) ?? this.resume(respondent);
  }

  /** Where the person stands without starting anything: undefined if they never started. */
  async peek(objectId: string): Promise<AssessmentView | undefined> {
    const stored = await this.deps.responses.get(this.pseudonymOf(objectId), this.campaignId);
    if (!stored) return undefined;
    return this.position(stored.value);
  }

  async chooseDepartment(
    objectId: string,
    ref: CardRef,
    department: string,
  ): Promise<AssessmentView> {
    const units = await this.deps.orgUnits.list();
    const path = units.find((u) => u.path.length === 1 && u.path[0] === department)?.path;
    if (!path) return { kind: 'invalid', reason: 'unknownDepartment' };
    return this.change(
      objectId,
      ref,
      (response) => {
        if (response.orgUnitPath) return undefined;
        return { ...response, orgUnitPath: path };
      },
      (response) => this.itemView(response, 0),
    );
  }

  async answer(
    objectId: string,
    ref: CardRef,
    itemId: string,
    value: number | boolean,
  ): Promise<AssessmentView> {
    const index = this.q.items.findIndex((item) => item.id === itemId);
    const item = this.q.items[index];
    if (!item) return { kind: 'invalid', reason: 'unknownItem' };
    const valid =
      item.type === 'likert'
        ? Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 5
        : typeof value === 'boolean';
    if (!valid) return { kind: 'invalid', reason: 'valueOutOfRange' };
    return this.change(
      objectId,
      ref,
      (response) => {
        if (this.answerOf(response, item) === value) return undefined;
        return item.type === 'likert'
          ? { ...response, answers: { ...response.answers, [item.id]: value as LikertValue } }
          : { ...response, choices: { ...response.choices, [item.id]: value as boolean } };
      },
      (response) =>
        index + 1 < this.q.items.length
          ? this.itemView(response, index + 1)
          : this.reviewView(response),
    );
  }

  /** The item before `itemId` (or the last item, from the review card). */
  async back(objectId: string, ref: CardRef, itemId: string | undefined): Promise<AssessmentView> {
    const index =
      itemId === undefined
        ? this.q.items.length
        : this.q.items.findIndex((item) => item.id === itemId);
    if (index === -1) return { kind: 'invalid', reason: 'unknownItem' };
    return this.change(
      objectId,
      ref,
      () => undefined,
      (response) => this.itemView(response, Math.max(0, index - 1)),
    );
  }

  /**
   * Stores the submission and queues it to be counted before answering: once answered, it is
   * counted at a later publication whatever happens to this process.
   */
  async submit(objectId: string, ref: CardRef): Promise<AssessmentView> {
    this.recent.delete(this.pseudonymOf(objectId));
    const refProblem = this.checkRef(ref);
    if (refProblem) return refProblem;
    await this.lockCampaign();
    const pseudonym = this.pseudonymOf(objectId);
    const outcome = await retryOnConflict(async () => {
      const stored = await this.deps.responses.get(pseudonym, this.campaignId);
      if (!stored) return undefined;
      if (stored.value.status === 'submitted') return { already: true, response: stored.value };
      const at = this.now();
      const response: AssessmentResponse = {
        ...stored.value,
        status: 'submitted',
        submittedAt: at,
        updatedAt: at,
        result: scoreAnswers(this.q, stored.value.answers),
      };
      // Queued first: the publisher counts it only once the response below says submitted (a
      // press that loses to another one leaves its row behind, and the publisher drops it).
      if (response.orgUnitPath) {
        await this.deps.aggregates.enqueue({
          campaignId: this.campaignId,
          orgUnitPath: response.orgUnitPath,
          pseudonym,
          change: 'add',
          at,
        });
      }
      await this.deps.responses.update(response, stored.etag);
      return { already: false, response };
    });
    if (!outcome) return { kind: 'invalid', reason: 'notStarted' };
    const { response } = outcome;
    // Also on a repeated press: the first one may have failed after storing the response.
    const submittedAt = response.submittedAt ?? response.updatedAt;
    await this.deps.respondents.record(pseudonym, this.campaignId, submittedAt);
    await this.deps.candidates.submitted(objectId, submittedAt, candidateOf(objectId, response));
    return outcome.already ? { kind: 'alreadySubmitted' } : this.resultView(response);
  }

  /** The person's latest submitted result, if any. */
  async result(objectId: string): Promise<AssessmentView | undefined> {
    const pseudonym = this.pseudonymOf(objectId);
    const stored = await this.deps.responses.get(pseudonym, this.campaignId);
    return stored?.value.status === 'submitted' ? this.resultView(stored.value) : undefined;
  }

  /** Everything stored about the person's assessments, for "my data". */
  async responsesOf(pseudonym: string): Promise<AssessmentResponse[]> {
    return (await this.deps.responses.ofPerson(pseudonym)).map((row) => row.value);
  }

  /**
   * Removes the person's responses; a contribution still waiting is withdrawn, a counted one is
   * queued to be taken back at the next publication of its unit. (The respondents ledger is a
   * personal-data holder of its own.)
   */
  async erase(pseudonym: string): Promise<void> {
    this.recent.delete(pseudonym);
    const rows = await this.deps.responses.ofPerson(pseudonym);
    for (const row of rows) {
      await this.takeBack(row.value);
      await this.deps.responses.delete(row);
    }
  }

  private async takeBack(response: AssessmentResponse): Promise<void> {
    const { status, result, orgUnitPath, campaignId, pseudonym } = response;
    // `aggregated: false` marks a submission an earlier version failed to count.
    if (status !== 'submitted' || !result || !orgUnitPath || response.aggregated === false) return;
    const at = response.submittedAt ?? response.updatedAt;
    const waiting = await this.deps.aggregates.pendingAdd(campaignId, orgUnitPath, pseudonym, at);
    if (waiting && (await this.deps.aggregates.dequeue(waiting))) return;
    await this.deps.aggregates.enqueue({
      campaignId,
      orgUnitPath,
      pseudonym,
      change: 'remove',
      at,
      queuedAt: this.now(),
      result,
    });
  }

  /**
   * Applies `edit` to the person's in-progress response (no write when it returns undefined) and
   * builds the next view from the stored state. Stale cards and tampered refs change nothing.
   */
  private async change(
    objectId: string,
    ref: CardRef,
    edit: (response: AssessmentResponse) => AssessmentResponse | undefined,
    view: (response: AssessmentResponse) => AssessmentView,
  ): Promise<AssessmentView> {
    const refProblem = this.checkRef(ref);
    if (refProblem) return refProblem;
    const pseudonym = this.pseudonymOf(objectId);
    let trustCache = true;
    return retryOnConflict(async () => {
      // The first try writes against the row this instance last saw; the etag catches a change
      // made elsewhere (412), and every retry reads the row afresh.
      const cached = trustCache ? this.recent.get(pseudonym) : undefined;
      trustCache = false;
      const stored = cached ?? (await this.deps.responses.get(pseudonym, this.campaignId));
      if (!stored) return { kind: 'invalid', reason: 'notStarted' } as const;
      if (stored.value.status === 'submitted') return { kind: 'alreadySubmitted' } as const;
      const edited = edit(stored.value);
      if (!edited) {
        this.recent.set(pseudonym, stored);
        return view(stored.value);
      }
      const next = { ...edited, updatedAt: this.now() };
      this.recent.delete(pseudonym);
      const etag = await this.deps.responses.update(next, stored.etag);
      this.recent.set(pseudonym, { value: next, etag });
      return view(next);
    });
  }

  /** Computed, not read: the hot path needs no lookup of the identity link. */
  private pseudonymOf(objectId: string): string {
    return this.deps.pseudonyms.pseudonymOf(objectId);
  }

  private checkRef(ref: CardRef): AssessmentView | undefined {
    if (ref.campaignId !== this.campaignId) return { kind: 'invalid', reason: 'unknownCampaign' };
    if (ref.version !== this.q.version) return { kind: 'invalid', reason: 'wrongVersion' };
    return undefined;
  }

  private answerOf(response: AssessmentResponse, item: Item): LikertValue | boolean | undefined {
    return item.type === 'likert' ? response.answers[item.id] : response.choices[item.id];
  }

  private itemView(response: AssessmentResponse, index: number): AssessmentView {
    const item = this.q.items[index]!;
    const current = this.answerOf(response, item);
    return {
      kind: 'item',
      ...this.ref(),
      item,
      index,
      total: this.q.items.length,
      ...(current !== undefined ? { current } : {}),
    };
  }

  private reviewView(response: AssessmentResponse): AssessmentView {
    const answered = this.q.items.filter(
      (item) => this.answerOf(response, item) !== undefined,
    ).length;
    return {
      kind: 'review',
      ...this.ref(),
      answered,
      total: this.q.items.length,
      answers: response.answers,
      choices: response.choices,
    };
  }

  private async departmentView(): Promise<AssessmentView> {
    const units = await this.deps.orgUnits.list();
    return {
      kind: 'department',
      ...this.ref(),
      departments: units.filter((u) => u.path.length === 1).map((u) => u.path),
    };
  }

  private resultView(response: AssessmentResponse): AssessmentView {
    const result = response.result ?? scoreAnswers(this.q, response.answers);
    return {
      kind: 'result',
      result,
      highlights: strengthsAndGrowth(this.q, result),
      submittedAt: response.submittedAt ?? response.updatedAt,
    };
  }

  private ref(): CardRef {
    return { campaignId: this.campaignId, version: this.q.version };
  }
}
