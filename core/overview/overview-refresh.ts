import type { Dashboard } from '../dashboard/dashboard';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import type { TrainingRecordsRepository } from '../facilitators/training-records.repository';
import type { FacilitatorsRepository } from '../facilitators/facilitators.repository';
import type { Idea } from '../ideas/idea';
import type { IdeasRepository } from '../ideas/ideas.repository';
import type { IdeasService } from '../ideas/ideas.service';
import type { BoardRepository } from '../labs/board.repository';
import type { LabsRepository } from '../labs/labs.repository';
import type { ThemesService } from '../labs/themes.service';
import type { Leases } from '../store/leases';
import { Periodic } from '../util/periodic';
import { facilitatorFacts, ideaFacts, labFacts, type OverviewFacts } from './overview-facts';
import type { OverviewRepository } from './overview.repository';
import { weekOf } from './weeks';

export const OVERVIEW_REFRESH_LEASE = 'overview-refresh';
/**
 * How often one instance (the lease's holder) refreshes the overview's rows: the overview lags
 * the features' writes by at most this (plus its 5 s answer cache).
 */
export const OVERVIEW_REFRESH_MS = 30_000;

export interface OverviewRefreshDeps {
  repository: OverviewRepository;
  labs: Pick<LabsRepository, 'all'>;
  board: Pick<BoardRepository, 'allTasks'>;
  themes: Pick<ThemesService, 'all'>;
  /** The refresh reads ideas from this instance's in-memory lists (only changed rows). */
  ideas: Pick<IdeasService, 'allCalls' | 'list'>;
  /** A rebuild reads the ideas' rows whole. */
  ideaRows: Pick<IdeasRepository, 'allCalls' | 'ideasOf'>;
  facilitators: Pick<FacilitatorsRepository, 'all'>;
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  trainingRecords: Pick<TrainingRecordsRepository, 'allTotals'>;
  dashboard: Pick<Dashboard, 'shownParticipants'>;
  /** The assessment campaign running now: its week is the one recorded. */
  currentCampaign: () => string;
  leases: Leases;
  owner: string;
  now?: () => Date;
}

/**
 * Keeps the overview's pre-aggregated rows: a coalesced background refresh rather than counters
 * on the features' hot paths (a vote or a task move writes nothing more, and a theme's or
 * status's counter would be one row every writer contends for). Every {@link
 * OVERVIEW_REFRESH_MS}, the instance holding the store lease {@link OVERVIEW_REFRESH_LEASE}
 * recounts from the raw rows and writes only what changed; `overview rebuild` runs the same
 * recount without the lease, so both give identical numbers. The week's participants are the
 * published pattern's, so the weeks keep what the heat map showed then (publications are not in
 * the raw rows: a rebuild rewrites the running week and keeps the earlier ones).
 */
export class OverviewRefresh {
  private readonly periodic = new Periodic(() => this.refreshIfDue());
  private readonly now: () => Date;
  private first: Promise<void> | undefined;

  constructor(private readonly deps: OverviewRefreshDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Refreshes if no instance has in the last period; whether this call did. */
  async refreshIfDue(): Promise<boolean> {
    const now = this.now().getTime();
    // A little less than the period, so the holder's next round finds it free.
    const until = now + OVERVIEW_REFRESH_MS - 1_000;
    if (!(await this.deps.leases.claim(OVERVIEW_REFRESH_LEASE, this.deps.owner, now, until))) {
      return false;
    }
    await this.write(await this.ideasInMemory());
    return true;
  }

  /** Recounts everything from the raw rows (`npm run admin -- overview rebuild`). */
  async rebuild(): Promise<void> {
    const calls = await this.deps.ideaRows.allCalls();
    const rows = await Promise.all(calls.map((call) => this.deps.ideaRows.ideasOf(call.id)));
    await this.write(rows.flat().map((row) => row.idea));
  }

  private async ideasInMemory(): Promise<Idea[]> {
    const calls = await this.deps.ideas.allCalls();
    const lists = await Promise.all(
      calls.map((call) => this.deps.ideas.list(call.id, { withHidden: false })),
    );
    return lists.flat();
  }

  private async write(ideas: readonly Idea[]): Promise<void> {
    const now = this.now();
    const [facts, weekChanged, stored] = await Promise.all([
      this.facts(ideas, now),
      this.recordWeek(now),
      this.deps.repository.readFacts(),
    ]);
    // An unchanged answer keeps its etag: every instance's cached answers stay valid.
    if (!weekChanged && stored && JSON.stringify(stored.value.facts) === JSON.stringify(facts)) {
      return;
    }
    await this.deps.repository.saveFacts({ facts, refreshedAt: now });
  }

  private async facts(ideas: readonly Idea[], now: Date): Promise<OverviewFacts> {
    const [units, themes, labs, tasks, roster, totals] = await Promise.all([
      this.deps.orgUnits.list(),
      this.deps.themes.all(),
      this.deps.labs.all(),
      this.deps.board.allTasks(),
      this.deps.facilitators.all(),
      this.deps.trainingRecords.allTotals(),
    ]);
    const year = String(now.getUTCFullYear());
    return {
      labs: labFacts(themes, labs, tasks, now),
      ideas: ideaFacts(ideas),
      facilitators: facilitatorFacts(
        units.filter((unit) => unit.path.length === 1).map((unit) => unit.path[0]!),
        roster,
        (objectId) => totals.get(objectId.toLowerCase())?.hoursByYear[year] ?? 0,
      ),
    };
  }

  /** Records the running campaign's published participants as this week's; whether it changed. */
  private async recordWeek(now: Date): Promise<boolean> {
    const campaignId = this.deps.currentCampaign();
    const { week, startsOn } = weekOf(now);
    const [shown, stored] = await Promise.all([
      this.deps.dashboard.shownParticipants(campaignId),
      this.deps.repository.week(campaignId, week),
    ]);
    if (Object.keys(shown.counts).length === 0) return false;
    const snapshot = { campaignId, week, startsOn, ...shown };
    if (
      stored &&
      JSON.stringify(stored.counts) === JSON.stringify(snapshot.counts) &&
      stored.publishedAt?.getTime() === snapshot.publishedAt?.getTime()
    ) {
      return false;
    }
    await this.deps.repository.saveWeek(snapshot);
    return true;
  }

  /** Refreshes at once (a fresh start has rows to show), then every `everyMs`. */
  start(everyMs: number, onError: (error: unknown) => void): void {
    this.first = this.refreshIfDue().then(() => undefined, onError);
    this.periodic.start(everyMs, onError);
  }

  async stop(): Promise<void> {
    await Promise.all([this.periodic.stop(), this.first]);
  }
}
