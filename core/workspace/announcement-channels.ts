import { randomBytes } from 'node:crypto';
import type { TeamsRepository } from '../conversations/teams.repository';
import type { Activity } from '../delivery/message-kinds';
import type { Locale } from '../directory/person';
import type {
  ChannelPostsRepository,
  WorkspacePostSubject,
} from '../labs/channel-posts.repository';
import type { ChannelTarget, PostResult, PostSubjects, QueuedOf } from '../labs/channel-poster';
import type { ChannelLink } from '../labs/lab';
import { EntityTable, odata, type EntityMapping } from '../store/entity-table';
import type { TableStore } from '../store/table-store';
import type { Post } from './post';
import type { PostsRepository } from './posts.repository';
import type { ChannelAnnouncer } from './post-messages';
import { WorkspaceError } from './workspace-errors';

/**
 * The channels announcements go to, as the admins linked them: PartitionKey {@link PARTITION},
 * RowKey the channel's role (two rows at most, read whole).
 */
export const WORKSPACE_CHANNELS_TABLE = 'workspacechannels';

const PARTITION = 'channel';

/** A text property, '' when absent. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const ANNOUNCEMENT_CHANNELS = ['facilitators', 'organisation'] as const;
export type AnnouncementChannel = (typeof ANNOUNCEMENT_CHANNELS)[number];

interface ChannelChoice {
  role: AnnouncementChannel;
  link: ChannelLink | null;
}

const mapping: EntityMapping<ChannelChoice> = {
  keys: (c) => ({ partitionKey: PARTITION, rowKey: c.role }),
  toEntity: (c) => ({ teamId: c.link?.teamId ?? '', channelId: c.link?.channelId ?? '' }),
  fromEntity: (e) => ({
    role: String(e.rowKey) as AnnouncementChannel,
    link: text(e.teamId) ? { teamId: text(e.teamId), channelId: text(e.channelId) } : null,
  }),
};

export interface AnnouncementChannelsDeps {
  store: TableStore;
  teams: Pick<TeamsRepository, 'team' | 'channel'>;
  queue: Pick<ChannelPostsRepository, 'enqueue'>;
  posts: Pick<PostsRepository, 'get'>;
  /** The post's card in a channel, in `locale`. */
  card(post: Post, locale: Locale): Promise<Activity>;
  /** The language of channel cards (channels have no language of their own). */
  locale: Locale;
  now?: () => Date;
}

/**
 * Announcements of posts in the two channels admins link (the facilitators' channel, an
 * organisation-wide one), through the labs' channel poster: the same queue, stored before
 * anything is sent, the same tenant budget and per-conversation windows.
 */
export class AnnouncementChannels implements ChannelAnnouncer, PostSubjects<WorkspacePostSubject> {
  private readonly table: EntityTable<ChannelChoice>;
  private readonly now: () => Date;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly deps: AnnouncementChannelsDeps) {
    this.table = new EntityTable(deps.store.client(WORKSPACE_CHANNELS_TABLE), mapping);
    this.now = deps.now ?? (() => new Date());
  }

  async chosen(): Promise<Record<AnnouncementChannel, ChannelLink | null>> {
    const rows = await this.table.all(odata`PartitionKey eq ${PARTITION}`);
    const link = (role: AnnouncementChannel) =>
      rows.find((r) => r.value.role === role)?.value.link ?? null;
    return { facilitators: link('facilitators'), organisation: link('organisation') };
  }

  /** Links (or unlinks, with null) the channels; a channel the bot does not know → 404. */
  async choose(choice: Record<AnnouncementChannel, ChannelLink | null>): Promise<void> {
    for (const role of ANNOUNCEMENT_CHANNELS) {
      const link = choice[role];
      if (link && !(await this.deps.teams.channel(link.teamId, link.channelId))) {
        throw new WorkspaceError('unknownChannel');
      }
    }
    for (const role of ANNOUNCEMENT_CHANNELS) await this.table.upsert({ role, link: choice[role] });
  }

  async unlinked(channels: readonly AnnouncementChannel[]): Promise<string[]> {
    if (channels.length === 0) return [];
    const chosen = await this.chosen();
    return channels.filter((role) => chosen[role] === null);
  }

  async queue(post: Post, channels: readonly AnnouncementChannel[]): Promise<void> {
    const chosen = await this.chosen();
    const queuedAt = this.now();
    for (const role of new Set(channels)) {
      const channel = chosen[role];
      if (!channel) continue;
      await this.deps.queue.enqueue({
        channel,
        id: `${post.id}-${randomBytes(3).toString('hex')}`,
        subject: { kind: 'workspacePost', postId: post.id },
        locale: this.deps.locale,
        queuedAt,
        attempts: 0,
        notBefore: queuedAt,
      });
    }
    this.listeners.forEach((listener) => listener());
  }

  /** `listener` runs when posts were queued (the channel poster posts them at once). */
  onQueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  async prepare(
    post: QueuedOf<WorkspacePostSubject>,
  ): Promise<{ target: ChannelTarget; activity: Activity } | PostResult> {
    const stored = await this.deps.posts.get(post.subject.postId);
    if (!stored || stored.value.deleted) return { state: 'failed', reason: 'error' };
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
    return { target, activity: await this.deps.card(stored.value, post.locale) };
  }

  /** Nothing to record: the post is published whether or not its announcement went. */
  async settle(): Promise<void> {}
}
