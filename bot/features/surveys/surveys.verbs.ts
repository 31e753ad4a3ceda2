import { z } from 'zod';
import { SURVEY_LIMITS } from '../../../core/surveys/survey';
import { verb } from '../../verbs';

/** The prefix of a question's input id on the card (`q:<question id>`). */
export const INPUT_PREFIX = 'q:';

/**
 * What a survey page's buttons carry: the survey and its revision (a card of an older revision is
 * stale), the page, the Submit nonce, and the earlier pages' answers as the card's inputs gave
 * them. A page's own inputs arrive beside these as `q:<question id>` keys. The earlier answers
 * live in the respondent's own card until Submit, never on the server.
 */
const PageData = z
  .object({
    survey: z.string().min(1).max(64),
    rev: z.number().int().min(1),
    page: z.number().int().min(0).max(SURVEY_LIMITS.questions),
    nonce: z.string().min(8).max(40),
    answers: z.record(z.string().max(40), z.string().max(SURVEY_LIMITS.answerText * 2)).default({}),
  })
  .catchall(z.unknown());

export const SURVEY_VERBS = {
  next: verb('survey.next', PageData),
  submit: verb('survey.submit', PageData),
};

/** A page's own inputs, by question id (`q:<id>` keys; Teams sends them as strings). */
export function pageInputs(data: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith(INPUT_PREFIX)) inputs[key.slice(INPUT_PREFIX.length)] = value;
  }
  return inputs;
}
