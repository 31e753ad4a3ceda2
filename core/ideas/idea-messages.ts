import { campaignIdFor } from '../delivery/campaign';
import { CampaignError } from '../delivery/campaign.service';
import type { IdeaNotice } from './idea-changes';

/** Message kinds of Call4Ideas (stored in campaigns: never rename one in use). */
export const IDEA_UPDATE = 'idea-update';
export const IDEA_AMENDMENT_DECIDED = 'idea-amendment-decided';

/** The campaign subject of a notice: the idea and the history entry or amendment it is about. */
export function noticeSubject(notice: IdeaNotice): { kind: string; subject: string } {
  return notice.kind === 'update'
    ? { kind: IDEA_UPDATE, subject: `${notice.ideaId}/${notice.entryId}` }
    : { kind: IDEA_AMENDMENT_DECIDED, subject: `${notice.ideaId}/${notice.amendmentId}` };
}

export function parseNoticeSubject(subject: string): { ideaId: string; id: string } {
  const slash = subject.indexOf('/');
  return { ideaId: subject.slice(0, slash), id: subject.slice(slash + 1) };
}

/**
 * Sends a notice as a campaign of its kind to the people the kind chooses (audience `chosen`);
 * nobody to tell (the only author acted, say) is no error. The campaign's id comes from the
 * notice's time and subject, so a notice sent again (a retry, the sweep of unfinished changes)
 * finds its campaign instead of telling anyone twice.
 */
export function noticeSender(campaigns: {
  start(input: {
    kind: string;
    subject: string;
    audience: unknown;
    createdBy: string;
    id: string;
  }): Promise<unknown>;
}): (notice: IdeaNotice) => Promise<void> {
  return async (notice) => {
    const { kind, subject } = noticeSubject(notice);
    try {
      await campaigns.start({
        kind,
        subject,
        audience: { kind: 'chosen' },
        createdBy: notice.actor,
        id: campaignIdFor(notice.at, `${kind}/${subject}`),
      });
    } catch (error) {
      if (error instanceof CampaignError && error.problem.code === 'emptyAudience') return;
      throw error;
    }
  };
}
