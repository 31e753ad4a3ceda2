import type { AssessmentService } from '../assessment/assessment.service';
import type { AuditLog } from '../audit/audit-log';
import type { DirectoryService } from '../directory/directory.service';
import type { Person } from '../directory/person';
import { forEachLimit } from '../util/concurrency';
import { parseCompletionsCsv, type CompletionLine } from './completions-csv';
import type { Facilitator } from './facilitators';
import type { FacilitatorsRepository } from './facilitators.repository';
import type { TrainingCatalogue, TrainingModule } from './training-catalogue';
import { TrainingError, TrainingImportError, type LineProblem } from './training-errors';
import {
  trainingPath,
  trainingProgress,
  type TrainingPath,
  type TrainingProgress,
  type TrainingRecord,
} from './training-path';
import type { TrainingRecordsRepository } from './training-records.repository';

/** Dates are the programme's calendar days: "today" is today in Italy. */
const PROGRAMME_TIME_ZONE = 'Europe/Rome';
/** Directory reads at once when the roster is named. */
const DIRECTORY_CONCURRENCY = 16;

/** One facilitator as the programme team's roster shows them: hours, never their path. */
export interface RosterEntry extends TrainingProgress {
  objectId: string;
  displayName: string | undefined;
  upn: string | undefined;
  department: string;
  since: Date;
}

export interface Completion {
  moduleId: string;
  date: string;
  hours: number;
}

export interface TrainingDeps {
  catalogue: TrainingCatalogue;
  records: TrainingRecordsRepository;
  facilitators: Pick<FacilitatorsRepository, 'all' | 'find'>;
  assessment: Pick<AssessmentService, 'result'>;
  directory: Pick<DirectoryService, 'find'>;
  audit: Pick<AuditLog, 'record'>;
  /** Yearly hours per facilitator (config `TRAINING_TARGET_HOURS`). */
  targetHours: number;
  now?: () => Date;
}

/** The facilitators' training: each one's path, what they completed, the roster for HR. */
export class TrainingService {
  private readonly now: () => Date;

