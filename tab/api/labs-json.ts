import type { DirectoryPeople } from '../../core/directory/directory-snapshot';
import type { Locale } from '../../core/directory/person';
import type { TeamsRepository } from '../../core/conversations/teams.repository';
import type { Board, LabMilestone, LabNote, VersionedTask } from '../../core/labs/board';
import {
  canEditBoard,
  canManage,
  FORMER_MEMBER,
  leadsOf,
  membershipOf,
  type Actor,
  type ChannelLink,
  type Lab,
} from '../../core/labs/lab';
import type { LabTheme } from '../../core/labs/themes';
import type { LabUpdate, PostState } from '../../core/labs/update';
import type * as Api from './contract';

/**
 * What the lab JSON needs beside the lab: names (from the directory's snapshot), themes, and
 * channels (read once per view).
 */
export class LabJson {
  private readonly channels = new Map<string, Promise<Api.LabChannel>>();

  constructor(
    private readonly deps: {
      people: DirectoryPeople;
      teams: TeamsRepository;
      themes: readonly LabTheme[];
      locale: Locale;
      actor: Actor;
    },
  ) {}

  theme(id: string): Api.LabTheme {
    const theme = this.deps.themes.find((t) => t.id === id);
    const { locale } = this.deps;
    return theme
      ? {
          id,
          title: theme.title[locale],
          description: theme.description[locale],
          seeded: theme.seeded,
        }
      : { id, title: id, description: '', seeded: false };
  }

  person(objectId: string): Api.LabPerson {
    const { objectId: id, displayName, former } = this.named(objectId);
    return { objectId: id, displayName, former };
  }

  private named(objectId: string): Api.LabPerson & { department: string | null } {
    if (objectId === FORMER_MEMBER) {
      return { objectId: null, displayName: null, former: true, department: null };
    }
    const person = this.deps.people.person(objectId);
    return {
      objectId,
      displayName: person?.displayName ?? null,
      former: false,
      department: person?.orgUnitPath[0] ?? null,
    };
  }

  private channel(link: ChannelLink): Promise<Api.LabChannel> {
    const key = `${link.teamId}|${link.channelId}`;
    let found = this.channels.get(key);
    if (!found) {
      found = (async () => {
        const [team, channel] = await Promise.all([
          this.deps.teams.team(link.teamId),
          this.deps.teams.channel(link.teamId, link.channelId),
        ]);
        return {
          ...link,
          teamName: team?.name ?? null,
          channelName: channel?.name ?? null,
          available: Boolean(team && !team.removed && channel && !channel.deleted),
        };
      })();
      this.channels.set(key, found);
    }
    return found;
  }

  async summary(lab: Lab): Promise<Api.LabSummary> {
    return {
      id: lab.id,
      theme: this.theme(lab.themeId),
      title: lab.title,
      goal: lab.goal,
      status: lab.status,
      private: lab.private,
      leads: leadsOf(lab).map((id) => this.person(id)),
      memberCount: lab.members.length,
      startDate: lab.startDate ?? null,
      plannedEndDate: lab.plannedEndDate ?? null,
      lastUpdateAt: lab.lastUpdateAt?.toISOString() ?? null,
      channel: lab.channel ? await this.channel(lab.channel) : null,
      membership: membershipOf(lab, this.deps.actor.objectId) ?? null,
    };
  }

  task({ task, etag }: VersionedTask): Api.LabTask {
    return {
      id: task.id,
      title: task.title,
      description: task.description,
      column: task.column,
      order: task.order,
      assignees: task.assignees.map((id) => this.person(id)),
      dueDate: task.dueDate ?? null,
      milestoneId: task.milestoneId ?? null,
      updatedAt: task.updatedAt.toISOString(),
      etag,
    };
  }

  milestone(m: LabMilestone): Api.LabMilestone {
    return { id: m.id, title: m.title, dueDate: m.dueDate ?? null, reached: m.reached };
  }

  note(note: LabNote): Api.LabNote {
    return {
      id: note.id,
      kind: note.kind,
      text: note.text,
      author: this.person(note.author),
      at: note.at.toISOString(),
    };
  }

  update(update: LabUpdate): Api.LabUpdate {
    return {
      id: update.id,
      title: update.title,
      text: update.text,
      progress: update.progress ?? null,
      nextSteps: update.nextSteps ?? null,
      mentions: update.mentions.map((id) => this.person(id)),
      author: this.person(update.author),
      at: update.at.toISOString(),
      post: postJson(update.post),
    };
  }

  async detail(lab: Lab, board: Board, updates: readonly LabUpdate[]): Promise<Api.Lab> {
    const { actor } = this.deps;
    const manage = canManage(lab, actor);
    const pending = (entries: Lab['invitations']) =>
      entries.map((p) => ({ person: this.person(p.objectId), at: p.at.toISOString() }));
    const membership = membershipOf(lab, actor.objectId);
    return {
      ...(await this.summary(lab)),
      members: lab.members.map((m) => {
        const { department, ...person } = this.named(m.objectId);
        return { person, role: m.role, since: m.since.toISOString(), department };
      }),
      invitations: manage ? pending(lab.invitations) : [],
      requests: manage ? pending(lab.requests) : [],
      milestones: board.milestones.map((m) => this.milestone(m)),
      tasks: [...board.tasks].sort((a, b) => a.task.order - b.task.order).map((t) => this.task(t)),
      notes: board.notes.map((n) => this.note(n)),
      updates: updates.map((u) => this.update(u)),
      outcome: lab.outcome ?? null,
      closedAt: lab.closedAt?.toISOString() ?? null,
      permissions: {
        manage: manage,
        editBoard: canEditBoard(lab, actor),
        join: lab.status !== 'concluded' && (membership === undefined || membership === 'invited'),
      },
    };
  }
}

export function postJson(post: PostState): Api.LabPostState {
  switch (post.state) {
    case 'pending':
      return { state: 'pending', at: null, reason: null };
    case 'posted':
      return { state: 'posted', at: post.at.toISOString(), reason: null };
    case 'failed':
      return { state: 'failed', at: post.at.toISOString(), reason: post.reason };
    case 'notLinked':
      return { state: 'notLinked', at: null, reason: null };
  }
}
