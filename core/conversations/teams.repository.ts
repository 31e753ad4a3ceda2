import { asDate, EntityTable, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * The teams the app is installed in and their channels, as the bot last heard of them: one
 * partition per team (PartitionKey the team id), the team in RowKey `team` and each channel in
 * `c_<channel id>`. A channel post needs the team's `serviceUrl` and tenant; the tab's channel
 * picker lists the table (a few rows per team).
 */
export const TEAMS_TABLE = 'teamchannels';

export interface KnownTeam {
  teamId: string;
  name?: string;
  serviceUrl: string;
  tenantId?: string;
  /** The bot's id in the team (the activity's recipient): the `bot` member of a new conversation. */
  botId?: string;
  /** The app was removed from the team (or the team deleted): nothing can be posted there. */
  removed: boolean;
  updatedAt: Date;
}

export interface KnownChannel {
  teamId: string;
  channelId: string;
  name?: string;
  deleted: boolean;
  updatedAt: Date;
}

type Row = { row: 'team'; team: KnownTeam } | { row: 'channel'; channel: KnownChannel };

const TEAM_ROW = 'team';
const channelKey = (id: string) => `c_${encodeKey(id)}`;
const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const mapping: EntityMapping<Row> = {
  keys: (r) =>
    r.row === 'team'
      ? { partitionKey: encodeKey(r.team.teamId), rowKey: TEAM_ROW }
      : { partitionKey: encodeKey(r.channel.teamId), rowKey: channelKey(r.channel.channelId) },
  toEntity: (r) =>
    r.row === 'team'
      ? {
          name: r.team.name,
          serviceUrl: r.team.serviceUrl,
          tenantId: r.team.tenantId,
          botId: r.team.botId,
          removed: r.team.removed,
          updatedAt: r.team.updatedAt,
        }
      : { name: r.channel.name, deleted: r.channel.deleted, updatedAt: r.channel.updatedAt },
  fromEntity: (e) => {
    const teamId = decodeURIComponent(String(e.partitionKey));
    const name = optionalString(e.name);
    const key = String(e.rowKey);
    if (key === TEAM_ROW) {
      const tenantId = optionalString(e.tenantId);
      const botId = optionalString(e.botId);
      return {
        row: 'team',
        team: {
          teamId,
          ...(name ? { name } : {}),
          serviceUrl: String(e.serviceUrl),
          ...(tenantId ? { tenantId } : {}),
          ...(botId ? { botId } : {}),
          removed: e.removed === true,
          updatedAt: asDate(e.updatedAt),
        },
      };
    }
    return {
      row: 'channel',
      channel: {
        teamId,
        channelId: decodeURIComponent(key.slice(2)),
        ...(name ? { name } : {}),
        deleted: e.deleted === true,
        updatedAt: asDate(e.updatedAt),
      },
    };
  },
};

export class TeamsRepository {
  private readonly table: EntityTable<Row>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(TEAMS_TABLE), mapping);
  }

  async team(teamId: string): Promise<KnownTeam | undefined> {
    const found = await this.table.get(encodeKey(teamId), TEAM_ROW);
    return found?.value.row === 'team' ? found.value.team : undefined;
  }

  async channel(teamId: string, channelId: string): Promise<KnownChannel | undefined> {
    const found = await this.table.get(encodeKey(teamId), channelKey(channelId));
    return found?.value.row === 'channel' ? found.value.channel : undefined;
  }

  /** Every team and its channels (the picker), teams the app left included. */
  async all(): Promise<{ team: KnownTeam; channels: KnownChannel[] }[]> {
    const teams = new Map<string, { team?: KnownTeam; channels: KnownChannel[] }>();
    const entry = (id: string) => {
      const found = teams.get(id) ?? { channels: [] };
      teams.set(id, found);
      return found;
    };
    for await (const { value } of this.table.query()) {
      if (value.row === 'team') entry(value.team.teamId).team = value.team;
      else entry(value.channel.teamId).channels.push(value.channel);
    }
    return [...teams.values()].flatMap(({ team, channels }) => (team ? [{ team, channels }] : []));
  }

  /** The newest word on a team wins: it is written whole from the activity just received. */
  async saveTeam(team: KnownTeam): Promise<void> {
    await this.table.upsert({ row: 'team', team });
  }

  async saveChannels(channels: readonly KnownChannel[]): Promise<void> {
    await this.table.upsertMany(channels.map((channel) => ({ row: 'channel' as const, channel })));
  }

  /** The app left the team (or the team was deleted): its channels stay, marked unavailable. */
  async markRemoved(teamId: string, at: Date): Promise<void> {
    await this.table.modify({ partitionKey: encodeKey(teamId), rowKey: TEAM_ROW }, (row) =>
      row?.row === 'team'
        ? { row: 'team', team: { ...row.team, removed: true, updatedAt: at } }
        : undefined,
    );
  }
}
