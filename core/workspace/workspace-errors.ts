import { DomainError } from '../errors';
import type { MessageKey } from '../i18n/translator';

const STATUS = {
  notFound: 404,
  forbidden: 403,
  writersOnly: 403,
  published: 409,
  draft: 409,
  reasonRequired: 400,
  missingIfMatch: 428,
  channelNotLinked: 409,
  unknownChannel: 404,
  questionNotFound: 404,
  replyNotFound: 404,
} as const;

export type WorkspaceProblem = keyof typeof STATUS;

/** A refusal in the facilitators' workspace, with its HTTP status and a localised message. */
export class WorkspaceError extends DomainError {
  readonly status: number;
  readonly code: string;
  readonly messageKey: MessageKey;

  constructor(problem: WorkspaceProblem) {
    super(`workspace: ${problem}`);
    this.status = STATUS[problem];
    this.code = `workspace.${problem}`;
    this.messageKey = `workspace.problem.${problem}`;
  }
}

/** An edit based on a version another edit replaced: the caller gets the post as it is now. */
export class StalePostError<T> extends DomainError {
  readonly status = 412;
  readonly code = 'posts.stale';
  readonly messageKey: MessageKey = 'workspace.problem.stale';

  constructor(
    readonly current: T,
    readonly etag: string,
  ) {
    super('workspace: stale post');
  }
}
