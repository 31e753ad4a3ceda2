import type { AssessmentView, CardRef } from '../../../core/assessment/assessment.service';
import type { ChoiceItem, Questionnaire } from '../../../core/assessment/questionnaire';
import type { Locale } from '../../../core/directory/person';
import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  executeAction,
  heading,
  noticeCard,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../cards/card';
import { ASSESSMENT_VERBS, cardRef } from './assessment.verbs';

export interface AssessmentCardContext {
  t: Translate;
  locale: Locale;
  questionnaire: Questionnaire;
}

type View<K extends AssessmentView['kind']> = Extract<AssessmentView, { kind: K }>;

/** The first card: what the assessment is, who sees what, and Start / Not now. */
export function privacyCard(
  { t, locale, questionnaire }: AssessmentCardContext,
  ref: CardRef,
  k: number,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(questionnaire.title[locale]),
      paragraph(questionnaire.intro[locale]),
      paragraph(t('assessment.privacy.time', { minutes: questionnaire.estimatedMinutes })),
      {
        type: 'Container',
        style: 'emphasis',
        items: [
          paragraph(t('assessment.privacy.title'), { weight: 'Bolder' }),
          paragraph(t('privacy.purpose'), { size: 'Small' }),
          paragraph(t('privacy.visibility', { k }), { size: 'Small' }),
          paragraph(t('privacy.retention'), { size: 'Small' }),
          paragraph(t('privacy.rights'), { size: 'Small' }),
        ],
      },
    ],
    [
      executeAction(t('assessment.action.start'), ASSESSMENT_VERBS.start, cardRef(ref)),
      executeAction(t('assessment.action.later'), ASSESSMENT_VERBS.later),
    ],
  );
}

export function departmentCard(
  { t }: AssessmentCardContext,
  view: View<'department'>,
  error?: string,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t('assessment.department.title')),
      paragraph(t('assessment.department.text')),
      ...(error ? [paragraph(error, { color: 'Attention' })] : []),
      {
        type: 'Input.ChoiceSet',
        id: 'department',
        label: t('assessment.department.title'),
        placeholder: t('assessment.department.placeholder'),
        isRequired: true,
        errorMessage: t('assessment.department.required'),
        choices: view.departments.map((path) => ({ title: path.join(' › '), value: path[0] })),
      },
    ],
    [executeAction(t('assessment.action.continue'), ASSESSMENT_VERBS.department, cardRef(view))],
  );
}

/** "1 su 5: Per niente d'accordo", "3 su 5": what an answer button means, in words. */
function scaleLabel({ t, locale, questionnaire }: AssessmentCardContext, value: number): string {
  const { scale } = questionnaire;
  const anchor =
    value === scale.min ? scale.minLabel : value === scale.max ? scale.maxLabel : undefined;
  const params = { value, max: scale.max };
  return anchor
    ? t('assessment.scale.anchor', { ...params, label: anchor[locale] })
    : t('assessment.scale.value', params);
}

export function itemCard(context: AssessmentCardContext, view: View<'item'>): AdaptiveCard {
  const { t, locale, questionnaire } = context;
  const { item } = view;
  const data = { ...cardRef(view), item: item.id };
  const header = paragraph(t('assessment.progress', { index: view.index + 1, total: view.total }), {
    isSubtle: true,
    size: 'Small',
  });
  const navigation = [
    ...(view.index > 0
      ? [executeAction(t('assessment.action.back'), ASSESSMENT_VERBS.back, data)]
      : []),
    executeAction(t('assessment.action.pause'), ASSESSMENT_VERBS.later),
  ];
  if (item.type === 'choice') {
    const current =
      view.current === undefined
        ? []
        : [
            paragraph(
              t('assessment.current', { value: (view.current ? item.yes : item.no)[locale] }),
              { isSubtle: true },
            ),
          ];
    return adaptiveCard(
      [
        header,
        paragraph(item.text[locale], { weight: 'Bolder', size: 'Medium' }),
        paragraph(item.note[locale], { size: 'Small' }),
        ...current,
        answers([
          executeAction(item.yes[locale], ASSESSMENT_VERBS.answer, { ...data, value: true }),
          executeAction(item.no[locale], ASSESSMENT_VERBS.answer, { ...data, value: false }),
        ]),
      ],
      navigation,
    );
  }
  const { scale } = questionnaire;
  const dimension = questionnaire.dimensions.find((d) => d.id === item.dimension);
  return adaptiveCard(
    [
      header,
      ...(dimension
        ? [paragraph(dimension.name[locale], { isSubtle: true, size: 'Small', spacing: 'None' })]
        : []),
      paragraph(item.text[locale], { weight: 'Bolder', size: 'Medium' }),
      answers(
        [1, 2, 3, 4, 5].map((value) => ({
          ...executeAction(String(value), ASSESSMENT_VERBS.answer, { ...data, value }),
          // Read by screen readers instead of the bare digit (and shown on hover).
          tooltip: scaleLabel(context, value),
        })),
      ),
      {
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [paragraph(`1 = ${scale.minLabel[locale]}`, { size: 'Small', isSubtle: true })],
          },
          {
            type: 'Column',
            width: 'stretch',
            items: [
              paragraph(`5 = ${scale.maxLabel[locale]}`, {
                size: 'Small',
                isSubtle: true,
                horizontalAlignment: 'Right',
              }),
            ],
          },
        ],
      },
      ...(typeof view.current === 'number'
        ? [
            paragraph(t('assessment.current', { value: scaleLabel(context, view.current) }), {
              isSubtle: true,
            }),
          ]
        : []),
    ],
    navigation,
  );
}

