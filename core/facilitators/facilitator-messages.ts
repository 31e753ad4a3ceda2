/**
 * The community's message kinds (registered by bot/features/facilitators): a round's invitation
 * and its reminder (subject: the round id), a manager's approval request and the person's decision
 * (subject: {@link entrySubject}, one shortlist entry), and a revocation (subject: the person).
 */
export const FACILITATOR_INVITATION = 'facilitator-invitation';
export const FACILITATOR_REMINDER = 'facilitator-reminder';
export const FACILITATOR_APPROVAL = 'facilitator-approval';
export const FACILITATOR_DECISION = 'facilitator-decision';
/** The person is told an admin revoked their role (subject: their object id). */
export const FACILITATOR_REVOCATION = 'facilitator-revocation';

/** One person's entry in one round, as a campaign subject: `<round id>/<object id>`. */
export function entrySubject(roundId: string, objectId: string): string {
  return `${roundId}/${objectId}`;
}

export function parseEntrySubject(subject: string): { roundId: string; objectId: string } {
  const at = subject.lastIndexOf('/');
  return { roundId: subject.slice(0, at), objectId: subject.slice(at + 1) };
}
