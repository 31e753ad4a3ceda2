import { randomBytes } from 'node:crypto';
import type { DirectoryService } from '../directory/directory.service';
import type { TeamsRepository } from '../conversations/teams.repository';
import { LabError } from './labs-errors';
import {
  canManage,
  canSee,
  isAdmin,
  leadsOf,
  membershipOf,
  programmeDate,
  roleIn,
  type Actor,
  type ChannelLink,
  type Lab,
  type LabRole,
} from './lab';
import { MAX_LAB_MEMBERS, type LabSettings, type NewLab } from './lab-inputs';
import type { LabsRepository } from './labs.repository';
import type { ThemesService } from './themes.service';

/** Proactive messages a lab sends to a person (invitation, join decision) via the delivery engine. */
export interface LabMessenger {
  invite(labId: string, objectId: string): Promise<void>;
  decided(labId: string, objectId: string, approved: boolean): Promise<void>;
}

export interface LabsServiceDeps {
  labs: LabsRepository;
  themes: ThemesService;
  teams: TeamsRepository;
  directory: Pick<DirectoryService, 'find'>;
  messenger: LabMessenger;
  now?: () => Date;
}

export const newId = (): string => randomBytes(6).toString('hex');

/**
 * A lab's life and people: creating, settings, closing, joining (ask, approve, decline; invite,
 * Join, No thanks), roles, and the channel it posts to. Leads and admins manage; everyone else
 * may only ask to join and leave. Refusals are {@link LabError}s.
 */
export class LabsService {
  private readonly now: () => Date;

