import type { Locale } from '../directory/person';
import type { Activity } from '../delivery/message-kinds';
import type { TeamsRepository } from '../conversations/teams.repository';
import type { BoardRepository } from './board.repository';
import type { ChannelPostsRepository, LabPostSubject } from './channel-posts.repository';
import type { ChannelTarget, PostResult, PostSubjects, QueuedOf } from './channel-poster';
import { canManage, type Actor, type Lab } from './lab';
import type { NewUpdate } from './lab-inputs';
import { LabError } from './labs-errors';
import type { LabsRepository } from './labs.repository';
import { newId, type LabsService } from './labs.service';
import { invertedTimestamp } from '../store/keys';
import type { LabUpdate } from './update';
import type { UpdatesRepository } from './updates.repository';
import { weeklyFigures, type WeeklyFigures } from './weekly';

const LAST_UPDATE_PRECISION_MS = 1_000;

/** The channel cards (bot/features/labs): an update, a lab's weekly summary. */
export interface LabPostCards {
  update(lab: Lab, update: LabUpdate, locale: Locale): Promise<Activity>;
  summary(lab: Lab, figures: WeeklyFigures, week: string, locale: Locale): Promise<Activity>;
}

export interface UpdatesServiceDeps {
  labs: LabsService;
  labRows: LabsRepository;
  updates: UpdatesRepository;
  board: BoardRepository;
  posts: ChannelPostsRepository;
  teams: TeamsRepository;
  cards: LabPostCards;
  /** Asks the poster to post now (it also polls). */
  wake: () => void;
  now?: () => Date;
}

/**
 * Updates: stored in the lab's timeline first, then queued for the lab's channel; the poster
 * posts them and records here how it went. A failed or unlinked one can be queued again.
 */
export class UpdatesService implements PostSubjects<LabPostSubject> {
  private readonly now: () => Date;

  constructor(private readonly deps: UpdatesServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async post(labId: string, input: NewUpdate, actor: Actor, locale: Locale): Promise<LabUpdate> {
    const lab = await this.managed(labId, actor);
    const members = new Set(lab.members.map((m) => m.objectId));
    if ((input.mentions ?? []).some((m) => !members.has(m))) throw new LabError('notMember');
    const at = this.now();
    const update: LabUpdate = {
      labId,
      id: `${invertedTimestamp(at)}-${newId()}`,
      title: input.title,
      text: input.text,
      ...(input.progress !== undefined && input.progress !== null
        ? { progress: input.progress }
        : {}),
      ...(input.nextSteps ? { nextSteps: input.nextSteps } : {}),
      mentions: [...new Set(input.mentions ?? [])],
      author: actor.objectId,
      at,
      post: lab.channel ? { state: 'pending' } : { state: 'notLinked' },
    };
    await this.deps.updates.insert(update);
    // To the second: a burst of updates to one lab writes its row once, not once per update.
    await this.deps.labRows.modify(labId, (l) =>
      l.lastUpdateAt && l.lastUpdateAt.getTime() > at.getTime() - LAST_UPDATE_PRECISION_MS
        ? undefined
        : { ...l, lastUpdateAt: at },
    );
    if (lab.channel) await this.enqueue(lab, update, locale);
    return update;
  }

  /** Queues a failed (or not linked) update again, to the lab's channel as linked now. */
  async retry(labId: string, updateId: string, actor: Actor, locale: Locale): Promise<LabUpdate> {
    const lab = await this.managed(labId, actor);
    const update = await this.deps.updates.get(labId, updateId);
    if (!update) throw new LabError('updateNotFound');
    if (update.post.state !== 'failed' && update.post.state !== 'notLinked') {
      throw new LabError('notRetryable');
    }
    if (!lab.channel) throw new LabError('unknownChannel');
    const pending = await this.deps.updates.setPost(labId, updateId, { state: 'pending' });
    await this.enqueue(lab, update, locale);
    return pending ?? update;
  }

  async timeline(labId: string): Promise<LabUpdate[]> {
    return this.deps.updates.ofLab(labId);
  }

  /** Queues a lab's weekly summary for `week` unless one was (by any instance). */
  async queueSummary(lab: Lab, week: string, locale: Locale): Promise<boolean> {
    if (!lab.channel || !(await this.deps.posts.markSummary(lab.id, week))) return false;
    const queuedAt = this.now();
    await this.deps.posts.enqueue({
      channel: lab.channel,
      id: `${lab.id}-${week}`,
      subject: { kind: 'summary', labId: lab.id, week },
      locale,
      queuedAt,
      attempts: 0,
      notBefore: queuedAt,
    });
    this.deps.wake();
    return true;
  }

  async prepare(
    post: QueuedOf<LabPostSubject>,
  ): Promise<{ target: ChannelTarget; activity: Activity } | PostResult> {
    const { subject } = post;
    const lab = await this.deps.labRows.get(subject.labId);
    if (!lab) return { state: 'failed', reason: 'error' };
    const [team, channel] = await Promise.all([
      this.deps.teams.team(post.channel.teamId),
      this.deps.teams.channel(post.channel.teamId, post.channel.channelId),
    ]);
    if (!team || team.removed) return { state: 'failed', reason: 'appRemoved' };
    if (!channel || channel.deleted) return { state: 'failed', reason: 'channelDeleted' };
    const target: ChannelTarget = {
      ...post.channel,
      serviceUrl: team.serviceUrl,
      ...(team.tenantId ? { tenantId: team.tenantId } : {}),
      ...(team.botId ? { botId: team.botId } : {}),
    };
    if (subject.kind === 'update') {
      const update = await this.deps.updates.get(subject.labId, subject.updateId);
      if (!update) return { state: 'failed', reason: 'error' };
      return { target, activity: await this.deps.cards.update(lab, update, post.locale) };
    }
    const { tasks } = await this.deps.board.board(lab.id);
    const figures = weeklyFigures(
      tasks.map((t) => t.task),
      this.now(),
    );
    return {
      target,
      activity: await this.deps.cards.summary(lab, figures, subject.week, post.locale),
    };
  }

  async settle(post: QueuedOf<LabPostSubject>, result: PostResult): Promise<void> {
    if (post.subject.kind !== 'update') return;
    const at = this.now();
    await this.deps.updates.setPost(
      post.subject.labId,
      post.subject.updateId,
      result.state === 'posted'
        ? { state: 'posted', at, conversationId: result.conversationId }
        : { state: 'failed', at, reason: result.reason },
    );
  }

  private async enqueue(lab: Lab, update: LabUpdate, locale: Locale): Promise<void> {
    if (!lab.channel) return;
    const queuedAt = this.now();
    await this.deps.posts.enqueue({
      channel: lab.channel,
      id: `${update.id}-${newId()}`,
      subject: { kind: 'update', labId: lab.id, updateId: update.id },
      locale,
      queuedAt,
      attempts: 0,
      notBefore: queuedAt,
    });
    this.deps.wake();
  }

  private async managed(labId: string, actor: Actor): Promise<Lab> {
    const lab = await this.deps.labs.visible(labId, actor);
    if (!canManage(lab, actor)) throw new LabError('forbidden');
    if (lab.status === 'concluded') throw new LabError('concluded');
    return lab;
  }
}
