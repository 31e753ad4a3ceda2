import { DomainError } from '../errors';
import type { MessageKey, Translate } from '../i18n/translator';

/** Why a selection round operation was refused; nothing was written. */
export type RoundProblem =
  | { code: 'unknownRound' }
  | { code: 'alreadyInvited' }
  | { code: 'preparing' }
  | { code: 'invalidThresholds' }
  | { code: 'invalidTargets' }
  | { code: 'unknownDepartments'; departments: string[] }
  | { code: 'invalidReason' }
  | { code: 'unknownPerson' }
  | { code: 'notConsenting' }
  | { code: 'alreadyShortlisted' }
  | { code: 'notShortlisted' };

const PROBLEM_STATUS: Record<RoundProblem['code'], number> = {
  unknownRound: 404,
  alreadyInvited: 409,
  preparing: 409,
  invalidThresholds: 422,
  invalidTargets: 422,
  unknownDepartments: 422,
  invalidReason: 422,
  unknownPerson: 404,
  notConsenting: 422,
  alreadyShortlisted: 409,
  notShortlisted: 409,
};

export class RoundError extends DomainError {
  readonly status: number;
  readonly code: RoundProblem['code'];
  readonly messageKey: MessageKey;

  constructor(readonly problem: RoundProblem) {
    super(`facilitator round: ${problem.code}`);
    this.status = PROBLEM_STATUS[problem.code];
    this.code = problem.code;
    this.messageKey = `facilitators.problem.${problem.code}`;
  }

  override describe(t: Translate): string {
    const { problem } = this;
    return problem.code === 'unknownDepartments'
      ? t(this.messageKey, { departments: problem.departments.join(', ') })
      : t(this.messageKey);
  }
}
