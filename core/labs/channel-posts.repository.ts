import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { AlreadyExistsError } from '../store/errors';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { Locale } from '../directory/person';
import type { ChannelLink } from './lab';

/**
 * Channel posts waiting to go out, per channel (PartitionKey the channel, `<team>|<channel>`):
 * each post in RowKey `p_<queued at, ms>_<id>` (oldest first), and the channel's own row `state`
 * holding the times of its posts in the last hour (Teams' per-conversation limits, shared by
 * every instance) and who is posting there now. A post row is written before anything is sent
 * and deleted once its outcome is recorded where it belongs (the update's row): posts are never
 * lost, and one channel is served by one instance at a time. Weekly summaries leave a row
 * `summary` / `<lab>_<week>` so that each lab gets one per week whichever instance queues it.
 */
export const CHANNEL_POSTS_TABLE = 'labposts';

export type LabPostSubject =
  | { kind: 'update'; labId: string; updateId: string }
  | { kind: 'summary'; labId: string; week: string };
/** A post of the facilitators' workspace, announced in a channel an admin chose. */
export type WorkspacePostSubject = { kind: 'workspacePost'; postId: string };
export type PostSubject = LabPostSubject | WorkspacePostSubject;

export interface QueuedPost {
  channel: ChannelLink;
  id: string;
  subject: PostSubject;
  locale: Locale;
  queuedAt: Date;
  attempts: number;
  notBefore: Date;
}

export interface ChannelState {
  channel: ChannelLink;
  /** Epoch ms of the channel's posts within the last hour, ascending. */
  sent: number[];
  owner?: string;
  /** Epoch ms until which `owner` posts here. */
  claimedUntil: number;
}

type Row =
  | { row: 'post'; post: QueuedPost }
  | { row: 'state'; state: ChannelState }
  | { row: 'summary'; labId: string; week: string };

const STATE = 'state';
const SUMMARY = 'summary';

export const channelKey = ({ teamId, channelId }: ChannelLink): string =>
  encodeKey(`${teamId}|${channelId}`);

function channelOf(partitionKey: string): ChannelLink {
  const decoded = decodeURIComponent(partitionKey);
  const at = decoded.indexOf('|');
  return { teamId: decoded.slice(0, at), channelId: decoded.slice(at + 1) };
}

const postKey = (post: Pick<QueuedPost, 'queuedAt' | 'id'>) =>
  `p_${String(post.queuedAt.getTime()).padStart(15, '0')}_${encodeKey(post.id)}`;

const mapping: EntityMapping<Row> = {
  keys: (r) => {
    if (r.row === 'post')
      return { partitionKey: channelKey(r.post.channel), rowKey: postKey(r.post) };
    if (r.row === 'state') return { partitionKey: channelKey(r.state.channel), rowKey: STATE };
    return { partitionKey: SUMMARY, rowKey: encodeKey(`${r.labId}_${r.week}`) };
  },
  toEntity: (r) => {
    if (r.row === 'post') {
      const { post } = r;
      return {
        subject: JSON.stringify(post.subject),
        locale: post.locale,
        queuedAt: post.queuedAt,
        attempts: post.attempts,
        notBefore: post.notBefore,
      };
    }
    if (r.row === 'state') {
      const { state } = r;
      return {
        sent: JSON.stringify(state.sent),
        owner: state.owner,
        claimedUntil: state.claimedUntil,
      };
    }
    return { labId: r.labId, week: r.week };
  },
  fromEntity: (e) => {
    const partitionKey = String(e.partitionKey);
    const rowKey = String(e.rowKey);
    if (partitionKey === SUMMARY)
      return { row: 'summary', labId: String(e.labId), week: String(e.week) };
    const channel = channelOf(partitionKey);
    if (rowKey === STATE) {
      return {
        row: 'state',
        state: {
          channel,
          sent: JSON.parse(typeof e.sent === 'string' ? e.sent : '[]') as number[],
          ...(typeof e.owner === 'string' && e.owner !== '' ? { owner: e.owner } : {}),
          claimedUntil: Number(e.claimedUntil ?? 0),
        },
      };
    }
    return {
      row: 'post',
      post: {
        channel,
        id: decodeURIComponent(rowKey.slice(rowKey.indexOf('_', 2) + 1)),
        subject: JSON.parse(String(e.subject)) as PostSubject,
        locale: String(e.locale) as Locale,
        queuedAt: asDate(e.queuedAt),
        attempts: Number(e.attempts ?? 0),
        notBefore: asDate(e.notBefore),
      },
    };
  },
};

export class ChannelPostsRepository {
  private readonly table: EntityTable<Row>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(CHANNEL_POSTS_TABLE), mapping);
  }

  async enqueue(post: QueuedPost): Promise<void> {
    await this.table.insert({ row: 'post', post });
  }

  /** Every queued post (of every channel), oldest first per channel. */
  async queued(): Promise<Stored<QueuedPost>[]> {
    const rows = await this.table.all(odata`RowKey ge ${'p_'} and RowKey lt ${'p`'}`);
    return rows.flatMap(({ value, etag }) =>
      value.row === 'post' ? [{ value: value.post, etag }] : [],
    );
  }

  async reschedule(post: Stored<QueuedPost>): Promise<void> {
    await this.table.update({ row: 'post', post: post.value }, post.etag);
  }

  async remove(post: Stored<QueuedPost>): Promise<void> {
    await this.table.delete(mapping.keys({ row: 'post', post: post.value }), post.etag);
  }

  async state(channel: ChannelLink): Promise<Stored<ChannelState> | undefined> {
    const found = await this.table.get(channelKey(channel), STATE);
    return found?.value.row === 'state'
      ? { value: found.value.state, etag: found.etag }
      : undefined;
  }

  /** Writes the channel's state if unchanged since read (or absent): the claim and the log. */
  async saveState(state: ChannelState, etag: string | undefined): Promise<string> {
    return etag === undefined
      ? this.table.insert({ row: 'state', state })
      : this.table.update({ row: 'state', state }, etag);
  }

  /** Records that the lab's summary of `week` is queued; false when someone already did. */
  async markSummary(labId: string, week: string): Promise<boolean> {
    try {
      await this.table.insert({ row: 'summary', labId, week });
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }
}
