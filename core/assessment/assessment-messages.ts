import type { RespondentsRepository } from '../delivery/respondents.repository';
import type { Pseudonyms } from '../privacy/pseudonyms';

/**
 * The assessment's message kinds: the invitation to a round and its reminder. Both are about the
 * round (the campaign's subject is the assessment campaign id), stored in campaign rows under
 * these ids; the cards are built in `bot/delivery/campaign-messages.ts`.
 */
export const ASSESSMENT_INVITATION = 'assessment';
export const ASSESSMENT_REMINDER = 'reminder';

/** An invitation campaign's kind and subject: the round people are invited to answer. */
export function invitationTo(assessmentCampaignId: string): { kind: string; subject: string } {
  return { kind: ASSESSMENT_INVITATION, subject: assessmentCampaignId };
}

/** Who submitted an assessment round, from one read of the respondents ledger. */
export function submittedBy(respondents: RespondentsRepository, pseudonyms: Pseudonyms) {
  return async (subject: string): Promise<(objectId: string) => boolean> => {
    const done = await respondents.pseudonymsOf(subject);
    return (objectId: string) => done.has(pseudonyms.pseudonymOf(objectId));
  };
}
