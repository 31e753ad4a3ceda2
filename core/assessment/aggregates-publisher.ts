import { formatOrgUnitPath } from '../directory/person';
import type { Publications } from '../privacy/publication';
import { hiddenUnits, suppress, type PrivacyPolicy } from '../privacy/suppression';
import { MAX_BATCH, type Stored } from '../store/entity-table';
import { ConcurrencyError } from '../store/errors';
import { forEachLimit } from '../util/concurrency';
import {
  addResult,
  addValues,
  contributionOf,
  emptyValues,
  type AggregateRow,
  type AggregateValues,
} from './aggregates';
import {
  AggregatesRepository,
  type AggregatesOperation,
  type PendingContribution,
} from './aggregates.repository';
import { candidates, readySteps, type Contribution } from './aggregates-steps';
import type { AssessmentCampaignsRepository } from './assessment-campaigns.repository';
import type { ResponsesRepository } from './responses.repository';
import type { AssessmentResult } from './scoring';
import { Periodic } from '../util/periodic';

/** The publication scope of an assessment campaign's aggregates. */
export const publicationScope = (campaignId: string): string => `assessment|${campaignId}`;

/** A waiting submission whose response never became submitted (its request failed midway). */
const ORPHAN_AFTER_MS = 15 * 60_000;
const READ_CONCURRENCY = 16;

export interface PublishOutcome {
  campaignId: string;
  /** Contributions counted (or taken back) by this publication. */
  counted: number;
  /** Contributions still waiting for enough others in their unit. */
  waiting: number;
}

/**
 * Counts waiting contributions into the aggregates, a unit at a time and only in steps of at
 * least k people (per dimension too), so that two screens before and after a publication differ
 * by no fewer than k people's answers anywhere; the publication keeps every pattern's hidden
 * units for the next. Any instance may run it; one publication of a campaign runs at a time.
 */
export class AggregatesPublisher {
  private readonly now: () => Date;
  private readonly periodic = new Periodic(() => this.publishAll());

