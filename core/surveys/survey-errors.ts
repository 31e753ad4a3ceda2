import { DomainError } from '../errors';
import type { MessageKey, Params } from '../i18n/translator';
import type { AnswerProblem } from './survey';

export type SurveyProblem =
  | 'notFound'
  | 'launched'
  | 'notLaunched'
  | 'closed'
  | 'notOpenYet'
  | 'finalising'
  | 'datesPast'
  | 'stale'
  | 'outOfScope';

const STATUS: Record<SurveyProblem, number> = {
  notFound: 404,
  launched: 409,
  notLaunched: 409,
  closed: 409,
  notOpenYet: 409,
  finalising: 409,
  datesPast: 422,
  stale: 409,
  outOfScope: 403,
};

/** A refused survey request, worded by `surveys.problem.<code>`. */
export class SurveyError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;

  constructor(readonly code: SurveyProblem) {
    super(`survey: ${code}`);
    this.status = STATUS[code];
    this.messageKey = `surveys.problem.${code}`;
  }
}

/** An answer the survey does not accept (`surveys.answer.<code>`): nothing is written. */
export class SurveyAnswerError extends DomainError {
  readonly status = 422;
  readonly code: string;
  readonly messageKey: MessageKey;
  override readonly params: Params;

  constructor(
    readonly problem: AnswerProblem,
    questionNumber: number | undefined,
  ) {
    super(`survey answer: ${problem.code}`);
    this.code = problem.code;
    this.messageKey = `surveys.answer.${problem.code}`;
    this.params = {
      ...(questionNumber !== undefined ? { number: questionNumber } : {}),
      ...('max' in problem ? { max: problem.max } : {}),
    };
  }
}
