import type { AssessmentResponse } from '../assessment/assessment-response';
import { candidateOf } from './candidates';

const at = new Date('2026-03-01T09:00:00Z');
const response = (
  choices: Record<string, boolean>,
  scores: Record<string, number | null> = { 'digital-skills': 82.5, 'helping-colleagues': 71 },
): AssessmentResponse => ({
  pseudonym: 'p',
  campaignId: 'c',
  questionnaireId: 'q',
  version: 1,
  orgUnitPath: ['Area A', 'Settore 1'],
  answers: {},
  choices,
  status: 'submitted',
  startedAt: at,
  updatedAt: at,
  submittedAt: at,
  result: {
    questionnaireId: 'q',
    version: 1,
    dimensions: Object.entries({ other: 10, ...scores }).map(([dimension, score]) => ({
      dimension,
      answered: 1,
      itemCount: 1,
      score,
      band: null,
    })),
  },
});

describe('candidateOf', () => {
  it('takes only the department and the two selection scores of a consenting person', () => {
    expect(candidateOf('ABC', response({ 'fc-consent': true, 'fc-interest': true }))).toEqual({
      objectId: 'abc',
      department: 'Area A',
      digitalSkills: 82.5,
      motivation: 71,
      interested: true,
      submittedAt: at,
    });
  });

  it('is nobody without consent, or with a selection dimension left unanswered', () => {
    expect(
      candidateOf('a', response({ 'fc-consent': false, 'fc-interest': true })),
    ).toBeUndefined();
    expect(candidateOf('a', response({}))).toBeUndefined();
    const unanswered = response({ 'fc-consent': true }, { 'helping-colleagues': null });
    expect(candidateOf('a', unanswered)).toBeUndefined();
  });
});
