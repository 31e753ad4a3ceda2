import type { Answers, SurveyQuestion } from './survey';

/** One question's pre-aggregated answers in one department. */
export interface QuestionTally {
  /** Responses that answered it. */
  n: number;
  /** Per scale value or option id (multiple choice: each chosen option). */
  counts: Record<string, number>;
  /** Sum of the values (scale and recommend), for the mean. */
  sum: number;
}

/** A department's pre-aggregated responses to a survey: what results read, never the answers. */
export interface Tally {
  count: number;
  questions: Record<string, QuestionTally>;
}

export function emptyTally(): Tally {
  return { count: 0, questions: {} };
}

/** Adds (`sign` 1) or takes back (−1) one response; a new tally, the input unchanged. */
export function addToTally(
  tally: Tally,
  questions: readonly SurveyQuestion[],
  answers: Answers,
  sign: 1 | -1 = 1,
): Tally {
  const next: Tally = { count: tally.count + sign, questions: { ...tally.questions } };
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined) continue;
    const before = next.questions[q.id] ?? { n: 0, counts: {}, sum: 0 };
    const counts = { ...before.counts };
    const chosen = Array.isArray(value) ? value : q.type === 'text' ? [] : [String(value)];
    for (const v of chosen) counts[v] = (counts[v] ?? 0) + sign;
    next.questions[q.id] = {
      n: before.n + sign,
      counts,
      sum: before.sum + (typeof value === 'number' ? sign * value : 0),
    };
  }
  return next;
}

/** The sum of several departments' tallies (a view of more than one). */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    total.count += tally.count;
    for (const [id, q] of Object.entries(tally.questions)) {
      const into = (total.questions[id] ??= { n: 0, counts: {}, sum: 0 });
      into.n += q.n;
      into.sum += q.sum;
      for (const [v, c] of Object.entries(q.counts)) into.counts[v] = (into.counts[v] ?? 0) + c;
    }
  }
  return total;
}
