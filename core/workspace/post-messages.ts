import { CampaignError } from '../delivery/campaign.service';
import type { Post } from './post';
import type { PostAnnouncement, PostAudience, PostMessages } from './posts.service';
import { WorkspaceError } from './workspace-errors';

/** Message kinds of the workspace (stored in campaigns: never rename one in use). */
export const POST_ANNOUNCEMENT = 'workspace.post';
export const POST_REMOVED = 'workspace.post-removed';

/** The engine's audience for a post's audience. */
export function engineAudience(audience: PostAudience) {
  switch (audience.kind) {
    case 'everyone':
      return { kind: 'all' } as const;
    case 'facilitators':
      return { kind: 'role', role: 'facilitator' } as const;
    case 'departments':
      return { kind: 'departments', departments: audience.departments } as const;
  }
}

export interface CampaignStarter {
  start(input: {
    id?: string;
    kind: string;
    subject: string;
    audience: unknown;
    createdBy: string;
  }): Promise<unknown>;
}

/** Posts a post's card to the linked channels an announcement names (stored first, then sent). */
export interface ChannelAnnouncer {
  /** The announcement's channels that are not linked (empty: all of them are). */
  unlinked(channels: readonly ('facilitators' | 'organisation')[]): Promise<string[]>;
  queue(post: Post, channels: readonly ('facilitators' | 'organisation')[]): Promise<void>;
}

/**
 * A post's messages through the app's two ways of sending: the channel poster for channels, the
 * delivery engine for 1:1 chats (the announcement to an audience; the deletion notice to the
 * author, audience `chosen`). Nobody in an audience is no error.
 */
export function postMessages(deps: {
  campaigns: CampaignStarter;
  channels: ChannelAnnouncer;
}): PostMessages {
  const start = async (input: Parameters<CampaignStarter['start']>[0]) => {
    try {
      await deps.campaigns.start(input);
    } catch (error) {
      if (error instanceof CampaignError && error.problem.code === 'emptyAudience') return;
      throw error;
    }
  };
  return {
    async check(announcement: PostAnnouncement) {
      const unlinked = await deps.channels.unlinked(announcement.channels ?? []);
      if (unlinked.length > 0) throw new WorkspaceError('channelNotLinked');
    },
    async announce(post, announcement, by) {
      if (announcement.channels?.length) await deps.channels.queue(post, announcement.channels);
      if (announcement.chat) {
        await start({
          kind: POST_ANNOUNCEMENT,
          subject: post.id,
          audience: engineAudience(announcement.chat),
          createdBy: by,
        });
      }
    },
    async removed(post, by) {
      await start({
        kind: POST_REMOVED,
        subject: post.id,
        audience: { kind: 'chosen' },
        createdBy: by,
      });
    },
  };
}
