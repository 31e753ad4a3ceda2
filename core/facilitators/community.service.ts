import type { AuditLog } from '../audit/audit-log';
import { campaignIdFor, newCampaignId } from '../delivery/campaign';
import type { CampaignService } from '../delivery/campaign.service';
import type { CampaignsRepository } from '../delivery/campaigns.repository';
import type { DirectoryService } from '../directory/directory.service';
import { departmentOf, type Person } from '../directory/person';
import { DomainError } from '../errors';
import type { MessageKey } from '../i18n/translator';
import { approversOf, type Approvers } from './approvers';
import type { CandidatesRepository } from './candidates.repository';
import {
  entrySubject,
  FACILITATOR_APPROVAL,
  FACILITATOR_DECISION,
  FACILITATOR_INVITATION,
  FACILITATOR_REVOCATION,
} from './facilitator-messages';
import type { Candidate, SelectionRound, ShortlistEntry, ShortlistStatus } from './facilitators';
import type { FacilitatorsRepository } from './facilitators.repository';
import { nearFacilitators, type NearFacilitators } from './near-me';
import type { RoundsRepository } from './rounds.repository';

export type CommunityProblem =
  | 'unknownRound'
  | 'preparing'
  | 'alreadyInvited'
  | 'nobodyToInvite'
  | 'noApprover'
  | 'notFacilitator';

const PROBLEM_STATUS: Record<CommunityProblem, number> = {
  unknownRound: 404,
  notFacilitator: 404,
  preparing: 409,
  alreadyInvited: 409,
  nobodyToInvite: 422,
  noApprover: 422,
};

export class CommunityError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;

  constructor(readonly code: CommunityProblem) {
    super(`facilitators: ${code}`);
    this.status = PROBLEM_STATUS[code];
    this.messageKey = `facilitators.problem.${code}`;
  }
}

/**
 * What a card's answer did. `stale`: the card no longer applies (the entry moved on, the round or
 * the person is unknown, consent withdrawn) and nothing was written; `notYours`: an approval card
 * answered by someone who does not approve this person.
 */
export type AnswerOutcome =
  | { kind: 'stale' }
  | { kind: 'notYours' }
  | { kind: 'declined' }
  | { kind: 'awaitingApproval'; approvers: Approvers['as'] }
  | { kind: 'granted' }
  | { kind: 'approved'; person: Person }
  | { kind: 'notApproved'; person: Person };

/** What the card of a shortlist entry is about, for a card built at send time. */
export interface EntryView {
  round: SelectionRound;
  entry: ShortlistEntry;
}

export interface CommunityDeps {
  rounds: RoundsRepository;
  roster: FacilitatorsRepository;
  directory: Pick<DirectoryService, 'find' | 'setRole'>;
  /** The directory's managers and programme team (admins), as of its last import. */
  deciders: { current(): Promise<readonly Person[]> };
  campaigns: Pick<CampaignService, 'start'>;
  startedCampaigns: Pick<CampaignsRepository, 'get'>;
  audit: AuditLog;
  /** The consenting people kept on submission: a withdrawal takes the person out at once. */
  candidates: Pick<CandidatesRepository, 'withdraw' | 'submitted'>;
  now?: () => Date;
}

/** Whether a reason written by an admin or a manager fits (3–500 characters once trimmed). */
export const REASON = { min: 3, max: 500 } as const;

/**
 * The digital facilitator community after selection: a round's invitation, the answers to its
 * cards, the manager's approval, the role's grant and revocation, consent withdrawal, and who an
 * employee can ask. Every grant and revocation is in the audit log; every message goes through a
 * campaign (a crash between a change and its campaign is resumed by the same action, which finds
 * the campaign under the id it recorded or derived instead of sending twice).
 */
export class CommunityService {
  private readonly now: () => Date;

