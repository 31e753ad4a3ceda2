import { DomainError } from '../errors';
import type { MessageKey, Params } from '../i18n/translator';

export type ContestProblem =
  | 'notFound'
  | 'entryNotFound'
  | 'entriesClosed'
  | 'tooManyEntries'
  | 'votingClosed'
  | 'ownEntry'
  | 'resultsNotYet'
  | 'tooEarlyToClose'
  | 'alreadyClosed';

const STATUS: Record<ContestProblem, number> = {
  notFound: 404,
  entryNotFound: 404,
  entriesClosed: 409,
  tooManyEntries: 409,
  votingClosed: 409,
  ownEntry: 422,
  resultsNotYet: 409,
  tooEarlyToClose: 409,
  alreadyClosed: 409,
};

/** A refused contest request, with nothing written. */
export class ContestError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;
  override readonly params: Params;

  constructor(
    readonly code: ContestProblem,
    params: Params = {},
  ) {
    super(`contest: ${code}`);
    this.status = STATUS[code];
    this.messageKey = `contest.problem.${code}`;
    this.params = params;
  }
}
