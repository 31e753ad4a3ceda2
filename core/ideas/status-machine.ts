import type { IdeaStatus } from './idea';
import { IdeaError } from './idea-errors';

/** Where each status may go; the last three are final. */
const MOVES: Record<IdeaStatus, readonly IdeaStatus[]> = {
  submitted: ['underReview'],
  underReview: ['accepted', 'notFeasible', 'outOfScope'],
  accepted: ['implemented'],
  implemented: [],
  notFeasible: [],
  outOfScope: [],
};

const NEEDS_REASON: ReadonlySet<IdeaStatus> = new Set(['notFeasible', 'outOfScope']);

export interface StatusChange {
  status: IdeaStatus;
  reason: string | null;
  labId: string | null;
}

/**
 * The programme team's move of an idea: submitted → under review → accepted (optionally in a
 * lab) → implemented, or under review → not feasible / out of scope with a public reason.
 */
export function changeStatus(
  current: IdeaStatus,
  to: IdeaStatus,
  input: { reason?: string | undefined; labId?: string | undefined },
): StatusChange {
  if (!MOVES[current].includes(to)) {
    throw new IdeaError('badTransition');
  }
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (NEEDS_REASON.has(to) && reason === null) throw new IdeaError('reasonRequired');
  if (input.labId !== undefined && to !== 'accepted') throw new IdeaError('labOnlyWhenAccepted');
  return { status: to, reason, labId: input.labId ?? null };
}

export const nextStatuses = (current: IdeaStatus): readonly IdeaStatus[] => MOVES[current];
