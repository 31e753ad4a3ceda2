import { DomainError } from '../errors';
import type { MessageKey, Params, Translate } from '../i18n/translator';

export type TrainingProblem = 'notFacilitator' | 'unknownModule' | 'futureDate';

const STATUS: Record<TrainingProblem, number> = {
  notFacilitator: 403,
  unknownModule: 422,
  futureDate: 422,
};

/** A refused training request: not a facilitator, a module not in the catalogue, a future date. */
export class TrainingError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;

  constructor(readonly code: TrainingProblem) {
    super(`training: ${code}`);
    this.status = STATUS[code];
    this.messageKey = `training.problem.${code}`;
  }
}

/** Why one line of a completions file was refused. */
export type LineReason =
  | 'syntax'
  | 'columns'
  | 'empty'
  | 'unknownPerson'
  | 'notFacilitator'
  | 'unknownModule'
  | 'badDate'
  | 'futureDate'
  | 'badHours'
  | 'duplicate';

export interface LineProblem {
  /** 1-based line of the file; 1 is the header. */
  line: number;
  reason: LineReason;
  /** The earlier line a duplicate repeats. */
  sameAs?: number;
}

/** A completions file with refused lines: nothing of it was written. */
export class TrainingImportError extends DomainError {
  readonly status = 422;
  readonly code = 'invalidLines';
  readonly messageKey: MessageKey = 'training.import.invalid';

  override readonly params: Params;

  constructor(readonly problems: readonly LineProblem[]) {
    super(`training import: ${problems.length} refused lines`);
    this.params = { count: problems.length };
  }

  override problemDetails(t: Translate): Record<string, unknown> {
    return {
      errors: this.problems.map(({ line, reason, sameAs }) => ({
        line,
        reason,
        message: t(`training.import.line.${reason}`, sameAs === undefined ? {} : { line: sameAs }),
      })),
    };
  }
}
