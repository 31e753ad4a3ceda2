import { SYSTEM_ACTOR } from '../audit/audit-log';
import { CampaignError, type CampaignService } from '../delivery/campaign.service';
import type { LabMessenger } from './labs.service';

/** An invitation to a lab (subject {@link labPersonSubject}): Join / No thanks. */
export const LAB_INVITATION = 'lab-invitation';
/** The leads' answer to a request to join (subject `<lab>/<person>/<approved|declined>`). */
export const LAB_DECISION = 'lab-decision';

export function labPersonSubject(labId: string, objectId: string): string {
  return `${labId}/${objectId}`;
}

export function parseLabSubject(subject: string): {
  labId: string;
  objectId: string;
  approved: boolean;
} {
  const [labId = '', objectId = '', outcome] = subject.split('/');
  return { labId, objectId, approved: outcome === 'approved' };
}

/**
 * The lab's messages to one person, each a campaign of the delivery engine with audience
 * `chosen` (the kind chooses that person): sent once, in their language, within the tenant's
 * budget. Someone the directory no longer lists gets nothing.
 */
export class LabMessages implements LabMessenger {
  constructor(private readonly campaigns: Pick<CampaignService, 'start'>) {}

  async invite(labId: string, objectId: string): Promise<void> {
    await this.start(LAB_INVITATION, labPersonSubject(labId, objectId));
  }

  async decided(labId: string, objectId: string, approved: boolean): Promise<void> {
    const outcome = approved ? 'approved' : 'declined';
    await this.start(LAB_DECISION, `${labPersonSubject(labId, objectId)}/${outcome}`);
  }

  private async start(kind: string, subject: string): Promise<void> {
    try {
      await this.campaigns.start({
        kind,
        subject,
        audience: { kind: 'chosen' },
        createdBy: SYSTEM_ACTOR,
      });
    } catch (error) {
      if (error instanceof CampaignError && error.code === 'emptyAudience') return;
      throw error;
    }
  }
}