  constructor(private readonly deps: CommunityDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Invites a round's proposed people: records the campaign's id on the round first, marks them
   * invited, then starts the campaign under that id. A retry after a crash continues the same
   * campaign; once it exists the round is invited (409).
   */
  async invite(roundId: string, admin: string): Promise<{ campaignId: string }> {
    const round = await this.deps.rounds.round(roundId);
    if (!round) throw new CommunityError('unknownRound');
    if (round.preparing) throw new CommunityError('preparing');
    if (round.invitationCampaignId) {
      if (await this.deps.startedCampaigns.get(round.invitationCampaignId)) {
        throw new CommunityError('alreadyInvited');
      }
    }
    const shortlist = await this.deps.rounds.shortlist(roundId);
    const proposed = shortlist.filter((e) => e.status === 'proposed');
    const invited = shortlist.filter((e) => e.status === 'invited');
    if (proposed.length === 0 && (!round.invitationCampaignId || invited.length === 0)) {
      throw new CommunityError('nobodyToInvite');
    }
    const now = this.now();
    const recorded = await this.deps.rounds.modifyRound(roundId, (r) =>
      r.invitationCampaignId ? undefined : { ...r, invitationCampaignId: newCampaignId(now) },
    );
    const campaignId = recorded!.invitationCampaignId!;
    for (const { objectId } of proposed) {
      await this.deps.rounds.modifyEntry(roundId, objectId, (e) =>
        e?.status === 'proposed' ? { ...e, status: 'invited', changedAt: now } : undefined,
      );
    }
    await this.deps.campaigns.start({
      kind: FACILITATOR_INVITATION,
      subject: roundId,
      audience: { kind: 'chosen' },
      createdBy: admin,
      id: campaignId,
    });
    await this.deps.audit.record({
      at: now,
      actor: admin,
      action: 'facilitators.invite',
      reason: roundId,
      counts: { invited: proposed.length + invited.length },
    });
    return { campaignId };
  }

  /** The round and the person's entry, if both still exist. */
  async view(roundId: string, objectId: string): Promise<EntryView | undefined> {
    const [round, entry] = await Promise.all([
      this.deps.rounds.round(roundId),
      this.deps.rounds.entry(roundId, objectId),
    ]);
    return round && entry ? { round, entry } : undefined;
  }

  /** The people in a round whose entry is in `status` (a campaign's recipients or who is done). */
  async inStatus(roundId: string, status: ShortlistStatus): Promise<Set<string>> {
    const entries = await this.deps.rounds.shortlist(roundId);
    return new Set(entries.filter((e) => e.status === status).map((e) => e.objectId));
  }

  /** Who decides on the person's acceptance, among the directory's managers and admins. */
  async approvers(person: Person): Promise<Approvers> {
    return approversOf(person, await this.deps.deciders.current());
  }

  /**
   * The invited person accepts: the role at once when the round asks no approval, else their
   * approvers get the card. Accepting again while awaiting approval resumes the approval campaign
   * (a retry after a crash) and changes nothing else.
   */
  async accept(roundId: string, objectId: string): Promise<AnswerOutcome> {
    const view = await this.view(roundId, objectId);
    const person = await this.deps.directory.find({ objectId });
    if (!view || !person) return { kind: 'stale' };
    const { round, entry } = view;
    if (entry.status === 'awaitingApproval') {
      const approvers = await this.approvers(person);
      await this.startEntryCampaign(FACILITATOR_APPROVAL, entry);
      return { kind: 'awaitingApproval', approvers: approvers.as };
    }
    if (entry.status !== 'invited') return { kind: 'stale' };
    if (!round.managerApproval) {
      const granted = await this.decide(entry, 'invited', 'approved');
      if (!granted) return { kind: 'stale' };
      await this.grant(granted, person, objectId, 'facilitators.grant.acceptance');
      return { kind: 'granted' };
    }
    const approvers = await this.approvers(person);
    if (approvers.objectIds.length === 0) throw new CommunityError('noApprover');
    const waiting = await this.decide(entry, 'invited', 'awaitingApproval');
    if (!waiting) return { kind: 'stale' };
    await this.startEntryCampaign(FACILITATOR_APPROVAL, waiting);
    return { kind: 'awaitingApproval', approvers: approvers.as };
  }

  /** The invited person declines; their optional reason is kept in the audit log for admins. */
  async decline(roundId: string, objectId: string, reason?: string): Promise<AnswerOutcome> {
    const view = await this.view(roundId, objectId);
    if (!view || view.entry.status !== 'invited') return { kind: 'stale' };
    await this.deps.audit.record({
      at: this.now(),
      actor: objectId,
      action: 'facilitators.decline',
      reason: roundId,
      counts: {},
      ...this.about(objectId, reason),
    });
    const declined = await this.decide(view.entry, 'invited', 'declined');
    return declined ? { kind: 'declined' } : { kind: 'stale' };
  }

  /**
   * An approver's answer: only the person's approvers as the directory has them now may give it
   * (managers approve only their own reports). Approval grants the role; either way the person is
   * told by a decision card. Answering again after a crash finishes what the first answer began.
   */
  async approve(
    roundId: string,
    objectId: string,
    approver: string,
    decision: { approved: true } | { approved: false; reason: string },
  ): Promise<AnswerOutcome> {
    const view = await this.view(roundId, objectId);
    const person = await this.deps.directory.find({ objectId });
    if (!view || !person) return { kind: 'stale' };
    const { objectIds } = await this.approvers(person);
    if (!objectIds.includes(approver)) return { kind: 'notYours' };
    const target: ShortlistStatus = decision.approved ? 'approved' : 'notApproved';
    let entry: ShortlistEntry | undefined = view.entry;
    if (entry.status === 'awaitingApproval') {
      // Audited before the change: a crash leaves a repeated entry at worst, never a missing one.
      await this.deps.audit.record({
        at: this.now(),
        actor: approver,
        action: decision.approved ? 'facilitators.approve' : 'facilitators.notApproved',
        reason: roundId,
        counts: {},
        ...this.about(objectId, decision.approved ? undefined : decision.reason),
      });
      entry = await this.decide(entry, 'awaitingApproval', target);
    } else if (entry.status !== target) {
      entry = undefined;
    }
    if (!entry) return { kind: 'stale' };
    if (decision.approved) await this.grant(entry, person, approver, 'facilitators.grant.approval');
    await this.startEntryCampaign(FACILITATOR_DECISION, entry);
    return decision.approved ? { kind: 'approved', person } : { kind: 'notApproved', person };
  }

  /**
   * The person withdraws consent: their candidate row goes, every entry of theirs that is not
   * final becomes withdrawn (an unanswered invitation or a pending approval included: its card
   * then answers that it no longer applies). A facilitator keeps the role: consent is about being
   * selected from results, and leaving the community is a separate request to the programme
   * team (admin revocation). Whether they are a facilitator, for the answer.
   */
  async withdrawConsent(objectId: string): Promise<{ withdrawn: number; facilitator: boolean }> {
    const now = this.now();
    await this.deps.candidates.withdraw(objectId, now);
    const withdrawn = await this.withdrawEntries(objectId, now);
    await this.deps.audit.record({
      at: now,
      actor: objectId,
      action: 'facilitators.consent.withdraw',
      reason: 'consent',
      counts: { entries: withdrawn },
      subject: objectId,
    });
    return { withdrawn, facilitator: (await this.deps.roster.find(objectId)) !== undefined };
  }

  /**
   * A submission of the assessment, with its candidate or none (no consent, or a selection
   * dimension left unanswered). A candidate who submits again without consent leaves every round
   * as a withdrawal does (an unanswered invitation included), audited; who was no candidate costs
   * one point read.
   */
  async submitted(objectId: string, at: Date, candidate: Candidate | undefined): Promise<void> {
    if (!(await this.deps.candidates.submitted(objectId, at, candidate))) return;
    const withdrawn = await this.withdrawEntries(objectId, at);
    if (withdrawn === 0) return;
    await this.deps.audit.record({
      at,
      actor: objectId,
      action: 'facilitators.consent.withdraw',
      reason: 'assessment',
      counts: { entries: withdrawn },
      subject: objectId,
    });
  }

  /** Every entry of the person not decided yet becomes withdrawn; how many. */
  private async withdrawEntries(objectId: string, at: Date): Promise<number> {
    const open = (await this.deps.rounds.entriesOf(objectId)).filter((e) =>
      WITHDRAWABLE.includes(e.status),
    );
    for (const entry of open) {
      await this.deps.rounds.modifyEntry(entry.roundId, objectId, (e) =>
        e && WITHDRAWABLE.includes(e.status)
          ? { ...e, status: 'withdrawn', changedAt: at }
          : undefined,
      );
    }
    return open.length;
  }

  /**
   * An admin revokes a facilitator: role and roster row go, audited with the admin's reason, and
   * the person is told (without the reason, which is the programme team's).
   */
  async revoke(objectId: string, admin: string, reason: string): Promise<void> {
    const row = await this.deps.roster.find(objectId);
    const person = await this.deps.directory.find({ objectId });
    if (!row && !person?.roles.includes('facilitator')) {
      throw new CommunityError('notFacilitator');
    }
    await this.deps.audit.record({
      at: this.now(),
      actor: admin,
      action: 'facilitators.revoke',
      reason: row?.roundId ?? 'facilitators.revoke',
      counts: {},
      ...this.about(objectId, reason),
    });
    await this.deps.directory.setRole(objectId, 'facilitator', false);
    await this.deps.roster.remove(objectId);
    if (person) {
      await this.deps.campaigns.start({
        kind: FACILITATOR_REVOCATION,
        subject: objectId,
        audience: { kind: 'chosen' },
        createdBy: admin,
      });
    }
  }

  /** The facilitators an employee can ask (see {@link nearFacilitators}). */
  async near(employee: Pick<Person, 'objectId' | 'orgUnitPath'>): Promise<NearFacilitators> {
    const rows = await this.deps.roster.all();
    const people = await Promise.all(
      rows.map((row) => this.deps.directory.find({ objectId: row.objectId })),
    );
    const facilitators = people.filter(
      (p): p is Person => p !== undefined && p.roles.includes('facilitator'),
    );
    return nearFacilitators(employee, facilitators);
  }

  /** Moves an entry from `from` to `to`; undefined when it had moved on already. */
  private async decide(
    entry: ShortlistEntry,
    from: ShortlistStatus,
    to: ShortlistStatus,
  ): Promise<ShortlistEntry | undefined> {
    const now = this.now();
    const changed = await this.deps.rounds.modifyEntry(entry.roundId, entry.objectId, (e) =>
      e?.status === from ? { ...e, status: to, changedAt: now } : undefined,
    );
    return changed?.status === to ? changed : undefined;
  }

  /** The role, the roster row and the audit entry of a grant; each idempotent on a retry. */
  private async grant(
    entry: ShortlistEntry,
    person: Person,
    actor: string,
    action: string,
  ): Promise<void> {
    const changed = await this.deps.directory.setRole(entry.objectId, 'facilitator', true);
    await this.deps.roster.add({
      objectId: entry.objectId,
      department: departmentOf(person),
      roundId: entry.roundId,
      since: entry.changedAt,
    });
    if (changed) {
      await this.deps.audit.record({
        at: this.now(),
        actor,
        action,
        reason: entry.roundId,
        counts: {},
        ...this.about(entry.objectId),
      });
    }
  }

  /**
   * The one campaign of an entry's change (its approval request or its decision): its id comes
   * from the change's time, so a retry finds it.
   */
  private async startEntryCampaign(kind: string, entry: ShortlistEntry): Promise<void> {
    const subject = entrySubject(entry.roundId, entry.objectId);
    await this.deps.campaigns.start({
      kind,
      subject,
      audience: { kind: 'chosen' },
      createdBy: entry.objectId,
      id: campaignIdFor(entry.changedAt, `${kind}/${subject}`),
    });
  }

  /** An audit entry's person and, when given, the words that explain it (admins read them). */
  private about(subject: string, note?: string): { subject: string; note?: string } {
    return { subject, ...(note ? { note } : {}) };
  }
}

/** Entries consent withdrawal moves to withdrawn: everything not decided yet. */
const WITHDRAWABLE: readonly ShortlistStatus[] = ['proposed', 'invited', 'awaitingApproval'];
