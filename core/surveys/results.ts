import { emptyValues } from '../assessment/aggregates';
import type { UnitHeadcounts } from '../directory/headcounts';
import type { Locale } from '../directory/person';
import { isWithin } from '../privacy/org-tree';
import { LruCache } from '../util/lru-cache';
import { FREE_TEXT_MIN, suppress, type Suppression } from '../privacy/suppression';
import { shuffled, type SurveyAnswersRepository } from './answers.repository';
import { valuesOf, type SurveyQuestion, type SurveyQuestionType } from './survey';
import { SurveyError } from './survey-errors';
import { phaseOf, type SurveyPhase } from './phase';
import type { SurveyRecord } from './surveys.repository';
import { sumTallies, type Tally } from './tally';

/** Texts one view lists at most (a random sample of them). */
export const TEXT_LIMIT = 500;

export interface QuestionResult {
  id: string;
  type: SurveyQuestionType;
  text: string;
  answered: number;
  counts: { value: string; label: string; count: number }[];
  mean: number | null;
  nps: number | null;
  texts: string[] | null;
  textTotal: number | null;
}

export interface DepartmentRate {
  department: string;
  hidden: boolean;
  responses: number | null;
  headcount: number;
  rate: number | null;
}

export interface SurveyResultsView {
  surveyId: string;
  state: SurveyPhase;
  anonymous: boolean;
  k: number;
  department: string | null;
  hidden: boolean;
  responses: number | null;
  audience: number | null;
  rate: number | null;
  departments: DepartmentRate[];
  questions: QuestionResult[];
}

/** Who reads: the org subtree they may see (`[]` for admins) and the view they ask for. */
export interface ResultsRequest {
  scope: readonly string[];
  department?: string;
  locale: Locale;
}

/**
 * A survey's results from its pre-aggregated tallies (one range read) through the dashboard's
 * privacy engine: one suppression pattern per survey over its departments (k locked at launch,
 * complementary suppression), of which every caller's view is a cut, so no two views combined
 * isolate fewer than k people; texts only in views of at least max(10, k) responses.
 */
export async function surveyResults(
  survey: SurveyRecord,
  deps: { answers: SurveyAnswersRepository; headcounts: UnitHeadcounts; now: Date },
  request: ResultsRequest,
): Promise<SurveyResultsView> {
  const state = phaseOf(survey, deps.now);
  if (state === 'draft') throw new SurveyError('notLaunched');
  if (state === 'closed' && !survey.flushedAt) throw new SurveyError('finalising');
  const tallies = await deps.answers.tallies(survey.id);
  const suppression = patternOf(survey.k, tallies);
  const known = new Set([
    ...tallies.keys(),
    ...(survey.audience.kind === 'departments' ? survey.audience.departments : []),
    ...(request.scope.length === 1 ? [request.scope[0]!] : []),
  ]);
  const scoped = [...known].filter((d) => isWithin([d], request.scope)).sort();
  if (request.scope.length > 1 || (request.department && !scoped.includes(request.department))) {
    throw new SurveyError('outOfScope');
  }
  const one = request.department ?? (request.scope.length === 1 ? request.scope[0]! : undefined);
  const hidden = one === undefined ? suppression.hidden[0]! : hiddenDepartment(suppression, one);
  const tally =
    one === undefined ? sumTallies([...tallies.values()]) : (tallies.get(one) ?? sumTallies([]));
  const responses = hidden ? null : tally.count;
  const audience = audienceOf(survey, deps.headcounts, one);
  const rateOf = (n: number | null, of: number | null) => (n === null || !of ? null : n / of);
  const departments = scoped.map((department): DepartmentRate => {
    const isHidden = hiddenDepartment(suppression, department);
    const count = isHidden ? null : (tallies.get(department)?.count ?? 0);
    return {
      department,
      hidden: isHidden,
      responses: count,
      headcount: deps.headcounts.subtree([department]),
      rate: rateOf(count, audienceOf(survey, deps.headcounts, department)),
    };
  });
  const questions = hidden
    ? []
    : await Promise.all(
        survey.questions.map((q) =>
          questionResult(
            q,
            tally,
            request.locale,
            tally.count >= Math.max(FREE_TEXT_MIN, survey.k),
            () =>
              deps.answers.texts(survey.id, q.id, one === undefined ? undefined : [one], Infinity),
          ),
        ),
      );
  return {
    surveyId: survey.id,
    state,
    anonymous: survey.anonymous,
    k: survey.k,
    department: request.department ?? null,
    hidden,
    responses,
    audience,
    rate: rateOf(responses, audience),
    departments,
    questions,
  };
}

/** Patterns by k and departments' counts, which alone decide them: tallies move only by steps. */
const patterns = new LruCache<string, Suppression>(200, 10 * 60_000);

function patternOf(k: number, tallies: ReadonlyMap<string, Tally>): Suppression {
  const counts = [...tallies].map(([department, tally]) => [department, tally.count] as const);
  const key = JSON.stringify([k, counts]);
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = suppress(
      counts.map(([department, count]) => ({ ...emptyValues(), orgUnitPath: [department], count })),
      { k },
    );
    patterns.set(key, pattern);
  }
  return pattern;
}

function hiddenDepartment(suppression: Suppression, department: string): boolean {
  const node = suppression.tree.nodes.find(
    (n) => !n.direct && n.path.length === 1 && n.path[0] === department,
  );
  return node ? suppression.hidden[node.id]! : true;
}

function audienceOf(
  survey: SurveyRecord,
  headcounts: UnitHeadcounts,
  department: string | undefined,
): number | null {
  const { audience } = survey;
  if (audience.kind === 'all')
    return headcounts.subtree(department === undefined ? [] : [department]);
  if (audience.kind !== 'departments') return null;
  const within = audience.departments.filter((d) => department === undefined || d === department);
  return within.reduce((sum, d) => sum + headcounts.subtree([d]), 0);
}

async function questionResult(
  q: SurveyQuestion,
  tally: Tally,
  locale: Locale,
  textsShown: boolean,
  texts: () => Promise<string[]>,
): Promise<QuestionResult> {
  const own = tally.questions[q.id] ?? { n: 0, counts: {}, sum: 0 };
  const numeric = q.type === 'scale' || q.type === 'recommend';
  const label = (value: string) => q.options.find((o) => o.id === value)?.text[locale] ?? value;
  const counts = valuesOf(q).map((value) => ({
    value,
    label: label(value),
    count: own.counts[value] ?? 0,
  }));
  const share = (values: string[]) =>
    values.reduce((sum, v) => sum + (own.counts[v] ?? 0), 0) / own.n;
  const listed =
    q.type === 'text' && textsShown ? shuffled(await texts()).slice(0, TEXT_LIMIT) : null;
  return {
    id: q.id,
    type: q.type,
    text: q.text[locale],
    answered: own.n,
    counts,
    mean: numeric && own.n > 0 ? Math.round((own.sum / own.n) * 100) / 100 : null,
    nps:
      q.type === 'recommend' && own.n > 0
        ? Math.round((share(['9', '10']) - share(['0', '1', '2', '3', '4', '5', '6'])) * 100)
        : null,
    texts: listed,
    textTotal: listed ? own.n : null,
  };
}
