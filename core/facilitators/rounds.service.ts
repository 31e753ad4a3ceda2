import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import type { DirectoryService } from '../directory/directory.service';
import type { DirectoryHeadcounts } from '../directory/headcounts';
import type { OrgUnitsRepository } from '../directory/org-units.repository';
import { invertedTimestamp } from '../store/keys';
import type { CandidatesRepository } from './candidates.repository';
import { ThresholdsSchema, type SelectionRound, type ShortlistEntry } from './facilitators';
import { RoundError } from './round-errors';
import { shortlistEntry, type RoundPreparation } from './round-preparation';
import type { RoundView } from './round-view';
import { isRoundId, RoundViews } from './round-views';
import type { RoundsRepository } from './rounds.repository';

/** The largest coverage target of one department. */
export const MAX_TARGET = 10_000;
export const REASON_LENGTH = { min: 3, max: 500 };

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
  candidates: Pick<CandidatesRepository, 'find'>;
  directory: Pick<DirectoryService, 'find'>;
  orgUnits: Pick<OrgUnitsRepository, 'list'>;
  headcounts: Pick<DirectoryHeadcounts, 'current'>;
  audit: Pick<AuditLog, 'record'>;
  /** Builds a new round's shortlist in the background. */
  preparation: Pick<RoundPreparation, 'begin'>;
  now?: () => Date;
}

const isActive = (entry: ShortlistEntry | undefined): entry is ShortlistEntry =>
  entry !== undefined && entry.status !== 'removed' && entry.status !== 'withdrawn';

/**
 * Facilitator selection rounds, for admins (the caller authorises): a round is created with its
 * thresholds and targets, and its shortlist chosen from the consenting candidates in the
 * background; once it is ready and until it is invited, its targets change and people are added or removed by hand, each change audited
 * with the admin's reason. Refusals are {@link RoundError}s, raised before anything is written.
 */
export class RoundsService {
  private readonly now: () => Date;
  private readonly views: RoundViews;

  constructor(private readonly deps: RoundsServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.views = new RoundViews(deps);
  }

  /**
   * Creates the round `preparing` and starts its preparation in the background
   * ({@link RoundPreparation}): its default targets and shortlist are there once it is ready.
   */
  async create(actor: string, input: NewRound): Promise<SelectionRound> {
    const thresholds = ThresholdsSchema.safeParse(input.thresholds);
    if (!thresholds.success) throw new RoundError({ code: 'invalidThresholds' });
    const departments = await this.departments(input.targets ?? {});
    const at = this.now();
    const round: SelectionRound = {
      id: `r${invertedTimestamp(at)}${randomBytes(3).toString('hex')}`,
      createdAt: at,
      createdBy: actor,
      thresholds: thresholds.data,
      // The departments left out get their default with the shortlist (a count of everyone).
      targets: input.targets ?? {},
      managerApproval: input.managerApproval ?? true,
      preparing: { done: 0, total: 0 },
    };
    await this.deps.rounds.create(round);
    await this.deps.audit.record({
      at,
      actor,
      action: 'facilitators.round.create',
      reason: round.id,
      counts: { departments: departments.length },
    });
    this.deps.preparation.begin(round.id);
    return round;
  }

  list(): Promise<SelectionRound[]> {
    return this.deps.rounds.list();
  }

  /** The round's shortlist and coverage map ({@link RoundViews}). */
  view(id: string): Promise<RoundView> {
    return this.views.view(id);
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
    this.views.changed(id);
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
          : { ...shortlistEntry(id, candidate, person.displayName, at), reason: 'manual' };
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
    this.views.changed(id);
  }

  /** The round, refused when unknown, still preparing or already invited. */
  private async openRound(id: string): Promise<SelectionRound> {
    const round = isRoundId(id) ? await this.deps.rounds.round(id) : undefined;
    if (!round) throw new RoundError({ code: 'unknownRound' });
    if (round.preparing) throw new RoundError({ code: 'preparing' });
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
}
