import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log';
import { inAudience } from '../delivery/audience';
import { campaignIdFor } from '../delivery/campaign';
import type { CampaignService } from '../delivery/campaign.service';
import type { RespondentsRepository } from '../delivery/respondents.repository';
import { departmentOf, type Person } from '../directory/person';
import type { DirectoryHeadcounts } from '../directory/headcounts';
import type { Pseudonyms } from '../privacy/pseudonyms';
import { shuffled, MAX_FLUSH, type SurveyAnswersRepository } from './answers.repository';
import {
  DEFAULT_OPEN_DAYS,
  pagesOf,
  parseAnswers,
  SurveyInputSchema,
  type SurveyInput,
} from './survey';
import { surveyResults, type ResultsRequest, type SurveyResultsView } from './results';
import { SurveyAnswerError, SurveyError } from './survey-errors';
import { newSurveyId, type SurveyRecord, type SurveysRepository } from './surveys.repository';
import type { SurveyTemplate } from './templates';
import { LruCache } from '../util/lru-cache';
import { Periodic } from '../util/periodic';
import { phaseOf } from './phase';

/** The message kinds of a survey card and of its reminder; their subject is the survey id. */
export const SURVEY_CARD = 'survey';
export const SURVEY_REMINDER = 'survey-reminder';

const DAY_MS = 86_400_000;
/**
 * How long a computed results view is answered again. Within this instance a view is keyed by
 * its tallies' version, so it is never older than the last write here; another instance's write
 * shows within this time, as on the dashboard.
 */
const RESULTS_TTL_MS = 5_000;

/** A computed view and the instant the survey's phase changes (it is computed again then). */
interface CachedResults {
  view: SurveyResultsView;
  until: number;
}

/**
 * How many of a department's `held` answers to write now, in steps each of at least k (its tally
 * never moves by fewer than k responses, so no two readings of the results differ by a group
 * smaller than k). While open a department keeps k held, so the answers left at close are never
 * fewer than k either; at close everything goes, in steps that fit one transaction.
 */
export function flushSteps(held: number, k: number, closing: boolean): number[] {
  if (!closing) return held >= 2 * k ? [Math.min(held - k, MAX_FLUSH)] : [];
  if (held === 0) return [];
  const parts = Math.ceil(held / MAX_FLUSH);
  return Array.from({ length: parts }, (_, i) => Math.floor((held + i) / parts));
}

/** The day of `at` (UTC midnight): the only time a survey's ledger keeps. */
export function dayOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export interface SurveyServiceDeps {
  surveys: SurveysRepository;
  answers: SurveyAnswersRepository;
  respondents: Pick<RespondentsRepository, 'record' | 'has' | 'pseudonymsOf'>;
  pseudonyms: Pick<Pseudonyms, 'find' | 'record' | 'pseudonymOf'>;
  campaigns: Pick<CampaignService, 'start' | 'remind' | 'cancel'>;
  audit: Pick<AuditLog, 'record'>;
  headcounts: Pick<DirectoryHeadcounts, 'current'>;
  templates: readonly SurveyTemplate[];
  now?: () => Date;
}

/** What a respondent's Submit did. */
export type SubmitOutcome = 'stored' | 'alreadyAnswered';

/**
 * A Submit's reads of the person's link and of the ledger (by the pseudonym the link would give),
 * started before the survey is read, so that all three go together.
 */
export interface RespondentReads {
  objectId: string;
  surveyId: string;
  expected: string;
  reads: Promise<[linked: string | undefined, answeredAsExpected: boolean]>;
}

/**
 * Pulse surveys: the programme team builds and launches them; people answer in chat. An anonymous
 * survey's answers are held sealed per department and written only in shuffled steps of at least
 * k by {@link tick} or at close, never by the request that brought them: see the README's
 * privacy section.
 */
export class SurveyService {
  readonly now: () => Date;
  private readonly periodic = new Periodic(() => this.tick());
  private readonly views = new LruCache<string, Promise<CachedResults>>(500, RESULTS_TTL_MS, () =>
    this.now().getTime(),
  );

