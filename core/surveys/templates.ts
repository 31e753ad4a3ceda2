import { z } from 'zod';
import { SurveyInputSchema, surveyText, type SurveyInput, type SurveyText } from './survey';

/** A ready survey the programme team starts from (content/surveys/*.json). */
export interface SurveyTemplate {
  id: string;
  title: SurveyText;
  description: SurveyText;
  survey: SurveyInput;
}

const TemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case-with-dashes'),
  title: surveyText(80),
  description: surveyText(240),
  survey: SurveyInputSchema,
});

/**
 * The shipped templates, each checked like a survey the API receives; a bad file stops start-up
 * with the template and the field it names. Ids must be unique.
 */
export function loadSurveyTemplates(files: readonly unknown[]): SurveyTemplate[] {
  const templates = files.map((json) => {
    const result = TemplateSchema.safeParse(json);
    if (result.success) return result.data;
    const id = (json as { id?: unknown } | null)?.id;
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`survey template ${String(id)}: ${problems.join('; ')}`);
  });
  const ids = templates.map((t) => t.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`survey template ${twice}: defined twice`);
  return templates;
}
