import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import type { DirectoryService } from '../directory/directory.service';
import type { DirectoryHeadcounts } from '../directory/headcounts';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import { invertedTimestamp } from '../store/keys';
import { forEachLimit } from '../util/concurrency';
import type { CandidatesRepository } from './candidates.repository';
import {
  ThresholdsSchema,
  type Candidate,
  type SelectionRound,
  type ShortlistEntry,
} from './facilitators';
import { RoundError } from './round-errors';
import type { RoundView } from './round-view';
import { isRoundId, RoundViews } from './round-views';
import type { RoundsRepository } from './rounds.repository';
import { defaultTarget, selectShortlist } from './selection';

/** The largest coverage target of one department. */
export const MAX_TARGET = 10_000;
export const REASON_LENGTH = { min: 3, max: 500 };
const NAME_LOOKUPS = 16;
/** How often the directory's import stamp is checked for new headcounts (as the directory does). */
const HEADCOUNTS_CHECK_MS = 1_000;

export interface NewRound {
  thresholds: { digitalSkills: number; motivation: number };
  targets?: Record<string, number>;
  managerApproval?: boolean;
}

export interface ShortlistChange {
  action: 'add' | 'remove';
  objectId: string;
  reason: string;
}

export interface RoundsServiceDeps {
  rounds: RoundsRepository;
  candidates: Pick<CandidatesRepository, 'all' | 'find'>;
  directory: Pick<DirectoryService, 'find'>;
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  headcounts: Pick<DirectoryHeadcounts, 'current'>;
  audit: Pick<AuditLog, 'record'>;
  now?: () => Date;
}

const isActive = (entry: ShortlistEntry | undefined): entry is ShortlistEntry =>
  entry !== undefined && entry.status !== 'removed' && entry.status !== 'withdrawn';

/**
 * Facilitator selection rounds, for admins (the caller authorises): a round is created with its
 * thresholds and targets and a shortlist chosen from the consenting candidates; until it is
 * invited, its targets change and people are added or removed by hand, each change audited
 * with the admin's reason. Refusals are {@link RoundError}s, raised before anything is written.
 */
export class RoundsService {
  private readonly now: () => Date;
<<<<<<< HEAD
  private readonly views: RoundViews;
=======
  /** Each round's view, with the version and headcounts it was built from. */
  private readonly views = new LruCache<
    string,
    { version: string; counts: UnitHeadcounts; view: RoundView }
  >(20, VIEW_MAX_AGE_MS);
  private counts: { checkedAt: number; counts: Promise<UnitHeadcounts> } | undefined;
  /** Version reads in flight: requests arriving meanwhile share one instead of queueing more. */
  private readonly versionReads = new Map<string, Promise<string | undefined>>();
>>>>>>> h-ftab

  constructor(private readonly deps: RoundsServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.views = new RoundViews(deps);
  }

  async create(actor: string, input: NewRound): Promise<SelectionRound> {
    const thresholds = ThresholdsSchema.safeParse(input.thresholds);
    if (!thresholds.success) throw new RoundError({ code: 'invalidThresholds' });
    const counts = await this.deps.headcounts.current();
    const departments = await this.departments(input.targets ?? {});
    const targets = Object.fromEntries(
      departments.map((d) => [d, input.targets?.[d] ?? defaultTarget(counts.subtree([d]))]),
    );
    const at = this.now();
    const round: SelectionRound = {
      id: `r${invertedTimestamp(at)}${randomBytes(3).toString('hex')}`,
      createdAt: at,
      createdBy: actor,
      thresholds: thresholds.data,
      targets,
      managerApproval: input.managerApproval ?? true,
    };
    const shortlist = await this.shortlistOf(round, await this.deps.candidates.all());
    await this.deps.rounds.create(round, shortlist);
    await this.deps.audit.record({
      at,
      actor,
      action: 'facilitators.round.create',
      reason: round.id,
      counts: { shortlisted: shortlist.length, departments: departments.length },
    });
    return round;
  }

