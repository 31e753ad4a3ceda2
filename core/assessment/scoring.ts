import { scoredItems, type BandId, type Questionnaire, type Suggestion } from './questionnaire';

export type LikertValue = 1 | 2 | 3 | 4 | 5;
/** Answers by item id. Ids of unscored items (the consent choices) are ignored. */
export type Answers = Readonly<Record<string, LikertValue>>;

/** One dimension's outcome; `score` and `band` are null when none of its items was answered. */
export interface DimensionScore {
  dimension: string;
  answered: number;
  itemCount: number;
  score: number | null;
  band: BandId | null;
}

/** A person's scores, one entry per dimension in questionnaire order. */
export interface AssessmentResult {
  questionnaireId: string;
  version: number;
  dimensions: DimensionScore[];
}

export interface Highlight {
  dimension: string;
  score: number;
  band: BandId;
}

export interface GrowthArea extends Highlight {
  suggestion: Suggestion;
}

export interface StrengthsAndGrowth {
  strengths: Highlight[];
  growth: GrowthArea[];
}

export const MAX_STRENGTHS = 2;
export const MAX_GROWTH_AREAS = 2;

/**
 * Scores each dimension: the mean of its answered items (a reverse item's answer v counts as
 * 6 − v), mapped linearly from 1–5 to 0–100 and rounded to one decimal. The band is taken from
 * the rounded score, so a score shown as 75.0 is in a band that starts at 75.
 *
 * @throws RangeError when an answer to a scored item is not an integer from 1 to 5.
 */
export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): AssessmentResult {
  const items = scoredItems(questionnaire);
  const dimensions = questionnaire.dimensions.map((dimension): DimensionScore => {
    const own = items.filter((item) => item.dimension === dimension.id);
    const values = own.flatMap((item) => {
      const value: unknown = answers[item.id];
      if (value === undefined) return [];
      if (!isLikert(value)) throw new RangeError(`item ${item.id}: answer must be 1 to 5`);
      return [item.reverse ? 6 - value : value];
    });
    const base = { dimension: dimension.id, answered: values.length, itemCount: own.length };
    if (values.length === 0) return { ...base, score: null, band: null };
    const sum = values.reduce((total, value) => total + value, 0);
    // (mean − 1) × 25, in tenths, kept in integers until the last step to round exactly.
    const score = Math.round(((sum - values.length) * 250) / values.length) / 10;
    return { ...base, score, band: bandOf(questionnaire, score) };
  });
  return { questionnaireId: questionnaire.id, version: questionnaire.version, dimensions };
}

/** The highest band whose threshold the score reaches. */
export function bandOf(questionnaire: Questionnaire, score: number): BandId {
  let band: BandId = questionnaire.bands[0].id;
  for (const b of questionnaire.bands) if (score >= b.min) band = b.id;
  return band;
}

/**
 * Picks what the result card highlights. Strengths: up to {@link MAX_STRENGTHS} highest-scoring
 * dimensions at or above the middle band. Growth areas: up to {@link MAX_GROWTH_AREAS}
 * lowest-scoring dimensions below the top band that are not strengths, each with its suggestion.
 * A dimension tied with the last one picked is picked too (listed in questionnaire order): no
 * arbitrary cut between equal scores. Unscored dimensions are left out. Growth is empty when
 * every scored dimension is in the top band.
 */
export function strengthsAndGrowth(
  questionnaire: Questionnaire,
  result: AssessmentResult,
): StrengthsAndGrowth {
  if (result.questionnaireId !== questionnaire.id || result.version !== questionnaire.version) {
    throw new Error(
      `result of ${result.questionnaireId} v${result.version} read with ${questionnaire.id} v${questionnaire.version}`,
    );
  }
  const [, middle, top] = questionnaire.bands;
  const scored = result.dimensions.flatMap((d, order) =>
    d.score === null || d.band === null
      ? []
      : [{ order, highlight: { dimension: d.dimension, score: d.score, band: d.band } }],
  );
  const strong = scored
    .filter(({ highlight }) => highlight.score >= middle.min)
    .sort((a, b) => b.highlight.score - a.highlight.score || a.order - b.order);
  const strengths = withTies(strong, MAX_STRENGTHS).map(({ highlight }) => highlight);
  const weak = scored
    .filter(({ highlight }) => highlight.score < top.min && !strengths.includes(highlight))
    .sort((a, b) => a.highlight.score - b.highlight.score || a.order - b.order);
  const growth = withTies(weak, MAX_GROWTH_AREAS).map(({ highlight }) => ({
    ...highlight,
    suggestion: suggestionFor(questionnaire, highlight),
  }));
  return { strengths, growth };
}

/** The first `max` of `sorted`, and every later one with the same score as the last of them. */
function withTies<T extends { highlight: Highlight }>(sorted: T[], max: number): T[] {
  const last = sorted[max - 1]?.highlight.score;
  return sorted.filter((entry, i) => i < max || entry.highlight.score === last);
}

function suggestionFor(questionnaire: Questionnaire, highlight: Highlight): Suggestion {
  const dimension = questionnaire.dimensions.find((d) => d.id === highlight.dimension);
  if (!dimension) throw new Error(`unknown dimension ${highlight.dimension}`);
  return dimension.suggestion;
}

function isLikert(value: unknown): value is LikertValue {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
