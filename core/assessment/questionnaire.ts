import { z } from 'zod';
import type { Locale } from '../directory/person';

/** The dimension whose items map to DigComp 2.2 and to the Syllabus for the PA. */
export const DIGITAL_SKILLS_DIMENSION = 'digital-skills';
/** How many scored (Likert) items a questionnaire may have: enough for 8–12 minutes in chat. */
export const SCORED_ITEM_LIMITS = { min: 30, max: 36 } as const;
/** Fewer items than this cannot carry a dimension score. */
export const MIN_ITEMS_PER_DIMENSION = 3;
/** Item texts stay short so that each Adaptive Card stays small. */
export const MAX_ITEM_TEXT_LENGTH = 180;
/** Bands from lowest to highest: Base / Intermedio / Avanzato. */
export const BAND_IDS = ['base', 'intermediate', 'advanced'] as const;
/** The two unscored yes/no choices that close the questionnaire, each asked separately. */
export const CONSENT_KINDS = ['facilitatorInvitationConsent', 'facilitatorInterest'] as const;
/** The programme's first five lab themes (DESIGN.md §1). */
export const LAB_IDS = [
  'shared-task-management',
  'sports-facility-allocation',
  'training-innovation-digitalisation',
  'e-payments',
  'finding-colleagues',
] as const;

const Slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case-with-dashes');
const DigCompCode = z
  .string()
  .regex(/^[1-5]\.[1-6]$/, 'must be a DigComp 2.2 competence code such as "2.4"');
const SyllabusArea = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');

function localized(maxLength: number) {
  const text = z
    .string()
    .trim()
    .min(1, 'required')
    .max(maxLength, `at most ${maxLength} characters`);
  const shape: Record<Locale, typeof text> = { 'it-IT': text, 'en-US': text };
  return z.strictObject(shape);
}

function band<Id extends (typeof BAND_IDS)[number]>(id: Id) {
  return z.strictObject({
    id: z.literal(id),
    min: z.number().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100'),
    label: localized(40),
  });
}

const SuggestionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('lab'), lab: z.enum(LAB_IDS), text: localized(240) }),
    z.strictObject({ kind: z.literal('training'), text: localized(240) }),
  ],
  { error: 'must be "lab" or "training"' },
);

const DimensionSchema = z.strictObject({
  id: Slug,
  name: localized(60),
  description: localized(200),
  suggestion: SuggestionSchema,
});

const ItemId = z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, 'must look like "ds-01"');

const LikertItemSchema = z.strictObject({
  id: ItemId,
  type: z.literal('likert'),
  dimension: Slug,
  text: localized(MAX_ITEM_TEXT_LENGTH),
  /** Agreeing shows less of the dimension: the answer v counts as 6 − v. */
  reverse: z.boolean().default(false),
  digComp: DigCompCode.optional(),
  syllabusArea: SyllabusArea.optional(),
});

const ChoiceItemSchema = z.strictObject({
  id: ItemId,
  type: z.literal('choice'),
  kind: z.enum(CONSENT_KINDS),
  text: localized(MAX_ITEM_TEXT_LENGTH),
  note: localized(MAX_ITEM_TEXT_LENGTH),
  yes: localized(40),
  no: localized(40),
});

const ItemSchema = z.discriminatedUnion('type', [LikertItemSchema, ChoiceItemSchema], {
  error: 'must be "likert" or "choice"',
});

const QuestionnaireShape = z.strictObject({
  id: Slug,
  version: z.number().int().positive(),
  title: localized(80),
  intro: localized(400),
  estimatedMinutes: z.number().int().min(1).max(30),
  scale: z.strictObject({
    min: z.literal(1),
    max: z.literal(5),
    minLabel: localized(40),
    maxLabel: localized(40),
  }),
  bands: z.tuple([band('base'), band('intermediate'), band('advanced')]),
  digComp: z.array(z.strictObject({ code: DigCompCode, name: localized(120) })).min(1),
  syllabusAreas: z.array(z.strictObject({ area: SyllabusArea, name: localized(120) })).min(1),
  dimensions: z.array(DimensionSchema).min(1),
  items: z.array(ItemSchema),
});

type Shape = z.output<typeof QuestionnaireShape>;
type Problem = { message: string; path: (string | number)[] };

function duplicates(list: 'items' | 'dimensions', entries: { id: string }[]): Problem[] {
  const ids = entries.map((entry) => entry.id);
  return ids.flatMap((id, i) =>
    ids.indexOf(id) < i ? [{ path: [list, i, 'id'], message: 'used twice' }] : [],
  );
}

function checkCounts(q: Shape): Problem[] {
  const problems: Problem[] = [];
  const scored = q.items.filter((item) => item.type === 'likert');
  const { min, max } = SCORED_ITEM_LIMITS;
  if (scored.length < min || scored.length > max) {
    const message = `needs ${min} to ${max} scored items, found ${scored.length}`;
    problems.push({ path: ['items'], message });
  }
  if (!q.dimensions.some((d) => d.id === DIGITAL_SKILLS_DIMENSION)) {
    const message = `needs a "${DIGITAL_SKILLS_DIMENSION}" dimension`;
    problems.push({ path: ['dimensions'], message });
  }
  q.dimensions.forEach((d, j) => {
    const count = scored.filter((item) => item.dimension === d.id).length;
    if (count < MIN_ITEMS_PER_DIMENSION) {
      const message = `needs at least ${MIN_ITEMS_PER_DIMENSION} scored items, found ${count}`;
      problems.push({ path: ['dimensions', j], message });
    }
  });
  return problems;
}

