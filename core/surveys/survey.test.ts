import { parseAnswers, SurveyInputSchema, type SurveyQuestion } from './survey';
import { flushSteps } from './survey.service';
import { loadSurveyTemplates } from './templates';
import communication from '../../content/surveys/programme-communication.json';
import agile from '../../content/surveys/agile-working.json';
import lab from '../../content/surveys/lab-usefulness.json';
import training from '../../content/surveys/training-needs.json';

const SURVEY = SurveyInputSchema.parse({
  title: 'Prova',
  anonymous: true,
  audience: { kind: 'all' },
  questions: [
    { id: 'scale', type: 'scale', text: 'Scala' },
    { id: 'nps', type: 'recommend', text: { 'it-IT': 'Consiglio', 'en-US': 'Recommend' } },
    {
      id: 'one',
      type: 'single',
      text: 'Una',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
    },
    {
      id: 'many',
      type: 'multiple',
      text: 'Più',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
    },
    { id: 'free', type: 'text', text: 'Testo' },
  ],
});
const Q: SurveyQuestion[] = SURVEY.questions;
const ALL = Q.map((q) => q.id);

describe('survey answers', () => {
  it('parses every type to its stored form, optional text left out', () => {
    expect(parseAnswers(Q, ALL, { scale: '5', nps: '0', one: 'b', many: 'b,a,b' })).toEqual({
      answers: { scale: 5, nps: 0, one: 'b', many: ['a', 'b'] },
    });
  });

  it('refuses what the survey does not accept, naming the question', () => {
    const base = { scale: '3', nps: '7', one: 'a', many: 'a' };
    expect(parseAnswers(Q, ALL, { ...base, scale: '6' })).toEqual({
      problem: { code: 'outOfScale', question: 'scale' },
    });
    expect(parseAnswers(Q, ALL, { ...base, nps: '11' })).toEqual({
      problem: { code: 'outOfScale', question: 'nps' },
    });
    expect(parseAnswers(Q, ALL, { ...base, scale: '2.5' })).toEqual({
      problem: { code: 'outOfScale', question: 'scale' },
    });
    expect(parseAnswers(Q, ALL, { ...base, one: 'c' })).toEqual({
      problem: { code: 'unknownOption', question: 'one' },
    });
    expect(parseAnswers(Q, ALL, { ...base, many: 'a,z' })).toEqual({
      problem: { code: 'unknownOption', question: 'many' },
    });
    expect(parseAnswers(Q, ALL, { ...base, free: 'x'.repeat(281) })).toEqual({
      problem: { code: 'tooLong', question: 'free', max: 280 },
    });
    expect(parseAnswers(Q, ALL, { ...base, other: '1' })).toEqual({
      problem: { code: 'unknownQuestion' },
    });
    expect(parseAnswers(Q, ALL, { nps: '7', one: 'a', many: 'a' })).toEqual({
      problem: { code: 'required', question: 'scale' },
    });
    // A page asks only its own questions: another page's answer is unknown there.
    expect(parseAnswers(Q, ['scale'], { scale: '1', nps: '2' })).toEqual({
      problem: { code: 'unknownQuestion' },
    });
  });

  it('refuses surveys beyond the limits', () => {
    const base = {
      title: 'T',
      anonymous: true,
      audience: { kind: 'all' },
      questions: [{ id: 'q', type: 'scale', text: 'Q' }],
    };
    expect(SurveyInputSchema.safeParse(base).success).toBe(true);
    const texts = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, type: 'text', text: 'T' }));
    for (const bad of [
      {
        ...base,
        questions: Array.from({ length: 21 }, (_, i) => ({
          id: `q${i}`,
          type: 'scale',
          text: 'Q',
        })),
      },
      { ...base, questions: texts },
      {
        ...base,
        questions: [{ id: 'q', type: 'single', text: 'Q', options: [{ id: 'a', text: 'A' }] }],
      },
      {
        ...base,
        questions: [
          { id: 'q', type: 'scale', text: 'Q' },
          { id: 'q', type: 'scale', text: 'Q' },
        ],
      },
      { ...base, anonymous: false },
      { ...base, k: 21 },
      { ...base, audience: { kind: 'chosen' } },
      { ...base, opensAt: '2026-12-10T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' },
    ]) {
      expect(SurveyInputSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('flushSteps', () => {
  it('writes nothing while fewer than 2k wait, then all but k, never fewer than k at once', () => {
    expect(flushSteps(9, 5, false)).toEqual([]);
    expect(flushSteps(10, 5, false)).toEqual([5]);
    expect(flushSteps(37, 5, false)).toEqual([32]);
    for (let held = 0; held < 400; held++) {
      for (const size of flushSteps(held, 5, false)) {
        expect(size).toBeGreaterThanOrEqual(5);
        expect(held - size).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('writes everything at close, in steps that fit a transaction, each at least k', () => {
    expect(flushSteps(0, 5, true)).toEqual([]);
    expect(flushSteps(3, 5, true)).toEqual([3]);
    for (let held = 5; held < 400; held++) {
      const steps = flushSteps(held, 20, true);
      expect(steps.reduce((a, b) => a + b, 0)).toBe(held);
      for (const size of steps) expect(size).toBeLessThanOrEqual(91);
      if (held >= 20) for (const size of steps) expect(size).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('survey templates', () => {
  it('loads the four shipped templates, each a valid survey in both languages', () => {
    const templates = loadSurveyTemplates([communication, agile, lab, training]);
    expect(templates.map((t) => t.id)).toEqual([
      'programme-communication',
      'agile-working',
      'lab-usefulness',
      'training-needs',
    ]);
  });

  it('names the template and field of a bad file', () => {
    const broken = { ...communication, survey: { ...communication.survey, questions: [] } };
    expect(() => loadSurveyTemplates([broken])).toThrow(
      /programme-communication: survey.questions/,
    );
    expect(() => loadSurveyTemplates([agile, agile])).toThrow(/agile-working: defined twice/);
  });
});
