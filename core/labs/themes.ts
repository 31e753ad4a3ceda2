import { z } from 'zod';
import type { Locale } from '../directory/person';

const Slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case-with-dashes');

export const THEME_TITLE_MAX = 80;
export const THEME_DESCRIPTION_MAX = 500;

function localized(min: number, max: number) {
  const text = z
    .string()
    .trim()
    .min(min, min === 1 ? 'required' : `at least ${min} characters`)
    .max(max, `at most ${max} characters`);
  const shape: Record<Locale, typeof text> = { 'it-IT': text, 'en-US': text };
  return z.strictObject(shape);
}

export const ThemeTextSchema = z.strictObject({
  title: localized(3, THEME_TITLE_MAX),
  description: localized(1, THEME_DESCRIPTION_MAX),
});

const ThemeSchema = ThemeTextSchema.extend({ id: Slug.max(40) });

const ThemesShape = z.strictObject({
  id: Slug,
  version: z.number().int().positive(),
  themes: z.array(ThemeSchema).min(1),
});

/** A lab theme: seeded from content/labs/ or added by an admin (`seeded` false). */
export interface LabTheme extends z.output<typeof ThemeSchema> {
  seeded: boolean;
}

/**
 * Validates the seeded themes (content/labs/themes.v1.json). Throws an Error listing every
 * problem, each naming the theme and field (`lab themes v1: theme shared-tasks: title.en-US:
 * required`), so that a bad file stops start-up with a message an editor can act on.
 */
export function loadLabThemes(json: unknown): LabTheme[] {
  const schema = ThemesShape.superRefine((file, ctx) => {
    file.themes.forEach((theme, i) => {
      if (file.themes.findIndex((t) => t.id === theme.id) < i) {
        ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: 'used twice' });
      }
    });
  });
  const result = schema.safeParse(json, {
    error: (issue) => (issue.input === undefined ? 'required' : undefined),
  });
  if (result.success) return result.data.themes.map((theme) => ({ ...theme, seeded: true }));
  const raw = asRecord(json);
  const problems = result.error.issues.map((issue) => describe(raw, issue));
  throw new Error(`lab themes v${scalar(raw.version)}: ${problems.join('; ')}`);
}

function describe(raw: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const message =
    issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
  const [list, index, ...rest] = path;
  if (list !== 'themes' || typeof index !== 'number') {
    return [path.join('.'), message].filter(Boolean).join(': ');
  }
  const themes = raw.themes;
  const id = Array.isArray(themes) ? asRecord(themes[index]).id : undefined;
  const name = typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
  return [`theme ${name}`, rest.join('.'), message].filter(Boolean).join(': ');
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
