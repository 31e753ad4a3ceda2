import type { SurveyRecord } from './surveys.repository';

export type SurveyPhase = 'draft' | 'scheduled' | 'open' | 'closed';

/** Where a survey is in its life at `now`. */
export function phaseOf(survey: SurveyRecord, now: Date): SurveyPhase {
  if (!survey.launchedAt) return 'draft';
  if (survey.closedAt || (survey.closesAt && survey.closesAt <= now)) return 'closed';
  if (survey.opensAt && survey.opensAt > now) return 'scheduled';
  return 'open';
}
