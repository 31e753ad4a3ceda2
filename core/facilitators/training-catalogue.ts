import { z } from 'zod';
import type { Locale } from '../directory/person';

/** The subject areas of the facilitators' training (issue 14). */
export const TRAINING_AREAS = [
  'facilitation',
  'change-management',
  'process-analysis',
  'collaboration-m365',
  'digital-public-services',
  'cybersecurity',
  'accessibility',
  'data',
] as const;
export const TRAINING_FORMATS = ['e-learning', 'workshop', 'webinar'] as const;
/** A module lasts at most a working week. */
export const MAX_MODULE_HOURS = 40;

const Slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case-with-dashes');

function localized(maxLength: number) {
  const text = z
    .string()
    .trim()
    .min(1, 'required')
    .max(maxLength, `at most ${maxLength} characters`);
  const shape: Record<Locale, typeof text> = { 'it-IT': text, 'en-US': text };
  return z.strictObject(shape);
}

const ModuleSchema = z.strictObject({
  id: Slug.max(60),
  title: localized(80),
  description: localized(240),
  area: z.enum(TRAINING_AREAS),
  format: z.enum(TRAINING_FORMATS),
  hours: z.number().positive().max(MAX_MODULE_HOURS).multipleOf(0.5, 'in half hours'),
  link: z.url({ protocol: /^https$/ }),
  /** Ids of the assessment dimensions the module strengthens (content/questionnaires). */
  strengthens: z.array(Slug).min(1),
  /** Part of every facilitator's path, whatever their result. */
  commonCore: z.boolean(),
});

const CatalogueShape = z.strictObject({
  id: Slug,
  version: z.number().int().positive(),
  modules: z.array(ModuleSchema).min(1),
});

export type TrainingModule = z.output<typeof ModuleSchema>;
export type TrainingCatalogue = z.output<typeof CatalogueShape>;

type Problem = { message: string; path: (string | number)[] };

function checkModules(catalogue: TrainingCatalogue, dimensions: readonly string[]): Problem[] {
  const ids = catalogue.modules.map((m) => m.id);
  const problems: Problem[] = [];
  catalogue.modules.forEach((module, i) => {
    if (ids.indexOf(module.id) < i)
      problems.push({ path: ['modules', i, 'id'], message: 'used twice' });
    for (const dimension of module.strengthens.filter((d) => !dimensions.includes(d))) {
      const message = `unknown dimension "${dimension}"`;
      problems.push({ path: ['modules', i, 'strengthens'], message });
    }
  });
  if (!catalogue.modules.some((m) => m.commonCore)) {
    problems.push({ path: ['modules'], message: 'needs at least one common-core module' });
  }
  return problems;
}

/**
 * Validates the training catalogue against the questionnaire's dimension ids. Throws an Error
 * listing every problem, each naming the module and field (`training catalogue
 * facilitator-training v1: module pagopa: strengthens: unknown dimension "x"`), so that a bad file
 * stops start-up with a message an editor can act on.
 */
export function loadTrainingCatalogue(
  json: unknown,
  dimensions: readonly string[],
): TrainingCatalogue {
  const schema = CatalogueShape.superRefine((catalogue, ctx) => {
    for (const problem of checkModules(catalogue, dimensions)) {
      ctx.addIssue({ code: 'custom', ...problem });
    }
  });
  const result = schema.safeParse(json, {
    error: (issue) => (issue.input === undefined ? 'required' : undefined),
  });
  if (result.success) return result.data;
  const raw = asRecord(json);
  const problems = result.error.issues.map((issue) => describe(raw, issue));
  throw new Error(
    `training catalogue ${scalar(raw.id)} v${scalar(raw.version)}: ${problems.join('; ')}`,
  );
}

function describe(raw: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message =
    issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  const [list, index, ...rest] = path;
  if (list !== 'modules' || typeof index !== 'number') {
    return [path.join('.'), message].filter(Boolean).join(': ');
  }
  const modules = raw.modules;
  const id = Array.isArray(modules) ? asRecord(modules[index]).id : undefined;
  const name = typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
  return [`module ${name}`, rest.join('.'), message].filter(Boolean).join(': ');
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
