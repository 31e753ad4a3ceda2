import { z } from 'zod';
import { AudienceSchema, type Audience } from '../delivery/campaign';
import type { Locale } from '../directory/person';
import { DEFAULT_K, MIN_K } from '../privacy/suppression';

/** A survey's limits, enforced by the schema below (API, templates) and by answer parsing. */
export const SURVEY_LIMITS = {
  questions: 20,
  textQuestions: 5,
  options: { min: 2, max: 10 },
  /** A short free-text answer. */
  answerText: 280,
  questionText: 200,
  optionText: 80,
  title: 120,
  intro: 600,
  purpose: 300,
  reminders: 3,
  /** The largest k a survey may lock: its batches of answers stay within one store transaction. */
  maxK: 20,
  /** Questions on one page of the card. */
  pageSize: 4,
} as const;

/** How long a survey stays open when no close date is given. */
export const DEFAULT_OPEN_DAYS = 14;

export const SURVEY_QUESTION_TYPES = ['scale', 'recommend', 'single', 'multiple', 'text'] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

/** The values of the two numeric question types. */
export const SCALE = { scale: { min: 1, max: 5 }, recommend: { min: 0, max: 10 } } as const;

export type SurveyText = Record<Locale, string>;

/** Who a survey goes to: everyone, departments or a role (a campaign's directory audiences). */
export type SurveyAudience = Extract<Audience, { kind: 'all' | 'departments' | 'role' }>;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case-with-dashes')
  .max(40, 'at most 40 characters');

/** Both languages, or one string for both; stored as both. */
export function surveyText(max: number) {
  const text = z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
  return z.union([
    text.transform((value): SurveyText => ({ 'it-IT': value, 'en-US': value })),
    z.strictObject({ 'it-IT': text, 'en-US': text }),
  ]);
}

const OptionSchema = z.strictObject({ id: Id, text: surveyText(SURVEY_LIMITS.optionText) });

const QuestionSchema = z
  .strictObject({
    id: Id,
    type: z.enum(SURVEY_QUESTION_TYPES),
    text: surveyText(SURVEY_LIMITS.questionText),
    required: z.boolean().optional(),
    options: z
      .array(OptionSchema)
      .max(SURVEY_LIMITS.options.max, `at most ${SURVEY_LIMITS.options.max} options`)
      .optional(),
  })
  .transform((q) => ({
    id: q.id,
    type: q.type,
    text: q.text,
    required: q.required ?? q.type !== 'text',
    options: q.options ?? [],
  }))
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multiple';
    if (choice && q.options.length < SURVEY_LIMITS.options.min) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least 2 options' });
    }
    if (!choice && q.options.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'only choice questions have options',
      });
    }
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
    }
  });
export type SurveyQuestion = z.output<typeof QuestionSchema>;

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** A survey as the builder (API) or a template describes it, before launch. */
export const SurveyInputSchema = z
  .strictObject({
    title: surveyText(SURVEY_LIMITS.title),
    intro: surveyText(SURVEY_LIMITS.intro).optional(),
    anonymous: z.boolean(),
    purpose: surveyText(SURVEY_LIMITS.purpose).optional(),
    questions: z
      .array(QuestionSchema)
      .min(1, 'at least one question')
      .max(SURVEY_LIMITS.questions, `at most ${SURVEY_LIMITS.questions} questions`),
    audience: AudienceSchema.refine(
      (a) => a.kind === 'all' || a.kind === 'departments' || a.kind === 'role',
      'must be everyone, departments or a role',
    ),
    opensAt: Instant.optional(),
    closesAt: Instant.optional(),
    reminders: z.array(Instant).max(SURVEY_LIMITS.reminders).default([]),
    k: z.number().int().min(MIN_K).max(SURVEY_LIMITS.maxK).default(DEFAULT_K),
    template: Id.optional(),
  })
  .superRefine((s, ctx) => {
    const ids = s.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must be unique' });
    }
    if (s.questions.filter((q) => q.type === 'text').length > SURVEY_LIMITS.textQuestions) {
      ctx.addIssue({
        code: 'custom',
        path: ['questions'],
        message: `at most ${SURVEY_LIMITS.textQuestions} text questions`,
      });
    }
    if (!s.anonymous && !s.purpose) {
      ctx.addIssue({
        code: 'custom',
        path: ['purpose'],
        message: 'an identified survey states its purpose',
      });
    }
    if (s.opensAt && s.closesAt && s.closesAt <= s.opensAt) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' });
    }
    for (const [i, at] of s.reminders.entries()) {
      if ((s.opensAt && at <= s.opensAt) || (s.closesAt && at >= s.closesAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminders', i],
          message: 'must be between opening and closing',
        });
      }
    }
  });
