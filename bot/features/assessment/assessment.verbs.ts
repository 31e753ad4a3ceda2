import { z } from 'zod';

/** Action.Execute verbs of the assessment cards, each with the schema of its data. */
export const VERBS = {
  open: 'assessment.open',
  start: 'assessment.start',
  later: 'assessment.later',
  department: 'assessment.department',
  answer: 'assessment.answer',
  back: 'assessment.back',
  submit: 'assessment.submit',
} as const;

/** Every card names the campaign and questionnaire version it was built for. */
export const CardRefSchema = z.object({
  c: z.string().min(1).max(100),
  v: z.number().int().min(1),
});
export type CardRefData = z.infer<typeof CardRefSchema>;

const ItemId = z.string().min(1).max(40);

export const DepartmentDataSchema = CardRefSchema.extend({
  department: z.string().max(200).optional(),
});
export const AnswerDataSchema = CardRefSchema.extend({
  item: ItemId,
  value: z.union([z.number().int().min(1).max(5), z.boolean()]),
});
export const BackDataSchema = CardRefSchema.extend({ item: ItemId.optional() });
