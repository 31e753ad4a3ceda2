/** The detailed screens the overview's tiles open, in the tiles' order. */
export const OVERVIEW_LINKS = ['dashboard', 'surveys', 'facilitators', 'labs', 'ideas'] as const;

export type OverviewLink = (typeof OVERVIEW_LINKS)[number];
