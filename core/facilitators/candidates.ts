import type { AssessmentResponse } from '../assessment/assessment-response';
import { CONSENT_ITEM, INTEREST_ITEM, SELECTION_DIMENSIONS, type Candidate } from './facilitators';

/**
 * What a submitted response makes of the person: a candidate when they said yes to `fc-consent`
 * and both selection dimensions have a score; undefined otherwise (no consent, or a dimension left
 * unanswered). The department is the one they answered for (the first level of its unit).
 */
export function candidateOf(objectId: string, response: AssessmentResponse): Candidate | undefined {
  const department = response.orgUnitPath?.[0];
  if (response.choices[CONSENT_ITEM] !== true || !response.result || !department) return undefined;
  const score = (dimension: string) =>
    response.result?.dimensions.find((d) => d.dimension === dimension)?.score ?? null;
  const digitalSkills = score(SELECTION_DIMENSIONS.digitalSkills);
  const motivation = score(SELECTION_DIMENSIONS.motivation);
  if (digitalSkills === null || motivation === null) return undefined;
  return {
    objectId: objectId.toLowerCase(),
    department,
    digitalSkills,
    motivation,
    interested: response.choices[INTEREST_ITEM] === true,
    submittedAt: response.submittedAt ?? response.updatedAt,
  };
}