  constructor(
    private readonly deps: {
      aggregates: AggregatesRepository;
      responses: ResponsesRepository;
      assessmentCampaigns: AssessmentCampaignsRepository;
      publications: Publications;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Publishes every `everyMs` until {@link stop}; a failed round is reported and retried. */
  start(everyMs: number, onError: (error: unknown) => void): void {
    this.periodic.start(everyMs, onError);
  }

  /** Lets a running round finish (a publication is never left half-written by a stop). */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** Every campaign with locked thresholds (only those can have waiting contributions). */
  async publishAll(): Promise<PublishOutcome[]> {
    const outcomes: PublishOutcome[] = [];
    for (const campaign of await this.deps.assessmentCampaigns.list()) {
      outcomes.push(await this.publish(campaign.id, campaign.policy));
    }
    return outcomes;
  }

  async publish(campaignId: string, policy: PrivacyPolicy): Promise<PublishOutcome> {
    const pending = await this.deps.aggregates.pending(campaignId);
    // Only units where k people wait are worth the response reads that resolving costs.
    const { units, orphans } = await this.resolve(candidates(pending, policy.k));
    for (const orphan of orphans) {
      try {
        await this.deps.aggregates.dequeue(orphan);
      } catch (error) {
        // Written again meanwhile by the same submission: no longer an orphan.
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    const ready = [...units.values()].flatMap((people) => readySteps(people, policy.k));
    const waiting = pending.length - orphans.length;
    if (ready.length === 0) return { campaignId, counted: 0, waiting };
    let counted: Contribution[] = [];
    await this.deps.publications.publish(
      publicationScope(campaignId),
      async () => {
        counted = await this.apply(campaignId, ready);
      },
      (hidden) => this.patterns(campaignId, policy, hidden),
    );
    const rows = counted.reduce((sum, c) => sum + c.rows.length, 0);
    return { campaignId, counted: rows, waiting: waiting - rows };
  }

  /**
   * Recomputes the cells from the stored results, as one publication: every submitted result
   * except those still waiting, plus the erased ones still waiting to be taken back (so the cells
   * equal the incremental ones). Submissions an earlier version failed to count are queued to be
   * counted like new ones. Undefined if a publication of the campaign is running: try again.
   */
  async rebuild(
    campaignId: string,
    policy: PrivacyPolicy,
  ): Promise<{ responses: number; rows: number; queued: number } | undefined> {
    const summary = { responses: 0, rows: 0, queued: 0 };
    const published = await this.deps.publications.publish(
      publicationScope(campaignId),
      async () => {
        const totals = new Map<string, AggregateRow>();
        const pending = await this.deps.aggregates.pending(campaignId);
        const waiting = new Set(
          pending
            .filter(({ value }) => value.change === 'add')
            .map(({ value }) => `${value.pseudonym}|${value.at.getTime()}`),
        );
        for (const { value } of pending) {
          if (value.change === 'remove' && value.result)
            addResult(totals, campaignId, value.orgUnitPath, value.result);
        }
        for await (const row of this.deps.responses.submitted(campaignId)) {
          const { pseudonym, result, orgUnitPath } = row.value;
          if (!result || !orgUnitPath) continue;
          const at = row.value.submittedAt ?? row.value.updatedAt;
          if (row.value.aggregated === false) {
            await this.deps.aggregates.enqueue({
              campaignId,
              orgUnitPath,
              pseudonym,
              change: 'add',
              at,
            });
            await this.deps.responses.update({ ...row.value, aggregated: undefined }, row.etag);
            summary.queued++;
          } else if (!waiting.has(`${pseudonym}|${at.getTime()}`)) {
            addResult(totals, campaignId, orgUnitPath, result);
            summary.responses++;
          }
        }
        summary.rows = totals.size;
        await this.deps.aggregates.replaceCampaign(campaignId, [...totals.values()]);
      },
      (hidden) => this.patterns(campaignId, policy, hidden),
    );
    return published ? summary : undefined;
  }

  /** Every dimension's hidden units for the cells as they are now, starting from `hidden`. */
  async patterns(
    campaignId: string,
    policy: PrivacyPolicy,
    hidden: ReadonlyMap<string, ReadonlySet<string>>,
  ): Promise<Map<string, string[]>> {
    const cells = await this.deps.aggregates.campaign(campaignId);
    const dimensions = new Set([...hidden.keys(), ...cells.map((cell) => cell.dimension)]);
    return new Map(
      [...dimensions].map((dimension) => [
        dimension,
        hiddenUnits(
          suppress(
            cells.filter((cell) => cell.dimension === dimension),
            policy,
            hidden.get(dimension),
          ),
        ),
      ]),
    );
  }

  /** Groups waiting rows by unit and person; a submission counts only once its response is. */
  private async resolve(pending: Stored<PendingContribution>[]): Promise<{
    units: Map<string, Contribution[]>;
    orphans: Stored<PendingContribution>[];
  }> {
    const orphans: Stored<PendingContribution>[] = [];
    const resolved: ({ row: Stored<PendingContribution>; result: AssessmentResult } | undefined)[] =
      [];
    await forEachLimit([...pending.entries()], READ_CONCURRENCY, async ([i, row]) => {
      resolved[i] = await this.resolveOne(row, orphans);
    });
    const units = new Map<string, Map<string, Contribution>>();
    for (const found of resolved) {
      if (!found) continue;
      const { row, result } = found;
      const unit = formatOrgUnitPath(row.value.orgUnitPath);
      const people = units.get(unit) ?? new Map<string, Contribution>();
      units.set(unit, people);
      const person = people.get(row.value.pseudonym) ?? {
        pseudonym: row.value.pseudonym,
        rows: [],
        deltas: new Map<string, AggregateValues>(),
      };
      people.set(row.value.pseudonym, person);
      person.rows.push(row);
      const sign = row.value.change === 'add' ? 1 : -1;
      for (const [dimension, delta] of contributionOf(result, sign)) {
        person.deltas.set(
          dimension,
          addValues(person.deltas.get(dimension) ?? emptyValues(), delta),
        );
      }
    }
    return {
      units: new Map([...units].map(([unit, people]) => [unit, [...people.values()]])),
      orphans,
    };
  }

  private async resolveOne(
    row: Stored<PendingContribution>,
    orphans: Stored<PendingContribution>[],
  ): Promise<{ row: Stored<PendingContribution>; result: AssessmentResult } | undefined> {
    const { value } = row;
    if (value.change === 'remove') return value.result ? { row, result: value.result } : undefined;
    const { pseudonym, campaignId, at, orgUnitPath } = value;
    const response = (await this.deps.responses.get(pseudonym, campaignId))?.value;
    if (response?.status === 'submitted') {
      const same =
        response.submittedAt?.getTime() === at.getTime() &&
        response.orgUnitPath &&
        formatOrgUnitPath(response.orgUnitPath) === formatOrgUnitPath(orgUnitPath);
      if (same && response.result) return { row, result: response.result };
      // Queued by an attempt that lost to another submission of the same response.
      orphans.push(row);
    } else if (!response || this.now().getTime() - at.getTime() > ORPHAN_AFTER_MS) {
      // Erased, or its submission failed before the response was stored.
      orphans.push(row);
    }
    return undefined;
  }

  /**
   * Counts each step in one transaction with the removal of its waiting rows (so nothing is
   * counted twice); steps of small units share a transaction. Stops at the first conflict (an
   * erasure or another writer): what is left waits for the next publication.
   */
  private async apply(campaignId: string, steps: Contribution[][]): Promise<Contribution[]> {
    const cells = new Map<string, Stored<AggregateRow>>();
    for (const cell of await this.deps.aggregates.cells(campaignId))
      cells.set(keyOf(cell.value), cell);
    const counted: Contribution[] = [];
    let batch: {
      operations: AggregatesOperation[];
      rows: (AggregateRow | undefined)[];
      people: Contribution[];
    } = {
      operations: [],
      rows: [],
      people: [],
    };
    const flush = async (): Promise<void> => {
      if (batch.operations.length === 0) return;
      await this.deps.aggregates.commit(batch.operations);
      await forEachLimit(
        batch.rows.filter((row) => row !== undefined),
        READ_CONCURRENCY,
        async (row) => {
          const stored = await this.deps.aggregates.cell(row);
          if (stored) cells.set(keyOf(row), stored);
          else cells.delete(keyOf(row));
        },
      );
      counted.push(...batch.people);
      batch = { operations: [], rows: [], people: [] };
    };
    try {
      for (const step of steps) {
        let next = this.stepOperations(campaignId, step, cells);
        const touchesBatch = next.rows.some(
          (row) => row && batch.rows.some((other) => other && keyOf(other) === keyOf(row)),
        );
        if (touchesBatch || batch.operations.length + next.operations.length > MAX_BATCH) {
          await flush();
          // Built again from the cells as the flush left them.
          next = this.stepOperations(campaignId, step, cells);
        }
        batch.operations.push(...next.operations);
        batch.rows.push(...next.rows);
        batch.people.push(...step);
      }
      await flush();
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
    return counted;
  }

  /** A step's cell writes (rows aligned with operations; undefined for a waiting row). */
  private stepOperations(
    campaignId: string,
    step: Contribution[],
    cells: ReadonlyMap<string, Stored<AggregateRow>>,
  ): { operations: AggregatesOperation[]; rows: (AggregateRow | undefined)[] } {
    const operations: AggregatesOperation[] = [];
    const rows: (AggregateRow | undefined)[] = [];
    const unit = step[0]!.rows[0]!.value.orgUnitPath;
    const deltas = new Map<string, AggregateValues>();
    for (const person of step) {
      for (const [dimension, delta] of person.deltas)
        deltas.set(dimension, addValues(deltas.get(dimension) ?? emptyValues(), delta));
    }
    for (const [dimension, delta] of deltas) {
      const key = { campaignId, orgUnitPath: unit, dimension };
      const current = cells.get(keyOf(key));
      const next: AggregateRow = { ...key, ...addValues(current?.value ?? emptyValues(), delta) };
      if (!current) operations.push(AggregatesRepository.insertCell(next));
      else if (next.count === 0) operations.push(AggregatesRepository.deleteCell(next));
      else operations.push(AggregatesRepository.updateCell(next, current.etag));
      rows.push(next);
    }
    for (const person of step) {
      for (const row of person.rows) {
        operations.push(AggregatesRepository.counted(row.value));
        rows.push(undefined);
      }
    }
    return { operations, rows };
  }
}

const keyOf = (key: { dimension: string; orgUnitPath: readonly string[] }): string =>
  `${key.dimension}|${formatOrgUnitPath([...key.orgUnitPath])}`;
