import { DomainError } from '../errors';
import type { MessageKey, Params } from '../i18n/translator';
import type { IdeaProblemCode } from './idea';

const STATUS: Record<IdeaProblemCode, number> = {
  unknownCall: 404,
  unknownIdea: 404,
  unknownAmendment: 404,
  unknownComment: 404,
  noOpenCall: 409,
  callClosed: 409,
  callsOverlap: 409,
  callHasIdeas: 409,
  invalidDates: 422,
  merged: 409,
  hidden: 409,
  notHidden: 409,
  badTransition: 409,
  reasonRequired: 422,
  labOnlyWhenAccepted: 422,
  alreadyDecided: 409,
  notAuthor: 403,
  ownIdea: 403,
  notAmendable: 409,
  mergeSelf: 409,
  mergeChain: 409,
  notMerged: 409,
  replyToReply: 422,
  unknownArea: 422,
};

/** A refused operation on calls, ideas, votes, comments or amendments; nothing was written. */
export class IdeaError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;
  override readonly params: Params;

  constructor(
    readonly code: IdeaProblemCode,
    params: Params = {},
  ) {
    super(`ideas: ${code}`);
    this.status = STATUS[code];
    this.messageKey = `ideas.problem.${code}`;
    this.params = params;
  }
}