  constructor(private readonly deps: TrainingDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  get catalogue(): TrainingCatalogue {
    return this.deps.catalogue;
  }

  get targetHours(): number {
    return this.deps.targetHours;
  }

  /** The caller's path; only a facilitator has one. */
  async path(objectId: string): Promise<TrainingPath> {
    const facilitator = await this.facilitator(objectId);
    const [view, records] = await Promise.all([
      this.deps.assessment.result(objectId),
      this.deps.records.ofPerson(objectId),
    ]);
    const growth = view?.kind === 'result' ? view.highlights.growth.map((g) => g.dimension) : [];
    return trainingPath({
      catalogue: this.deps.catalogue,
      growth,
      records,
      target: this.deps.targetHours,
      since: facilitator.since,
      now: this.now(),
    });
  }

  /** Marks a module done by the facilitator themselves, and answers their refreshed path. */
  async markDone(objectId: string, completion: Completion): Promise<TrainingPath> {
    await this.facilitator(objectId);
    this.module(completion.moduleId);
    if (completion.date > this.today()) throw new TrainingError('futureDate');
    await this.deps.records.record(objectId, [
      { ...completion, source: 'self', recordedAt: this.now() },
    ]);
    return this.path(objectId);
  }

  /** Every facilitator with their hours this year, by department then name. */
  async roster(): Promise<RosterEntry[]> {
    const [facilitators, totals] = await Promise.all([
      this.rosterPeople(),
      this.deps.records.allTotals(),
    ]);
    const now = this.now();
    const year = String(now.getUTCFullYear());
    const entries = facilitators.map(({ facilitator, person }): RosterEntry => {
      const hoursDone = totals.get(facilitator.objectId.toLowerCase())?.hoursByYear[year] ?? 0;
      return {
        objectId: facilitator.objectId,
        displayName: person?.displayName,
        upn: person?.upn,
        department: facilitator.department,
        since: facilitator.since,
        ...trainingProgress({
          hoursDone,
          target: this.deps.targetHours,
          since: facilitator.since,
          now,
        }),
      };
    });
    const key = (e: RosterEntry) => `${e.department}\u0000${e.displayName ?? e.objectId}`;
    return entries.sort((a, b) => key(a).localeCompare(key(b)));
  }

  /**
   * The facilitators behind schedule now (the monthly nudge's recipients): the roster and the
   * totals, two reads, whatever the number of facilitators.
   */
  async behindSchedule(): Promise<Set<string>> {
    const [facilitators, totals] = await Promise.all([
      this.deps.facilitators.all(),
      this.deps.records.allTotals(),
    ]);
    const now = this.now();
    const year = String(now.getUTCFullYear());
    return new Set(
      facilitators
        .filter(
          (f) =>
            trainingProgress({
              hoursDone: totals.get(f.objectId.toLowerCase())?.hoursByYear[year] ?? 0,
              target: this.deps.targetHours,
              since: f.since,
              now,
            }).behindSchedule,
        )
        .map((f) => f.objectId.toLowerCase()),
    );
  }

  /**
   * Imports completions from the training platform's CSV (person, module, date, hours), all or
   * nothing: every line is checked first (format, a facilitator by object id or UPN, a module of
   * the catalogue, not in the future, each person and module once) and any refused line refuses
   * the file with every line's reason. Each person's lines are then written in one transaction;
   * the file can be imported again safely (a record per person and module is replaced, not
   * added), so a write interrupted half-way is completed by importing the same file again.
   */
  async importCompletions(
    csv: string,
    importedBy: string,
  ): Promise<{ lines: number; people: number }> {
    const parsed = parseCompletionsCsv(csv);
    if (!parsed.ok) throw new TrainingImportError(parsed.problems);
    const byPerson = await this.resolve(parsed.lines);
    const recordedAt = this.now();
    await forEachLimit([...byPerson], 4, ([objectId, lines]) =>
      this.deps.records.record(
        objectId,
        lines.map(({ moduleId, date, hours }) => ({
          moduleId,
          date,
          hours,
          source: 'import' as const,
          recordedAt,
        })),
      ),
    );
    const counts = { lines: parsed.lines.length, people: byPerson.size };
    await this.deps.audit.record({
      at: recordedAt,
      actor: importedBy,
      action: 'training.import',
      reason: 'training.completions',
      counts,
    });
    return counts;
  }

  /** The person's records, for "my data". */
  recordsOf(objectId: string): Promise<TrainingRecord[]> {
    return this.deps.records.ofPerson(objectId);
  }

  /** Today in the programme's time zone, `YYYY-MM-DD`. */
  today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAMME_TIME_ZONE }).format(this.now());
  }

  private async resolve(lines: readonly CompletionLine[]): Promise<Map<string, CompletionLine[]>> {
    const people = await this.rosterPeople();
    const ids = new Map<string, string>();
    for (const { facilitator, person } of people) {
      const id = facilitator.objectId.toLowerCase();
      ids.set(id, id);
      if (person?.upn) ids.set(person.upn.toLowerCase(), id);
    }
    const today = this.today();
    const problems: LineProblem[] = [];
    const seen = new Map<string, number>();
    const byPerson = new Map<string, CompletionLine[]>();
    for (const line of lines) {
      const objectId = ids.get(line.person);
      const earlier = objectId && seen.get(`${objectId}|${line.moduleId}`);
      const reason = !objectId
        ? 'notFacilitator'
        : !this.deps.catalogue.modules.some((m) => m.id === line.moduleId)
          ? 'unknownModule'
          : line.date > today
            ? 'futureDate'
            : earlier
              ? 'duplicate'
              : undefined;
      if (reason) {
        problems.push({ line: line.line, reason, ...(earlier ? { sameAs: earlier } : {}) });
        continue;
      }
      seen.set(`${objectId}|${line.moduleId}`, line.line);
      byPerson.set(objectId!, [...(byPerson.get(objectId!) ?? []), line]);
    }
    if (problems.length > 0) throw new TrainingImportError(problems);
    return byPerson;
  }

  private async rosterPeople(): Promise<{ facilitator: Facilitator; person?: Person }[]> {
    const facilitators = await this.deps.facilitators.all();
    const found: { facilitator: Facilitator; person?: Person }[] = [];
    await forEachLimit(facilitators, DIRECTORY_CONCURRENCY, async (facilitator) => {
      const person = await this.deps.directory.find({ objectId: facilitator.objectId });
      found.push({ facilitator, ...(person ? { person } : {}) });
    });
    return found;
  }

  private async facilitator(objectId: string): Promise<Facilitator> {
    const facilitator = await this.deps.facilitators.find(objectId);
    if (!facilitator) throw new TrainingError('notFacilitator');
    return facilitator;
  }

  private module(id: string): TrainingModule {
    const module = this.deps.catalogue.modules.find((m) => m.id === id);
    if (!module) throw new TrainingError('unknownModule');
    return module;
  }
}