  constructor(private readonly deps: SurveyServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  get templates(): readonly SurveyTemplate[] {
    return this.deps.templates;
  }

  async list(): Promise<SurveyRecord[]> {
    return (await this.deps.surveys.all()).sort((a, b) => (a.id < b.id ? 1 : -1));
  }

  async get(id: string): Promise<SurveyRecord> {
    const found = await this.deps.surveys.get(id);
    if (!found) throw new SurveyError('notFound');
    return found.value;
  }

  /**
   * The results a caller may see (see {@link surveyResults}), computed once per tallies' version,
   * caller's scope, department and language: the same privacy-gated view a fresh computation
   * gives at that version (each view is a cut of the survey's one suppression pattern), answered
   * again until the tallies move, the survey changes phase or {@link RESULTS_TTL_MS} passes.
   */
  async results(id: string, request: ResultsRequest): Promise<SurveyResultsView> {
    const key = JSON.stringify([
      id,
      this.deps.answers.version(id),
      request.scope,
      request.department ?? null,
      request.locale,
    ]);
    const load = () => this.freshResults(id, request);
    let cached = await this.views.getOrLoad(key, load);
    if (cached.until <= this.now().getTime()) {
      this.views.delete(key);
      cached = await this.views.getOrLoad(key, load);
    }
    return cached.view;
  }

  private async freshResults(id: string, request: ResultsRequest): Promise<CachedResults> {
    const survey = await this.get(id);
    const headcounts = await this.deps.headcounts.current();
    const now = this.now();
    const view = await surveyResults(
      survey,
      { answers: this.deps.answers, headcounts, now },
      request,
    );
    const phase = phaseOf(survey, now);
    const next = phase === 'scheduled' ? survey.opensAt : phase === 'open' ? survey.closesAt : null;
    const until = next?.getTime() ?? Infinity;
    return { view, until };
  }

  /** The tallies computed again from the stored answers (they must give the same numbers). */
  async rebuild(id: string): Promise<void> {
    const survey = await this.get(id);
    await this.deps.answers.rebuild(id, survey.questions);
  }

  /** How many people have submitted (the ledger's rows for the survey). */
  async responded(id: string): Promise<number> {
    return (await this.deps.respondents.pseudonymsOf(id)).size;
  }

  async create(input: unknown, by: string): Promise<SurveyRecord> {
    const parsed = SurveyInputSchema.parse(input);
    const now = this.now();
    const survey: SurveyRecord = {
      ...parsed,
      id: newSurveyId(now),
      createdAt: now,
      createdBy: by,
      revision: 1,
      remindersSent: 0,
      reminderCampaignIds: [],
    };
    await this.deps.surveys.insert(survey);
    return survey;
  }

  /** Replaces a draft's content (questions, audience, dates…); refused once launched. */
  async update(id: string, input: unknown): Promise<SurveyRecord> {
    const parsed: SurveyInput = SurveyInputSchema.parse(input);
    await this.get(id);
    const updated = await this.deps.surveys.modify(id, (current) => {
      if (current.launchedAt) throw new SurveyError('launched');
      const { createdAt, createdBy, revision, remindersSent, reminderCampaignIds } = current;
      return {
        ...parsed,
        id,
        createdAt,
        createdBy,
        revision: revision + 1,
        remindersSent,
        reminderCampaignIds,
      };
    });
    return updated!;
  }

  /**
   * Locks the survey (questions, k, dates) and starts its card's campaign, sent from the opening
   * date. The campaign id is recorded first, so a retry starts the same campaign.
   */
  async launch(id: string, by: string): Promise<SurveyRecord> {
    const now = this.now();
    const before = await this.get(id);
    if (before.launchedAt) throw new SurveyError('launched');
    const opensAt = before.opensAt && before.opensAt > now ? before.opensAt : now;
    const closesAt = before.closesAt ?? new Date(opensAt.getTime() + DEFAULT_OPEN_DAYS * DAY_MS);
    if (closesAt <= now) throw new SurveyError('datesPast');
    const launched = (await this.deps.surveys.modify(id, (current) => {
      if (current.launchedAt) throw new SurveyError('launched');
      return {
        ...current,
        opensAt,
        closesAt,
        reminders: current.reminders.filter((at) => at > now && at < closesAt),
        launchedAt: now,
        campaignId: campaignIdFor(now, `survey:${id}`),
      };
    }))!;
    await this.deps.campaigns.start({
      kind: SURVEY_CARD,
      subject: id,
      audience: launched.audience,
      createdBy: by,
      id: launched.campaignId!,
      notBefore: opensAt,
    });
    await this.audit(by, 'survey.launch', id);
    return launched;
  }

  /** Sends a reminder now to whoever got the card and has not answered. */
  async remind(id: string, by: string): Promise<string> {
    const survey = await this.get(id);
    if (phaseOf(survey, this.now()) !== 'open') throw new SurveyError('closed');
    const reminder = await this.deps.campaigns.remind(survey.campaignId!, 0, by);
    await this.deps.surveys.modify(id, (current) => ({
      ...current,
      reminderCampaignIds: [...current.reminderCampaignIds, reminder.id],
    }));
    await this.audit(by, 'survey.remind', id);
    return reminder.id;
  }

  /** Closes a launched survey now and writes every answer it still holds. */
  async close(id: string, by: string): Promise<SurveyRecord> {
    const survey = await this.get(id);
    if (!survey.launchedAt) throw new SurveyError('notLaunched');
    if (survey.closedAt) throw new SurveyError('closed');
    const now = this.now();
    await this.deps.surveys.modify(id, (current) =>
      current.closedAt ? undefined : { ...current, closedAt: now },
    );
    this.views.clear();
    try {
      await this.deps.campaigns.cancel(survey.campaignId!);
    } catch {
      // Already completed: every card went out.
    }
    await this.audit(by, 'survey.close', id);
    return this.finalise(id);
  }

  /** The survey for a card's page: refused when it is not open or the card is stale. */
  async answerable(id: string, revision: number): Promise<SurveyRecord> {
    const found = await this.deps.surveys.get(id);
    if (!found || !found.value.launchedAt) throw new SurveyError('stale');
    const survey = found.value;
    if (survey.revision !== revision) throw new SurveyError('stale');
    const phase = phaseOf(survey, this.now());
    if (phase === 'closed') throw new SurveyError('closed');
    if (phase === 'scheduled') throw new SurveyError('notOpenYet');
    return survey;
  }

  /** Starts a Submit's reads of the person (see {@link RespondentReads}). */
  respondentReads(objectId: string, surveyId: string): RespondentReads {
    const expected = this.deps.pseudonyms.pseudonymOf(objectId);
    const reads = Promise.all([
      this.deps.pseudonyms.find(objectId),
      this.deps.respondents.has(expected, surveyId),
    ]);
    // Awaited by submit; a card refused before it is never awaited, and its failure means nothing.
    reads.catch(() => undefined);
    return { objectId, surveyId, expected, reads };
  }

  /** Checks one page's answers (nothing written): they go back in the card's data. */
  checkPage(survey: SurveyRecord, page: number, raw: Record<string, unknown>): void {
    const ids = pagesOf(survey.questions)[page];
    if (!ids) throw new SurveyError('stale');
    this.parse(survey, ids, raw);
  }

  /**
   * Stores a whole response to `survey` (as {@link answerable} gave it: open, the card's revision).
   * Anonymous: held sealed in its department's pool (never written as an answer row here), then
   * the ledger; identified: the row and its tally, then the ledger. A second Submit is refused
   * kindly; a Submit retried after a failure (same nonce) holds once. Two reads (the person's
   * link, the ledger: `started` when the caller began them beside the survey's) go together;
   * then the answer is held (one write, no read) beside the link's first recording; the ledger
   * row comes last, once the answer is stored: a crash in between leaves an answer the retry
   * holds again in the same place, never a ledger row without its answer.
   */
  async submit(input: {
    survey: SurveyRecord;
    nonce: string;
    objectId: string;
    person: Person | undefined;
    answers: Record<string, unknown>;
    started?: RespondentReads;
  }): Promise<SubmitOutcome> {
    const { survey } = input;
    if (!input.person || !inAudience(survey.audience, input.person, () => false)) {
      throw new SurveyError('stale');
    }
    const answers = this.parse(
      survey,
      survey.questions.map((q) => q.id),
      input.answers,
    );
    const department = departmentOf(input.person);
    const { started } = input;
    const { expected, reads } =
      started?.surveyId === survey.id && started.objectId === input.objectId
        ? started
        : this.respondentReads(input.objectId, survey.id);
    // The pseudonym the link holds is `expected`, unless it was made under an earlier secret.
    const [linked, answeredAsExpected] = await reads;
    const pseudonym = linked ?? expected;
    const answered =
      pseudonym === expected
        ? answeredAsExpected
        : await this.deps.respondents.has(pseudonym, survey.id);
    if (answered) return 'alreadyAnswered';
    await Promise.all([
      survey.anonymous
        ? this.deps.answers.hold(survey.id, { nonce: input.nonce, department, answers })
        : this.deps.answers.storeIdentified(survey.id, survey.questions, {
            department,
            answers,
            respondent: pseudonym,
          }),
      linked ? undefined : this.deps.pseudonyms.record(input.objectId),
    ]);
    await this.deps.respondents.record(pseudonym, survey.id, dayOf(this.now()));
    return 'stored';
  }

  /**
   * The periodic work, safe on every instance at once (every write is etag-conditional): closes
   * surveys past their date and writes what they hold, writes open surveys' ready steps, and
   * starts due reminders (each claimed on the survey row before it is started: at most once).
   */
  async tick(): Promise<void> {
    const now = this.now();
    for (const survey of await this.deps.surveys.all()) {
      if (!survey.launchedAt) continue;
      const phase = phaseOf(survey, now);
      if (phase === 'closed') {
        if (!survey.flushedAt) {
          if (!survey.closedAt) {
            await this.deps.surveys.modify(survey.id, (current) =>
              current.closedAt ? undefined : { ...current, closedAt: current.closesAt ?? now },
            );
          }
          await this.finalise(survey.id);
        }
        continue;
      }
      if (phase !== 'open') continue;
      if (survey.anonymous) await this.flush(survey, false);
      await this.remindIfDue(survey, now);
    }
  }

  private async remindIfDue(survey: SurveyRecord, now: Date): Promise<void> {
    const due = survey.reminders[survey.remindersSent];
    if (!due || due > now) return;
    let claimed = false;
    await this.deps.surveys.modify(survey.id, (current) => {
      claimed = current.remindersSent === survey.remindersSent;
      return claimed ? { ...current, remindersSent: current.remindersSent + 1 } : undefined;
    });
    if (!claimed) return;
    const reminder = await this.deps.campaigns.remind(survey.campaignId!, 0, SYSTEM_ACTOR);
    await this.deps.surveys.modify(survey.id, (current) => ({
      ...current,
      reminderCampaignIds: [...current.reminderCampaignIds, reminder.id],
    }));
  }

  /** Writes everything a closed survey still holds, then marks its results final. */
  private async finalise(id: string): Promise<SurveyRecord> {
    const survey = await this.get(id);
    if (survey.anonymous) await this.flush(survey, true);
    const final = (await this.deps.surveys.modify(id, (current) =>
      current.flushedAt ? undefined : { ...current, flushedAt: this.now() },
    ))!;
    this.views.clear();
    return final;
  }

  private async flush(survey: SurveyRecord, closing: boolean): Promise<void> {
    const held = await this.deps.answers.heldCounts(survey.id);
    for (const [department, count] of held) {
      for (const size of flushSteps(count, survey.k, closing)) {
        await this.deps.answers.flush(survey.id, department, survey.questions, (all) =>
          shuffled(all)
            .slice(0, closing ? all.length : size)
            .slice(0, size),
        );
      }
    }
  }

  private parse(survey: SurveyRecord, ids: readonly string[], raw: Record<string, unknown>) {
    const parsed = parseAnswers(survey.questions, ids, raw);
    if ('problem' in parsed) {
      const { problem } = parsed;
      const index =
        'question' in problem ? survey.questions.findIndex((q) => q.id === problem.question) : -1;
      throw new SurveyAnswerError(problem, index >= 0 ? index + 1 : undefined);
    }
    return parsed.answers;
  }

  private async audit(actor: string, action: string, surveyId: string): Promise<void> {
    await this.deps.audit.record({ at: this.now(), actor, action, reason: surveyId, counts: {} });
  }
}

/** A fresh nonce for a card's Submit (random; it identifies a submission, never a person). */
export function newNonce(): string {
  return randomBytes(9).toString('base64url');
}