export type SurveyInput = z.output<typeof SurveyInputSchema>;

/** One answer as stored: a scale value, an option id, option ids, or a text. */
export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** The questions of each page of the card, in order. */
export function pagesOf(questions: readonly Pick<SurveyQuestion, 'id'>[]): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < questions.length; i += SURVEY_LIMITS.pageSize) {
    pages.push(questions.slice(i, i + SURVEY_LIMITS.pageSize).map((q) => q.id));
  }
  return pages;
}

/** Why an answer was refused: the message key says it in the respondent's language. */
export type AnswerProblem =
  | { code: 'unknownQuestion' }
  | { code: 'required'; question: string }
  | { code: 'outOfScale'; question: string }
  | { code: 'unknownOption'; question: string }
  | { code: 'tooLong'; question: string; max: number };

/**
 * Parses the raw values a card sends (strings, as Adaptive Card inputs give them; multiple
 * choices comma-separated) for the questions `ids` of `questions`: every key must be one of them,
 * required ones must be there. Returns the stored form, or the first problem.
 */
export function parseAnswers(
  questions: readonly SurveyQuestion[],
  ids: readonly string[],
  raw: Readonly<Record<string, unknown>>,
): { answers: Answers } | { problem: AnswerProblem } {
  const asked = questions.filter((q) => ids.includes(q.id));
  for (const key of Object.keys(raw)) {
    if (!asked.some((q) => q.id === key)) return { problem: { code: 'unknownQuestion' } };
  }
  const answers: Answers = {};
  for (const q of asked) {
    const value = raw[q.id];
    const text =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
      return { problem: { code: 'outOfScale', question: q.id } };
    }
    if (text === '') {
      if (q.required) return { problem: { code: 'required', question: q.id } };
      continue;
    }
    const parsed = parseOne(q, text);
    if ('code' in parsed) return { problem: parsed };
    answers[q.id] = parsed.value;
  }
  return { answers };
}

function parseOne(q: SurveyQuestion, text: string): { value: AnswerValue } | AnswerProblem {
  switch (q.type) {
    case 'scale':
    case 'recommend': {
      const { min, max } = SCALE[q.type];
      const n = Number(text);
      if (!/^\d{1,2}$/.test(text) || n < min || n > max)
        return { code: 'outOfScale', question: q.id };
      return { value: n };
    }
    case 'single':
      if (!q.options.some((o) => o.id === text)) return { code: 'unknownOption', question: q.id };
      return { value: text };
    case 'multiple': {
      const chosen = [...new Set(text.split(',').map((s) => s.trim()))];
      if (chosen.some((id) => !q.options.some((o) => o.id === id))) {
        return { code: 'unknownOption', question: q.id };
      }
      return { value: q.options.map((o) => o.id).filter((id) => chosen.includes(id)) };
    }
    case 'text':
      if (text.length > SURVEY_LIMITS.answerText) {
        return { code: 'tooLong', question: q.id, max: SURVEY_LIMITS.answerText };
      }
      return { value: text };
  }
}

/** The values a question's distribution counts, in order (none for text). */
export function valuesOf(q: SurveyQuestion): string[] {
  if (q.type === 'scale' || q.type === 'recommend') {
    const { min, max } = SCALE[q.type];
    return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  }
  return q.options.map((o) => o.id);
}