function checkItem(q: Shape, item: Shape['items'][number], i: number): Problem[] {
  if (item.type === 'choice') return [];
  const at = (field: string, message: string): Problem => ({ path: ['items', i, field], message });
  if (!q.dimensions.some((d) => d.id === item.dimension)) {
    return [at('dimension', `unknown dimension "${item.dimension}"`)];
  }
  const { digComp, syllabusArea } = item;
  if (item.dimension !== DIGITAL_SKILLS_DIMENSION) {
    const extra = (['digComp', 'syllabusArea'] as const).filter((f) => item[f] !== undefined);
    return extra.map((f) => at(f, `only ${DIGITAL_SKILLS_DIMENSION} items map to competences`));
  }
  // A malformed code already has its own issue; only a well-formed one is looked up.
  const problems: Problem[] = [];
  if (digComp === undefined) problems.push(at('digComp', 'required'));
  else if (DigCompCode.safeParse(digComp).success && !q.digComp.some((c) => c.code === digComp)) {
    problems.push(at('digComp', `"${digComp}" is not in the digComp list`));
  }
  if (syllabusArea === undefined) problems.push(at('syllabusArea', 'required'));
  else if (
    SyllabusArea.safeParse(syllabusArea).success &&
    !q.syllabusAreas.some((a) => a.area === syllabusArea)
  ) {
    problems.push(at('syllabusArea', `${syllabusArea} is not in the syllabusAreas list`));
  }
  return problems;
}

function checkBands(q: Shape): Problem[] {
  return q.bands.flatMap((b, i): Problem[] => {
    const previous = q.bands[i - 1];
    if (!previous) return b.min === 0 ? [] : [{ path: ['bands', i, 'min'], message: 'must be 0' }];
    const message = `must be above ${previous.min}`;
    return b.min > previous.min ? [] : [{ path: ['bands', i, 'min'], message }];
  });
}

function checkChoices(q: Shape): Problem[] {
  const problems: Problem[] = [];
  const lastScored = q.items.findLastIndex((item) => item.type === 'likert');
  const kinds = q.items.map((item) => (item.type === 'choice' ? item.kind : undefined));
  kinds.forEach((kind, i) => {
    if (kind === undefined) return;
    const message = 'choices come after every scored item';
    if (i < lastScored) problems.push({ path: ['items', i, 'type'], message });
    if (kinds.indexOf(kind) < i) {
      problems.push({ path: ['items', i, 'kind'], message: `"${kind}" appears twice` });
    }
  });
  for (const kind of CONSENT_KINDS.filter((k) => !kinds.includes(k))) {
    problems.push({ path: ['items'], message: `needs a choice item of kind "${kind}"` });
  }
  return problems;
}

/** The questionnaire file's schema: structure, both languages, and the cross-item rules. */
export const QuestionnaireSchema = QuestionnaireShape.superRefine((q, ctx) => {
  const problems = [
    ...duplicates('items', q.items),
    ...duplicates('dimensions', q.dimensions),
    ...checkCounts(q),
    ...q.items.flatMap((item, i) => checkItem(q, item, i)),
    ...checkBands(q),
    ...checkChoices(q),
  ];
  for (const problem of problems) {
    ctx.addIssue({ code: 'custom', ...problem });
  }
});

/** A validated questionnaire; `reverse` is always present (false unless set). */
export type Questionnaire = z.output<typeof QuestionnaireSchema>;
/** What the result card proposes for a growth area: a lab to join or a training topic. */
export type Suggestion = z.output<typeof SuggestionSchema>;
export type Item = Questionnaire['items'][number];
export type LikertItem = z.output<typeof LikertItemSchema>;
export type ChoiceItem = z.output<typeof ChoiceItemSchema>;
export type BandId = (typeof BAND_IDS)[number];

/** The items that count towards a dimension score, in presentation order. */
export function scoredItems(questionnaire: Questionnaire): LikertItem[] {
  return questionnaire.items.filter((item): item is LikertItem => item.type === 'likert');
}

/**
 * Validates a parsed questionnaire file. Throws an Error listing every problem, each naming the
 * item (or dimension) and field, e.g. `questionnaire digital-mindset v1: item ds-07: text.en-US:
 * required`, so that a bad file stops start-up with a message an editor can act on.
 */
export function loadQuestionnaire(json: unknown): Questionnaire {
  const result = QuestionnaireSchema.safeParse(json, {
    error: (issue) => (issue.input === undefined ? 'required' : undefined),
  });
  if (result.success) return result.data;
  const raw = asRecord(json);
  const problems = result.error.issues.map((issue) => describe(raw, issue));
  throw new Error(
    `questionnaire ${scalar(raw.id)} v${scalar(raw.version)}: ${problems.join('; ')}`,
  );
}

const LIST_LABELS = new Map([
  ['items', 'item'],
  ['dimensions', 'dimension'],
]);

function describe(raw: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message =
    issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  const [list, index, ...rest] = path;
  const label = LIST_LABELS.get(String(list));
  if (label === undefined || typeof index !== 'number') {
    return [path.join('.'), message].filter(Boolean).join(': ');
  }
  const entries = raw[String(list)];
  const id = Array.isArray(entries) ? asRecord(entries[index]).id : undefined;
  const name = typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
  return [`${label} ${name}`, rest.join('.'), message].filter(Boolean).join(': ');
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