  constructor(private readonly deps: LabsServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The lab as `actor` may see it; 404 when it does not exist or is private to others. */
  async visible(id: string, actor: Actor): Promise<Lab> {
    const lab = await this.deps.labs.get(id);
    if (!lab || !canSee(lab, actor)) throw new LabError('notFound');
    return lab;
  }

  async list(actor: Actor): Promise<Lab[]> {
    const labs = await this.deps.labs.all();
    return labs
      .filter((lab) => canSee(lab, actor))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async create(input: NewLab, actor: Actor): Promise<Lab> {
    if (!isAdmin(actor) && !actor.roles.includes('facilitator')) throw new LabError('forbidden');
    if (!(await this.deps.themes.find(input.theme))) throw new LabError('unknownTheme');
    const leads = [...new Set([actor.objectId, ...(input.leads ?? [])])];
    await this.assertKnown(leads);
    const now = this.now();
    const lab: Lab = {
      id: newId(),
      themeId: input.theme,
      title: input.title,
      goal: input.goal,
      status: input.startDate && input.startDate > programmeDate(now) ? 'proposed' : 'active',
      private: input.private ?? false,
      ...(input.startDate ? { startDate: input.startDate } : {}),
      ...(input.plannedEndDate ? { plannedEndDate: input.plannedEndDate } : {}),
      createdAt: now,
      members: leads.map((objectId) => ({ objectId, role: 'lead', since: now })),
      invitations: [],
      requests: [],
    };
    await this.deps.labs.insert(lab);
    return lab;
  }

  async changeSettings(id: string, change: LabSettings, actor: Actor): Promise<Lab> {
    if (change.theme && !(await this.deps.themes.find(change.theme))) {
      throw new LabError('unknownTheme');
    }
    return this.manage(id, actor, (lab) => {
      const next: Lab = { ...lab };
      if (change.theme) next.themeId = change.theme;
      if (change.title) next.title = change.title;
      if (change.goal) next.goal = change.goal;
      if (change.private !== undefined) next.private = change.private;
      if (change.status) next.status = change.status;
      for (const field of ['startDate', 'plannedEndDate'] as const) {
        const value = change[field];
        if (value === null) delete next[field];
        else if (value !== undefined) next[field] = value;
      }
      return next;
    });
  }

  async close(id: string, outcome: string, actor: Actor): Promise<Lab> {
    return this.manage(id, actor, (lab) => ({
      ...lab,
      status: 'concluded',
      outcome,
      closedAt: this.now(),
      invitations: [],
      requests: [],
    }));
  }

  async linkChannel(id: string, link: ChannelLink, actor: Actor): Promise<Lab> {
    const channel = await this.deps.teams.channel(link.teamId, link.channelId);
    const team = await this.deps.teams.team(link.teamId);
    if (!channel || channel.deleted || !team || team.removed) throw new LabError('unknownChannel');
    return this.manage(id, actor, (lab) => ({ ...lab, channel: link }));
  }

  async unlinkChannel(id: string, actor: Actor): Promise<Lab> {
    return this.manage(id, actor, (lab) => {
      const next = { ...lab };
      delete next.channel;
      return next;
    });
  }

  /**
   * The caller joins (an invitation waiting for them: they become a member) or asks to join
   * (the leads decide).
   */
  async join(id: string, actor: Actor): Promise<Lab> {
    await this.visible(id, actor);
    return this.change(id, (lab) => {
      const me = actor.objectId;
      const membership = membershipOf(lab, me);
      if (lab.status === 'concluded') throw new LabError('concluded');
      if (membership === 'lead' || membership === 'member' || membership === 'requested') {
        throw new LabError('alreadyMember');
      }
      if (membership === 'invited') return this.admit(lab, me);
      return { ...lab, requests: [...lab.requests, { objectId: me, at: this.now() }] };
    });
  }

  /** The caller leaves, declines an invitation, or withdraws a request; the last lead may not. */
  async leave(id: string, actor: Actor): Promise<Lab> {
    await this.visible(id, actor);
    return this.change(id, (lab) => this.without(lab, actor.objectId));
  }

  async decide(id: string, objectId: string, approve: boolean, actor: Actor): Promise<Lab> {
    const lab = await this.manage(id, actor, (current) => {
      if (!current.requests.some((r) => r.objectId === objectId)) throw new LabError('noRequest');
      const requests = current.requests.filter((r) => r.objectId !== objectId);
      return approve ? this.admit({ ...current, requests }, objectId) : { ...current, requests };
    });
    await this.deps.messenger.decided(id, objectId, approve);
    return lab;
  }

  async invite(id: string, objectIds: readonly string[], actor: Actor): Promise<Lab> {
    await this.assertKnown(objectIds);
    const invited: string[] = [];
    const lab = await this.manage(id, actor, (current) => {
      invited.length = 0;
      const fresh = [...new Set(objectIds)].filter(
        (o) =>
          membershipOf(current, o) !== 'lead' &&
          membershipOf(current, o) !== 'member' &&
          membershipOf(current, o) !== 'invited',
      );
      if (fresh.length === 0) throw new LabError('alreadyMember');
      if (current.members.length + current.invitations.length + fresh.length > MAX_LAB_MEMBERS) {
        throw new LabError('tooManyMembers');
      }
      invited.push(...fresh);
      const at = this.now();
      // Someone who asked to join and is then invited is simply in: both sides said yes.
      const asked = fresh.filter((o) => current.requests.some((r) => r.objectId === o));
      let next: Lab = {
        ...current,
        requests: current.requests.filter((r) => !asked.includes(r.objectId)),
        invitations: [
          ...current.invitations,
          ...fresh.filter((o) => !asked.includes(o)).map((objectId) => ({ objectId, at })),
        ],
      };
      for (const objectId of asked) next = this.admit(next, objectId);
      return next;
    });
    for (const objectId of invited) {
      if (lab.invitations.some((p) => p.objectId === objectId)) {
        await this.deps.messenger.invite(id, objectId);
      }
    }
    return lab;
  }

  /** An invited person's "No thanks" (from the card). */
  async declineInvitation(id: string, objectId: string): Promise<Lab | undefined> {
    return this.deps.labs.modify(id, (lab) =>
      lab.invitations.some((p) => p.objectId === objectId)
        ? { ...lab, invitations: lab.invitations.filter((p) => p.objectId !== objectId) }
        : undefined,
    );
  }

  async setRole(id: string, objectId: string, role: LabRole, actor: Actor): Promise<Lab> {
    return this.manage(id, actor, (lab) => {
      if (!roleIn(lab, objectId)) throw new LabError('notMember');
      const next = {
        ...lab,
        members: lab.members.map((m) => (m.objectId === objectId ? { ...m, role } : m)),
      };
      if (leadsOf(next).length === 0) throw new LabError('lastLead');
      return next;
    });
  }

  async removeMember(id: string, objectId: string, actor: Actor): Promise<Lab> {
    return this.manage(id, actor, (lab) => {
      if (membershipOf(lab, objectId) === undefined) throw new LabError('notMember');
      return this.without(lab, objectId);
    });
  }

  /** Erasure: the person leaves every lab (their place, invitations, requests). */
  async erase(objectId: string): Promise<number> {
    let changed = 0;
    for (const lab of await this.deps.labs.all()) {
      if (membershipOf(lab, objectId) === undefined) continue;
      await this.deps.labs.modify(lab.id, (current) => ({
        ...current,
        members: current.members.filter((m) => m.objectId !== objectId),
        invitations: current.invitations.filter((p) => p.objectId !== objectId),
        requests: current.requests.filter((p) => p.objectId !== objectId),
      }));
      changed++;
    }
    return changed;
  }

  private admit(lab: Lab, objectId: string): Lab {
    return {
      ...lab,
      invitations: lab.invitations.filter((p) => p.objectId !== objectId),
      requests: lab.requests.filter((p) => p.objectId !== objectId),
      members: [...lab.members, { objectId, role: 'member', since: this.now() }],
    };
  }

  private without(lab: Lab, objectId: string): Lab {
    const membership = membershipOf(lab, objectId);
    if (membership === undefined) throw new LabError('notMember');
    if (membership === 'lead' && leadsOf(lab).length === 1) throw new LabError('lastLead');
    return {
      ...lab,
      members: lab.members.filter((m) => m.objectId !== objectId),
      invitations: lab.invitations.filter((p) => p.objectId !== objectId),
      requests: lab.requests.filter((p) => p.objectId !== objectId),
    };
  }

  private async assertKnown(objectIds: readonly string[]): Promise<void> {
    const found = await Promise.all(
      objectIds.map((objectId) => this.deps.directory.find({ objectId })),
    );
    if (found.some((person) => !person)) throw new LabError('unknownPerson');
  }

  /** A lead's or admin's change to a lab that is not concluded. */
  private async manage(id: string, actor: Actor, change: (lab: Lab) => Lab): Promise<Lab> {
    await this.visible(id, actor);
    return this.change(id, (lab) => {
      if (!canManage(lab, actor)) throw new LabError('forbidden');
      if (lab.status === 'concluded') throw new LabError('concluded');
      return change(lab);
    });
  }

  private async change(id: string, change: (lab: Lab) => Lab): Promise<Lab> {
    const lab = await this.deps.labs.modify(id, change);
    if (!lab) throw new LabError('notFound');
    return lab;
  }
}
