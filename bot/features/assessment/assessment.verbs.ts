import { z } from 'zod';
import type { CardRef } from '../../../core/assessment/assessment.service';
import { NO_DATA, verb } from '../../verbs';

/** On the wire, every assessment card names its campaign and questionnaire version as `{ c, v }`. */
const CardRefData = z.object({ c: z.string().min(1).max(100), v: z.number().int().min(1) });

/** The `{ c, v }` a card carries for `ref`: the one builder of the card reference. */
export function cardRef({ campaignId, version }: CardRef): z.input<typeof CardRefData> {
  return { c: campaignId, v: version };
}

/** A card's data parsed with its `{ c, v }` turned into `ref` beside the rest: the one parser. */
function withCardRef<O extends { c: string; v: number }, I>(schema: z.ZodType<O, I>) {
  return schema.transform(({ c, v, ...rest }) => ({
    ...rest,
    ref: { campaignId: c, version: v } satisfies CardRef,
  }));
}

const ItemId = z.string().min(1).max(40);

/** Action.Execute verbs of the assessment cards, each with the schema of its data. */
export const ASSESSMENT_VERBS = {
  open: verb('assessment.open', NO_DATA),
  start: verb('assessment.start', withCardRef(CardRefData)),
  later: verb('assessment.later', NO_DATA),
  department: verb(
    'assessment.department',
    withCardRef(CardRefData.extend({ department: z.string().max(200).optional() })),
  ),
  answer: verb(
    'assessment.answer',
    withCardRef(
      CardRefData.extend({
        item: ItemId,
        value: z.union([z.number().int().min(1).max(5), z.boolean()]),
      }),
    ),
  ),
  back: verb('assessment.back', withCardRef(CardRefData.extend({ item: ItemId.optional() }))),
  submit: verb('assessment.submit', withCardRef(CardRefData)),
};
