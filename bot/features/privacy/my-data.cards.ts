import { z } from 'zod';
import type { Questionnaire } from '../../../core/assessment/questionnaire';
import type { Locale } from '../../../core/directory/person';
import type { MessageKey, Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../cards/card';
import { openUrlAction } from '../../cards/links';
import { choiceInWords } from '../assessment/assessment.cards';

/**
 * The parts of the privacy export the chat summary shows. The export itself stays complete (the
 * tab's download); this schema only reads it, so a new field there never breaks the card.
 */
export const MyDataSchema = z.object({
  directory: z
    .object({
      displayName: z.string(),
      orgUnitPath: z.array(z.string()),
      manager: z.boolean(),
      roles: z.array(z.string()),
      locale: z.string(),
    })
    .nullable(),
  assessments: z.array(
    z.object({
      questionnaireId: z.string(),
      version: z.number(),
      orgUnitPath: z.array(z.string()).optional(),
      answers: z.record(z.string(), z.number()),
      choices: z.record(z.string(), z.boolean()),
      status: z.enum(['inProgress', 'submitted']),
      startedAt: z.coerce.date(),
      submittedAt: z.coerce.date().optional(),
      result: z
        .object({
          dimensions: z.array(
            z.object({
              dimension: z.string(),
              score: z.number().nullable(),
              band: z.string().nullable(),
            }),
          ),
        })
        .optional(),
    }),
  ),
  chat: z.object({ lastContactAt: z.coerce.date() }).nullable(),
});
export type MyData = z.infer<typeof MyDataSchema>;

interface MyDataContext {
  t: Translate;
  locale: Locale;
  questionnaire: Questionnaire;
  /** The tab's "my data" place, where the complete file is downloaded; no button without it. */
  tabUrl?: string | undefined;
}

const ROLE_KEYS: Record<string, MessageKey> = {
  facilitator: 'privacy.export.role.facilitator',
  admin: 'privacy.export.role.admin',
};

/** "My data" in chat: what is stored, in words, and where to download the complete file. */
export function myDataCard(context: MyDataContext, data: MyData): AdaptiveCard {
  const { t, tabUrl } = context;
  return adaptiveCard(
    [
      heading(t('privacy.export.title')),
      paragraph(t('privacy.export.text')),
      ...directorySection(context, data.directory),
      section(t('privacy.export.assessments')),
      ...(data.assessments.length > 0
        ? data.assessments.flatMap((assessment) => assessmentSection(context, assessment))
        : [paragraph(t('privacy.export.assessments.none'))]),
      ...(data.chat
        ? [
            section(t('privacy.export.chat.title')),
            paragraph(
              t('privacy.export.chat', { date: longDate(context, data.chat.lastContactAt) }),
            ),
          ]
        : []),
    ],
    tabUrl ? [openUrlAction(t('privacy.export.open'), tabUrl)] : [],
  );
}

function directorySection({ t, locale }: MyDataContext, person: MyData['directory']) {
  if (!person) {
    return [section(t('privacy.export.directory')), paragraph(t('privacy.export.directory.none'))];
  }
  const roles = person.roles.map((role) => (ROLE_KEYS[role] ? t(ROLE_KEYS[role]) : role));
  const language = new Intl.DisplayNames(locale, { type: 'language' }).of(person.locale);
  return [
    section(t('privacy.export.directory')),
    facts([
      [t('privacy.export.name'), person.displayName],
      [t('privacy.export.unit'), person.orgUnitPath.join(' › ')],
      [t('privacy.export.manager'), t(person.manager ? 'privacy.export.yes' : 'privacy.export.no')],
      [t('privacy.export.roles'), roles.join(', ') || t('privacy.export.roles.none')],
      [t('privacy.export.language'), language ?? person.locale],
    ]),
  ];
}

function assessmentSection(
  context: MyDataContext,
  assessment: MyData['assessments'][number],
): CardElement[] {
  const { t, locale, questionnaire } = context;
  // Names come from the questionnaire the answers were given to; another one shows its ids.
  const same =
    assessment.questionnaireId === questionnaire.id && assessment.version === questionnaire.version;
  const title = same ? questionnaire.title[locale] : assessment.questionnaireId;
  const status =
    assessment.status === 'submitted'
      ? t('privacy.export.assessment.submitted', {
          date: longDate(context, assessment.submittedAt ?? assessment.startedAt),
        })
      : t('privacy.export.assessment.inProgress', {
          date: longDate(context, assessment.startedAt),
          answered: Object.keys(assessment.answers).length + Object.keys(assessment.choices).length,
          total: questionnaire.items.length,
        });
  const dimensionName = (id: string) =>
    (same && questionnaire.dimensions.find((d) => d.id === id)?.name[locale]) || id;
  const bandName = (id: string) =>
    (same && questionnaire.bands.find((b) => b.id === id)?.label[locale]) || id;
  const scores = (assessment.result?.dimensions ?? []).map((d): [string, string] => [
    dimensionName(d.dimension),
    d.score === null || d.band === null
      ? t('assessment.result.notScored')
      : t('privacy.export.score', {
          band: bandName(d.band),
          score: new Intl.NumberFormat(locale).format(d.score),
        }),
  ]);
  const consents = (same ? questionnaire.items : []).flatMap((item) => {
    if (item.type !== 'choice') return [];
    const answer = choiceInWords(context, item, assessment.choices[item.id]);
    return [paragraph(`${item.text[locale]} **${answer}**`, { size: 'Small' })];
  });
  return [
    paragraph(title, { weight: 'Bolder', spacing: 'Medium' }),
    facts([
      [t('privacy.export.status'), status],
      ...(assessment.orgUnitPath
        ? [[t('privacy.export.unit'), assessment.orgUnitPath.join(' › ')] as [string, string]]
        : []),
      ...scores,
    ]),
    ...consents,
  ];
}

function section(text: string): CardElement {
  return paragraph(text, { weight: 'Bolder', size: 'Medium', spacing: 'Large' });
}

function facts(rows: [string, string][]): CardElement {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

function longDate({ locale }: MyDataContext, date: Date): string {
  return date.toLocaleDateString(locale, { dateStyle: 'long' });
}
