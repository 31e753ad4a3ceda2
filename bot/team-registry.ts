import { TeamsInfo, type TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { KnownChannel, TeamsRepository } from '../core/conversations/teams.repository';

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
}

const channelDataOf = (context: TurnContext): TeamsChannelData =>
  (context.activity.channelData ?? {}) as TeamsChannelData;

/**
 * Keeps the teams and channels the bot is in (core/conversations/teams.repository.ts) current
 * from Teams' events: installed or added to a team (the team, its serviceUrl and its channels),
 * channels created, renamed, restored or deleted, the team renamed or deleted, the app removed.
 * Every channel message also records its channel, should an event have been missed.
 */
export class TeamRegistry {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly logger: Logger,
  ) {}

  /** Registers the registry's handlers on the bot (the router stays thin). */
  attach(bot: TeamsActivityHandler): void {
    bot.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context);
      await next();
    });
    bot.onInstallationUpdateRemove(async (context, next) => {
      await this.removed(context);
      await next();
    });
    bot.onMembersAdded(async (context, next) => {
      const me = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((m) => m.id === me)) await this.installed(context);
      await next();
    });
    bot.onMembersRemoved(async (context, next) => {
      const me = context.activity.recipient.id;
      if (context.activity.membersRemoved?.some((m) => m.id === me)) await this.removed(context);
      await next();
    });
    const channel =
      (deleted: boolean) =>
      async (
        info: { id?: string; name?: string },
        team: { id?: string },
        context: TurnContext,
        next: () => Promise<void>,
      ) => {
        await this.recordTeam(context);
        if (team.id && info.id) await this.saveChannel(team.id, info, deleted);
        await next();
      };
    bot.onTeamsChannelCreatedEvent(channel(false));
    bot.onTeamsChannelRenamedEvent(channel(false));
    bot.onTeamsChannelRestoredEvent(channel(false));
    bot.onTeamsChannelDeletedEvent(channel(true));
    bot.onTeamsTeamRenamedEvent(async (_team, context, next) => {
      await this.recordTeam(context);
      await next();
    });
    bot.onTeamsTeamDeletedEvent(async (_team, context, next) => {
      await this.removed(context);
      await next();
    });
  }

  /** A message in a channel: its team and channel are known from now on. */
  async heard(context: TurnContext): Promise<void> {
    const { team, channel } = channelDataOf(context);
    if (!team?.id || !channel?.id) return;
    await this.recordTeam(context);
    const known = await this.teams.channel(team.id, channel.id);
    if (!known || known.deleted || (channel.name && known.name !== channel.name)) {
      await this.saveChannel(team.id, { id: channel.id, name: channel.name ?? known?.name }, false);
    }
  }

  private async installed(context: TurnContext): Promise<void> {
    const teamId = channelDataOf(context).team?.id;
    if (!teamId) return;
    await this.recordTeam(context);
    const now = new Date();
    let channels: { id?: string; name?: string }[];
    try {
      channels = await TeamsInfo.getTeamChannels(context, teamId);
    } catch (error) {
      // Some hosts (the Agents Playground) do not list channels: the General channel and the
      // one the event came from are known anyway, others as people write there.
      this.logger.debug({ err: error }, 'team channels not listed');
      const here = channelDataOf(context).channel;
      channels = [{ id: teamId }, ...(here?.id && here.id !== teamId ? [here] : [])];
    }
    await this.teams.saveChannels(
      channels.flatMap((c): KnownChannel[] =>
        c.id
          ? [
              {
                teamId,
                channelId: c.id,
                ...(c.name ? { name: c.name } : {}),
                deleted: false,
                updatedAt: now,
              },
            ]
          : [],
      ),
    );
  }

  private async removed(context: TurnContext): Promise<void> {
    const teamId = channelDataOf(context).team?.id;
    if (teamId) await this.teams.markRemoved(teamId, new Date());
  }

  /** The team with the serviceUrl and tenant of this activity; its name when Teams gives it. */
  private async recordTeam(context: TurnContext): Promise<void> {
    const { activity } = context;
    const data = channelDataOf(context);
    const teamId = data.team?.id;
    if (!teamId) return;
    const known = await this.teams.team(teamId);
    const name = data.team?.name ?? known?.name;
    const tenantId = data.tenant?.id ?? activity.conversation?.tenantId ?? known?.tenantId;
    // Every channel message passes here: write only what changed.
    const unchanged =
      known &&
      !known.removed &&
      known.name === name &&
      known.tenantId === tenantId &&
      known.serviceUrl === activity.serviceUrl &&
      known.botId === activity.recipient.id;
    if (unchanged) return;
    await this.teams.saveTeam({
      teamId,
      ...(name ? { name } : {}),
      serviceUrl: activity.serviceUrl,
      ...(tenantId ? { tenantId } : {}),
      botId: activity.recipient.id,
      removed: false,
      updatedAt: new Date(),
    });
  }

  private async saveChannel(
    teamId: string,
    channel: { id?: string; name?: string | undefined },
    deleted: boolean,
  ): Promise<void> {
    if (!channel.id) return;
    const known = await this.teams.channel(teamId, channel.id);
    const name = channel.name ?? known?.name;
    await this.teams.saveChannels([
      { teamId, channelId: channel.id, ...(name ? { name } : {}), deleted, updatedAt: new Date() },
    ]);
  }
}
