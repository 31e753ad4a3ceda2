import shipped from '../../content/questionnaires/digital-mindset.v1.json';
import { loadQuestionnaire, scoredItems, type Questionnaire } from './questionnaire';
import {
  scoreAnswers,
  strengthsAndGrowth,
  type Answers,
  type AssessmentResult,
  type LikertValue,
} from './scoring';

const text = (s: string) => ({ 'it-IT': s, 'en-US': s });

/** Dimensions a–d with three items each (the second of `a` reversed), bands at 0 / 50 / 75. */
function fixture(): Questionnaire {
  const shippedQuestionnaire = loadQuestionnaire(shipped);
  const ids = ['a', 'b', 'c', 'd'];
  return {
    ...shippedQuestionnaire,
    id: 'fixture',
    version: 3,
    dimensions: ids.map((id) => ({
      id,
      name: text(id),
      description: text(id),
      suggestion: { kind: 'training', text: text(`grow ${id}`) },
    })),
    items: ids.flatMap((dimension) =>
      [1, 2, 3].map((n) => ({
        id: `${dimension}-${n}`,
        type: 'likert' as const,
        dimension,
        text: text(`${dimension} ${n}`),
        reverse: dimension === 'a' && n === 2,
      })),
    ),
  };
}

function answerAll(q: Questionnaire, value: LikertValue): Answers {
  return Object.fromEntries(scoredItems(q).map((i) => [i.id, value]));
}

function result(scores: Record<string, number | null>): AssessmentResult {
  const q = fixture();
  return {
    questionnaireId: q.id,
    version: q.version,
    dimensions: Object.entries(scores).map(([dimension, score]) => ({
      dimension,
      answered: score === null ? 0 : 3,
      itemCount: 3,
      score,
      band:
        score === null ? null : score >= 75 ? 'advanced' : score >= 50 ? 'intermediate' : 'base',
    })),
  };
}

describe('scoreAnswers', () => {
  const q = fixture();

  it('reverses reverse-scored items before averaging', () => {
    const scores = scoreAnswers(q, { 'a-1': 5, 'a-2': 1, 'a-3': 5 }).dimensions[0];
    expect(scores).toEqual({
      dimension: 'a',
      answered: 3,
      itemCount: 3,
      score: 100,
      band: 'advanced',
    });
    expect(scoreAnswers(q, { 'a-1': 5, 'a-2': 5, 'a-3': 5 }).dimensions[0]?.score).toBe(66.7);
  });

  it('maps 1 to 0 and 5 to 100', () => {
    expect(scoreAnswers(q, answerAll(q, 1)).dimensions[1]?.score).toBe(0);
    expect(scoreAnswers(q, answerAll(q, 5)).dimensions[1]?.score).toBe(100);
  });

  it('puts a score exactly on a threshold in the higher band', () => {
    const at = (answers: Answers) => scoreAnswers(q, answers).dimensions[1];
    expect(at({ 'b-1': 3, 'b-2': 3, 'b-3': 3 })).toMatchObject({ score: 50, band: 'intermediate' });
    expect(at({ 'b-1': 4, 'b-2': 4, 'b-3': 4 })).toMatchObject({ score: 75, band: 'advanced' });
    expect(at({ 'b-1': 3, 'b-2': 3, 'b-3': 2 })).toMatchObject({ score: 41.7, band: 'base' });
    expect(at({ 'b-1': 4, 'b-2': 4, 'b-3': 3 })).toMatchObject({
      score: 66.7,
      band: 'intermediate',
    });
  });

  it('scores partial answers on the answered items and leaves unanswered dimensions unscored', () => {
    const { dimensions } = scoreAnswers(q, { 'a-1': 4, 'c-1': 2, 'c-3': 3 });
    expect(dimensions.map((d) => [d.dimension, d.answered, d.score, d.band])).toEqual([
      ['a', 1, 75, 'advanced'],
      ['b', 0, null, null],
      ['c', 2, 37.5, 'base'],
      ['d', 0, null, null],
    ]);
  });

  it('ignores answers to items that are not scored', () => {
    const answers = { ...answerAll(q, 4), 'fc-consent': 1 } as Answers;
    expect(scoreAnswers(q, answers)).toEqual(scoreAnswers(q, answerAll(q, 4)));
  });

  it('rejects an answer outside 1 to 5', () => {
    const answers = { 'b-2': 6 } as unknown as Answers;
    expect(() => scoreAnswers(q, answers)).toThrow('item b-2: answer must be 1 to 5');
  });

  it('gives every dimension of the shipped questionnaire 50 for all-neutral answers', () => {
    const real = loadQuestionnaire(shipped);
    const { dimensions } = scoreAnswers(real, answerAll(real, 3));
    expect(dimensions).toHaveLength(6);
    for (const d of dimensions) expect(d).toMatchObject({ score: 50, band: 'intermediate' });
  });
});

describe('strengthsAndGrowth', () => {
  const q = fixture();
  const pick = (scores: Record<string, number | null>) => {
    const { strengths, growth } = strengthsAndGrowth(q, result(scores));
    return { strengths: strengths.map((s) => s.dimension), growth: growth.map((g) => g.dimension) };
  };

  it('names the two highest dimensions as strengths and the lowest as growth areas', () => {
    expect(pick({ a: 80, b: 40, c: 90, d: 20 })).toEqual({
      strengths: ['c', 'a'],
      growth: ['d', 'b'],
    });
  });

  it('keeps every dimension tied with the last one picked, in questionnaire order', () => {
    expect(pick({ a: 60, b: 70, c: 70, d: 70 })).toEqual({
      strengths: ['b', 'c', 'd'],
      growth: ['a'],
    });
    expect(pick({ a: 30, b: 30, c: 30, d: 30 })).toEqual({
      strengths: [],
      growth: ['a', 'b', 'c', 'd'],
    });
    expect(pick({ a: 30, b: 20, c: 40, d: 40 })).toEqual({
      strengths: [],
      growth: ['b', 'a'],
    });
  });

  it('counts a dimension as a strength from the middle band up', () => {
    expect(pick({ a: 49.9, b: 50, c: 10, d: 20 }).strengths).toEqual(['b']);
  });

  it('offers no growth area in the top band and none when everything is advanced', () => {
    expect(pick({ a: 75, b: 74.9, c: 90, d: 100 }).growth).toEqual(['b']);
    expect(pick({ a: 75, b: 80, c: 90, d: 100 }).growth).toEqual([]);
  });

  it('never lists a dimension both as a strength and as a growth area', () => {
    expect(pick({ a: 55, b: 60, c: 65, d: null })).toEqual({
      strengths: ['c', 'b'],
      growth: ['a'],
    });
  });

  it('attaches each growth area its suggestion', () => {
    const { growth } = strengthsAndGrowth(q, result({ a: 80, b: 40, c: 90, d: 20 }));
    expect(growth.map((g) => [g.dimension, g.score, g.band, g.suggestion.text['en-US']])).toEqual([
      ['d', 20, 'base', 'grow d'],
      ['b', 40, 'base', 'grow b'],
    ]);
  });

  it('refuses a result from another questionnaire version', () => {
    const other = { ...result({ a: 50 }), version: 2 };
    expect(() => strengthsAndGrowth(q, other)).toThrow('result of fixture v2 read with fixture v3');
  });
});
