import type { IdeaStatus } from '../../api/types';

/** The status workflow's moves (the server checks them again). */
export const NEXT_STATUSES: Record<IdeaStatus, readonly IdeaStatus[]> = {
  submitted: ['underReview'],
  underReview: ['accepted', 'notFeasible', 'outOfScope'],
  accepted: ['implemented'],
  implemented: [],
  notFeasible: [],
  outOfScope: [],
};

/** Closing an idea without doing it needs a public reason. */
export const needsReason = (status: IdeaStatus): boolean =>
  status === 'notFeasible' || status === 'outOfScope';
