import type { Role } from '../directory/person';

export type LabStatus = 'proposed' | 'active' | 'concluded';
export type LabColumn = 'todo' | 'doing' | 'done';
export type LabRole = 'lead' | 'member';

/**
 * Who an entry of a lab's history names once the person was erased: the lab keeps the entry
 * ("former member") without their id.
 */
export const FORMER_MEMBER = '(former)';

export interface LabMemberEntry {
  objectId: string;
  role: LabRole;
  since: Date;
}

/** An invitation waiting for Join / No thanks, or a request waiting for a lead. */
export interface LabPendingEntry {
  objectId: string;
  at: Date;
}

/** Ids as Teams sends them in `channelData` (team.id, channel.id). */
export interface ChannelLink {
  teamId: string;
  channelId: string;
}

export interface Lab {
  id: string;
  themeId: string;
  title: string;
  goal: string;
  status: LabStatus;
  private: boolean;
  startDate?: string;
  plannedEndDate?: string;
  createdAt: Date;
  members: LabMemberEntry[];
  invitations: LabPendingEntry[];
  requests: LabPendingEntry[];
  channel?: ChannelLink;
  lastUpdateAt?: Date;
  outcome?: string;
  closedAt?: Date;
}

/** Who acts on a lab: their object id (lower-case) and the roles the directory gives them. */
export interface Actor {
  objectId: string;
  roles: readonly Role[];
}

export const isAdmin = (actor: Actor): boolean => actor.roles.includes('admin');

export function roleIn(lab: Lab, objectId: string): LabRole | undefined {
  return lab.members.find((m) => m.objectId === objectId)?.role;
}

export type Membership = LabRole | 'invited' | 'requested' | undefined;

export function membershipOf(lab: Lab, objectId: string): Membership {
  const role = roleIn(lab, objectId);
  if (role) return role;
  if (lab.invitations.some((p) => p.objectId === objectId)) return 'invited';
  if (lab.requests.some((p) => p.objectId === objectId)) return 'requested';
  return undefined;
}

/** Private labs: only their people (members, invited, asking) and admins see them at all. */
export function canSee(lab: Lab, actor: Actor): boolean {
  return !lab.private || isAdmin(actor) || membershipOf(lab, actor.objectId) !== undefined;
}

/** Leads and admins: settings, members, channel, updates, closing. */
export function canManage(lab: Lab, actor: Actor): boolean {
  return isAdmin(actor) || roleIn(lab, actor.objectId) === 'lead';
}

/** Members too: tasks, milestones, notes and decisions. */
export function canEditBoard(lab: Lab, actor: Actor): boolean {
  return isAdmin(actor) || roleIn(lab, actor.objectId) !== undefined;
}

export function leadsOf(lab: Lab): string[] {
  return lab.members.filter((m) => m.role === 'lead').map((m) => m.objectId);
}

/** Today in the programme's calendar (Europe/Rome), `YYYY-MM-DD`. */
export function programmeDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}