  list(): Promise<SelectionRound[]> {
    return this.deps.rounds.list();
  }

<<<<<<< HEAD
  /** The round's shortlist and coverage map ({@link RoundViews}). */
  view(id: string): Promise<RoundView> {
    return this.views.view(id);
=======
  /**
   * The round's shortlist and coverage map. Built once per version of the round and import of
   * the directory on this instance: otherwise a request costs one point read (the round's
   * version, shared by the requests that arrive while it is in flight), whatever the
   * shortlist's size; an import reaches the employees counted within about a second.
   */
  async view(id: string): Promise<RoundView> {
    if (!ROUND_ID_PATTERN.test(id)) throw new RoundError({ code: 'unknownRound' });
    const [version, counts] = await Promise.all([this.deps.rounds.version(id), this.headcounts()]);
    if (version === undefined) throw new RoundError({ code: 'unknownRound' });
    const cached = this.views.get(id);
    if (cached?.version === version && cached.counts === counts) return cached.view;
    const [round, entries] = await Promise.all([
      this.deps.rounds.round(id),
      this.deps.rounds.shortlist(id),
    ]);
    if (!round) throw new RoundError({ code: 'unknownRound' });
    const view = roundView(round, entries, (department) => counts.subtree([department]));
    this.views.set(id, { version, counts, view });
    return view;
>>>>>>> h-ftab
  }

  private version(id: string): Promise<string | undefined> {
    let read = this.versionReads.get(id);
    if (!read) {
      const started = this.deps.rounds.version(id).finally(() => {
        if (this.versionReads.get(id) === started) this.versionReads.delete(id);
      });
      this.versionReads.set(id, started);
      read = started;
    }
    return read;
  }

  /** After this instance's own change: the next view reads the new version. */
  private changed(id: string): void {
    this.versionReads.delete(id);
    this.views.delete(id);
  }

  private headcounts(): Promise<UnitHeadcounts> {
    const now = this.now().getTime();
    if (!this.counts || now - this.counts.checkedAt >= HEADCOUNTS_CHECK_MS) {
      const counts = this.deps.headcounts.current();
      const entry = { checkedAt: now, counts };
      this.counts = entry;
      counts.catch(() => {
        if (this.counts === entry) this.counts = undefined;
      });
    }
    return this.counts.counts;
  }

  /** New targets for some departments (the others keep theirs), before the invitation only. */
  async changeTargets(actor: string, id: string, targets: Record<string, number>): Promise<void> {
    await this.departments(targets);
    await this.openRound(id);
    await this.deps.audit.record({
      at: this.now(),
      actor,
      action: 'facilitators.round.targets',
      reason: id,
      counts: targets,
    });
    const round = await this.deps.rounds.modifyRound(id, (current) =>
      current.invitationCampaignId
        ? undefined
        : { ...current, targets: { ...current.targets, ...targets } },
    );
<<<<<<< HEAD
    this.views.changed(id);
=======
    this.changed(id);
>>>>>>> h-ftab
    if (round?.invitationCampaignId) throw new RoundError({ code: 'alreadyInvited' });
  }

  /** Adds a consenting person by hand, or removes one, with the admin's reason in the audit log. */
  async changeShortlist(actor: string, id: string, change: ShortlistChange): Promise<void> {
    const reason = change.reason.trim();
    if (reason.length < REASON_LENGTH.min || reason.length > REASON_LENGTH.max) {
      throw new RoundError({ code: 'invalidReason' });
    }
    const objectId = change.objectId.toLowerCase();
    await this.openRound(id);
    const entry = await this.deps.rounds.entry(id, objectId);
    const at = this.now();
    let next: (current: ShortlistEntry | undefined) => ShortlistEntry | undefined;
    if (change.action === 'add') {
      const person = await this.deps.directory.find({ objectId });
      if (!person) throw new RoundError({ code: 'unknownPerson' });
      const candidate = await this.deps.candidates.find(objectId);
      if (!candidate) throw new RoundError({ code: 'notConsenting' });
      if (isActive(entry)) throw new RoundError({ code: 'alreadyShortlisted' });
      next = (current) =>
        isActive(current)
          ? undefined
          : { ...this.entryOf(id, candidate, person.displayName), reason: 'manual', changedAt: at };
    } else {
      if (!isActive(entry)) throw new RoundError({ code: 'notShortlisted' });
      next = (current) =>
        isActive(current) ? { ...current, status: 'removed', changedAt: at } : undefined;
    }
    // Audited first: a change is never stored without its entry in the log.
    await this.deps.audit.record({
      at,
      actor,
      action: `facilitators.shortlist.${change.action}`,
      reason: id,
      counts: {},
      subject: objectId,
      note: reason,
    });
    await this.deps.rounds.modifyEntry(id, objectId, next);
<<<<<<< HEAD
    this.views.changed(id);
=======
    this.changed(id);
>>>>>>> h-ftab
  }

  /** The round, refused when unknown or already invited. */
  private async openRound(id: string): Promise<SelectionRound> {
    const round = isRoundId(id) ? await this.deps.rounds.round(id) : undefined;
    if (!round) throw new RoundError({ code: 'unknownRound' });
    if (round.invitationCampaignId) throw new RoundError({ code: 'alreadyInvited' });
    return round;
  }

  /** The directory's departments, once `targets` are checked against them. */
  private async departments(targets: Record<string, number>): Promise<string[]> {
    const values = Object.values(targets);
    if (values.some((n) => !Number.isInteger(n) || n < 0 || n > MAX_TARGET)) {
      throw new RoundError({ code: 'invalidTargets' });
    }
    const departments = (await this.deps.orgUnits.list())
      .filter((unit) => unit.path.length === 1)
      .map((unit) => unit.path[0]!);
    const unknown = Object.keys(targets).filter((d) => !departments.includes(d));
    if (unknown.length > 0)
      throw new RoundError({ code: 'unknownDepartments', departments: unknown });
    return departments;
  }

  /**
   * The selection with each person's name from the directory; people no longer in it are left
   * out and the selection made again without them (a department's next best fills the place).
   */
  private async shortlistOf(
    round: SelectionRound,
    candidates: readonly Candidate[],
  ): Promise<ShortlistEntry[]> {
    const names = new Map<string, string | null>();
    for (;;) {
      const selected = selectShortlist(
        candidates.filter((c) => names.get(c.objectId) !== null),
        round.thresholds,
        round.targets,
      );
      const unknown = selected.filter(({ candidate }) => !names.has(candidate.objectId));
      if (unknown.length === 0) {
        return selected.map(({ candidate, reason }) => ({
          ...this.entryOf(round.id, candidate, names.get(candidate.objectId)!),
          reason,
        }));
      }
      await forEachLimit(unknown, NAME_LOOKUPS, async ({ candidate }) => {
        const person = await this.deps.directory.find({ objectId: candidate.objectId });
        names.set(candidate.objectId, person?.displayName ?? null);
      });
    }
  }

  private entryOf(roundId: string, candidate: Candidate, displayName: string): ShortlistEntry {
    return {
      roundId,
      objectId: candidate.objectId,
      displayName,
      department: candidate.department,
      digitalSkills: candidate.digitalSkills,
      motivation: candidate.motivation,
      interested: candidate.interested,
      reason: 'aboveThresholds',
      status: 'proposed',
      changedAt: this.now(),
    };
  }
}
