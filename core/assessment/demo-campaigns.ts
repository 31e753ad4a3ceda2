import type { Person } from '../directory/person';
import { seededRandom } from '../util/random';
import { addResult, type AggregateRow } from './aggregates';
import type { AssessmentCampaign } from './assessment-campaigns.repository';
import { scoredItems, type Questionnaire } from './questionnaire';
import { scoreAnswers, type LikertValue } from './scoring';

/** One earlier campaign of the local demo: its registry row and its aggregate rows. */
export interface DemoCampaign {
  campaign: AssessmentCampaign;
  rows: AggregateRow[];
}

/** Months before the current campaign that each earlier demo campaign started, oldest first. */
const EDITIONS_MONTHS_AGO = [24, 12];
/** How much each later campaign adds to a department's mood on the 1–5 scale, at most. */
const PROGRESS_PER_EDITION = 0.4;

/**
 * Two earlier campaigns of the current questionnaire for the local demo, as aggregates only (no
 * answers are stored, so nobody's data is in them): synthetic results of part of the demo
 * directory, each department with its own baseline and progress, so that the dashboard has
 * differences to compare and small groups to hide. The oldest lacks the questionnaire's last
 * dimension, as if it had been added later.
 */
export function demoCampaigns(
  current: AssessmentCampaign,
  questionnaire: Questionnaire,
  people: readonly Person[],
  seed = 2026,
): DemoCampaign[] {
  const next = seededRandom(seed);
  const spread = (width: number): number => (next() - 0.5) * width;
  const departments = [...new Set(people.map((p) => p.orgUnitPath[0]!))];
  const baseline = new Map(departments.map((d) => [d, 3 + spread(1.4)]));
  const progress = new Map(departments.map((d) => [d, next() * PROGRESS_PER_EDITION]));
  const items = scoredItems(questionnaire);
  const lean = new Map(questionnaire.dimensions.map((d) => [d.id, spread(1)]));

  return EDITIONS_MONTHS_AGO.map((monthsAgo, edition) => {
    const lockedAt = new Date(current.lockedAt);
    lockedAt.setUTCMonth(lockedAt.getUTCMonth() - monthsAgo);
    const id = `${current.id}-demo-${edition + 1}`;
    const dimensions = edition === 0 ? current.dimensions.slice(0, -1) : current.dimensions.slice();
    const kept = new Set(dimensions.map((d) => d.id));
    const participation = new Map(departments.map((d) => [d, 0.5 + next() * 0.45]));
    const totals = new Map<string, AggregateRow>();
    for (const person of people) {
      const department = person.orgUnitPath[0]!;
      if (next() >= participation.get(department)!) continue;
      const mood = baseline.get(department)! + edition * progress.get(department)! + spread(1.2);
      const answers: Record<string, LikertValue> = {};
      for (const item of items) {
        const agreement = mood + lean.get(item.dimension)! + spread(1.6);
        const value = Math.min(5, Math.max(1, Math.round(agreement)));
        answers[item.id] = (item.reverse ? 6 - value : value) as LikertValue;
      }
      const result = scoreAnswers(questionnaire, answers);
      addResult(totals, id, person.orgUnitPath, {
        ...result,
        dimensions: result.dimensions.filter((d) => kept.has(d.dimension)),
      });
    }
    return { campaign: { ...current, id, dimensions, lockedAt }, rows: [...totals.values()] };
  });
}