function answers(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A yes/no answer as the questionnaire words it (or that it is missing). */
export function choiceInWords(
  { t, locale }: Pick<AssessmentCardContext, 't' | 'locale'>,
  item: ChoiceItem,
  choice: boolean | undefined,
): string {
  return choice === undefined
    ? t('assessment.review.noChoice')
    : (choice ? item.yes : item.no)[locale];
}

export function reviewCard(context: AssessmentCardContext, view: View<'review'>): AdaptiveCard {
  const { t } = context;
  const missing = view.total - view.answered;
  return adaptiveCard(
    [
      heading(t('assessment.review.title')),
      paragraph(t('assessment.review.answered', { answered: view.answered, total: view.total })),
      ...answersSummary(context, view),
      paragraph(
        missing > 0
          ? t('assessment.review.unanswered', { missing })
          : t('assessment.review.complete'),
        { spacing: 'Medium' },
      ),
    ],
    [
      executeAction(t('assessment.action.submit'), ASSESSMENT_VERBS.submit, cardRef(view)),
      executeAction(t('assessment.action.back'), ASSESSMENT_VERBS.back, cardRef(view)),
    ],
  );
}

/**
 * What is about to be sent, compact: per dimension how many answered and the answers in item
 * order ("4 · 5 · – · 3"), then the yes/no choices in words.
 */
function answersSummary(
  { t, locale, questionnaire }: AssessmentCardContext,
  view: View<'review'>,
): CardElement[] {
  const facts = questionnaire.dimensions.map((dimension) => {
    const values = questionnaire.items.flatMap((item) =>
      item.type === 'likert' && item.dimension === dimension.id ? [view.answers[item.id]] : [],
    );
    const answered = values.filter((value) => value !== undefined).length;
    return {
      title: dimension.name[locale],
      value: t('assessment.review.dimension', {
        answered,
        total: values.length,
        values: values.map((value) => value ?? '–').join(' · '),
      }),
    };
  });
  const choices = questionnaire.items.flatMap((item) => {
    if (item.type !== 'choice') return [];
    return [
      {
        title: item.text[locale],
        value: choiceInWords({ t, locale }, item, view.choices[item.id]),
      },
    ];
  });
  return [
    paragraph(t('assessment.review.summary'), { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'FactSet', facts },
    ...choices.map((choice) => paragraph(`${choice.title} **${choice.value}**`, { size: 'Small' })),
  ];
}

export function resultCard(
  { t, locale, questionnaire }: AssessmentCardContext,
  view: View<'result'>,
): AdaptiveCard {
  const name = (id: string): string =>
    questionnaire.dimensions.find((d) => d.id === id)?.name[locale] ?? id;
  const band = (id: string): string =>
    questionnaire.bands.find((b) => b.id === id)?.label[locale] ?? id;
  const { strengths, growth } = view.highlights;
  return adaptiveCard([
    heading(t('assessment.result.title')),
    paragraph(t('assessment.result.private'), { isSubtle: true, size: 'Small', spacing: 'None' }),
    {
      type: 'FactSet',
      facts: view.result.dimensions.map((d) => ({
        title: name(d.dimension),
        value:
          d.score === null || d.band === null
            ? t('assessment.result.notScored')
            : t('assessment.result.score', { score: d.score, band: band(d.band) }),
      })),
    },
    paragraph(t('assessment.result.strengths'), { weight: 'Bolder', spacing: 'Medium' }),
    paragraph(
      strengths.length > 0
        ? strengths.map((s) => `- ${name(s.dimension)}`).join('\n')
        : t('assessment.result.none'),
    ),
    paragraph(t('assessment.result.growth'), { weight: 'Bolder', spacing: 'Medium' }),
    ...(growth.length > 0
      ? growth.map((g) => paragraph(`**${name(g.dimension)}**: ${g.suggestion.text[locale]}`))
      : [paragraph(t('assessment.result.none'))]),
    paragraph(bandsLegend({ t, locale, questionnaire }), { size: 'Small', spacing: 'Medium' }),
    paragraph(t('assessment.result.tab'), { size: 'Small', spacing: 'Medium' }),
    paragraph(t('assessment.result.date', { date: view.submittedAt.toLocaleDateString(locale) }), {
      isSubtle: true,
      size: 'Small',
    }),
  ]);
}

/**
 * How scores map to bands, from the questionnaire's thresholds: "Base sotto 50, Intermedio da 50
 * a 74,9 e Avanzato da 75 in su" (scores carry one decimal, so a band ends 0.1 below the next).
 */
export function bandsLegend({ t, locale, questionnaire }: AssessmentCardContext): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const { bands } = questionnaire;
  const parts = bands.map((band, i) => {
    const next = bands[i + 1];
    const label = band.label[locale];
    if (i === 0 && next) return t('assessment.result.band.lowest', { band: label, next: next.min });
    if (!next) return t('assessment.result.band.highest', { band: label, min: band.min });
    return t('assessment.result.band.middle', {
      band: label,
      min: format.format(band.min),
      max: format.format(next.min - 0.1),
    });
  });
  return t('assessment.result.bands', {
    bands: new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts),
  });
}

/** The card for any assessment view; `alreadySubmitted` and `invalid` are notices. */
export function viewCard(context: AssessmentCardContext, view: AssessmentView): AdaptiveCard {
  switch (view.kind) {
    case 'department':
      return departmentCard(context, view);
    case 'item':
      return itemCard(context, view);
    case 'review':
      return reviewCard(context, view);
    case 'result':
      return resultCard(context, view);
    case 'alreadySubmitted':
      return noticeCard(context.t('assessment.alreadySubmitted'));
    case 'invalid':
      return noticeCard(
        context.t('assessment.invalid', { reason: context.t(`assessment.invalid.${view.reason}`) }),
      );
  }
}
