import { DomainError } from '../errors';
import type { MessageKey } from '../i18n/translator';

const STATUS = {
  notFound: 404,
  forbidden: 403,
  concluded: 409,
  unknownTheme: 422,
  unknownPerson: 422,
  notMember: 422,
  alreadyMember: 409,
  noRequest: 404,
  lastLead: 409,
  unknownChannel: 404,
  notRetryable: 409,
  taskNotFound: 404,
  milestoneNotFound: 404,
  updateNotFound: 404,
  missingIfMatch: 428,
  tooManyMembers: 422,
} as const;

export type LabProblem = keyof typeof STATUS;

/** A refusal of a lab operation, with its HTTP status and a message in the person's language. */
export class LabError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;

  constructor(readonly code: LabProblem) {
    super(`labs: ${code}`);
    this.status = STATUS[code];
    this.messageKey = `labs.problem.${code}`;
  }
}

/** A task edit based on a version another edit replaced: the caller gets the task as it is now. */
export class StaleTaskError<T> extends DomainError {
  readonly status = 412;
  readonly code = 'labs.task.stale';
  readonly messageKey: MessageKey = 'labs.problem.staleTask';

  constructor(
    readonly current: T,
    readonly etag: string,
  ) {
    super('labs: stale task');
  }
}
