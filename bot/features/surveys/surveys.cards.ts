import type { Locale } from '../../../core/directory/person';
import type { Translate } from '../../../core/i18n/translator';
import { pagesOf, SURVEY_LIMITS, type SurveyQuestion } from '../../../core/surveys/survey';
import type { SurveyRecord } from '../../../core/surveys/surveys.repository';
import {
  adaptiveCard,
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../cards/card';
import { INPUT_PREFIX, SURVEY_VERBS } from './surveys.verbs';

export interface SurveyCardContext {
  t: Translate;
  locale: Locale;
}

/** Where a respondent is: the page shown, the earlier pages' answers, the Submit nonce. */
export interface SurveyCardState {
  page: number;
  answers: Record<string, string>;
  nonce: string;
  /** A refusal to show above the questions (an answer the server did not accept). */
  error?: string;
  /** Shown on top of the first page of a reminder. */
  reminder?: boolean;
}

function questionInput(
  { t, locale }: SurveyCardContext,
  q: SurveyQuestion,
  number: number,
  value: string | undefined,
): CardElement[] {
  const label = `${number}. ${q.text[locale]}${q.required ? '' : ` ${t('surveys.card.optional')}`}`;
  const common = {
    id: `${INPUT_PREFIX}${q.id}`,
    label,
    isRequired: q.required,
    errorMessage: t('surveys.answer.required', { number }),
    ...(value !== undefined ? { value } : {}),
  };
  const hint = (text: string) =>
    paragraph(text, { isSubtle: true, size: 'Small', spacing: 'None' });
  switch (q.type) {
    case 'scale':
    case 'recommend': {
      const [min, max] = q.type === 'scale' ? [1, 5] : [0, 10];
      return [
        {
          type: 'Input.ChoiceSet',
          ...common,
          style: q.type === 'scale' ? 'expanded' : 'compact',
          choices: Array.from({ length: max - min + 1 }, (_, i) => ({
            title: String(min + i),
            value: String(min + i),
          })),
        },
        hint(`${t(`surveys.card.${q.type}.min`)} · ${t(`surveys.card.${q.type}.max`)}`),
      ];
    }
    case 'single':
    case 'multiple':
      return [
        {
          type: 'Input.ChoiceSet',
          ...common,
          style: 'expanded',
          isMultiSelect: q.type === 'multiple',
          choices: q.options.map((o) => ({ title: o.text[locale], value: o.id })),
        },
      ];
    case 'text':
      return [
        {
          type: 'Input.Text',
          ...common,
          isMultiline: true,
          maxLength: SURVEY_LIMITS.answerText,
          placeholder: t('surveys.card.textHint', { max: SURVEY_LIMITS.answerText }),
        },
      ];
  }
}

/**
 * One page of a survey: on the first, the title, introduction, what happens to the answers
 * (anonymous with k, or the stated purpose) and the closing date; then the page's questions,
 * progress, and Next or Submit.
 */
export function surveyPageCard(
  context: SurveyCardContext,
  survey: SurveyRecord,
  state: SurveyCardState,
): AdaptiveCard {
  const { t, locale } = context;
  const pages = pagesOf(survey.questions);
  const ids = pages[state.page] ?? [];
  const first = state.page === 0;
  const intro: CardElement[] = first
    ? [
        ...(state.reminder
          ? [
              paragraph(t('surveys.card.reminder', { title: survey.title[locale] }), {
                weight: 'Bolder',
              }),
            ]
          : []),
        heading(survey.title[locale]),
        ...(survey.intro ? [paragraph(survey.intro[locale])] : []),
        paragraph(
          survey.anonymous
            ? t('surveys.card.anonymous', { k: survey.k })
            : t('surveys.card.identified', { purpose: survey.purpose?.[locale] ?? '' }),
          { size: 'Small', isSubtle: true },
        ),
        ...(survey.closesAt
          ? [
              paragraph(
                t('surveys.card.closes', {
                  date: survey.closesAt.toLocaleDateString(locale, { dateStyle: 'long' }),
                }),
                { size: 'Small', isSubtle: true },
              ),
            ]
          : []),
      ]
    : [heading(survey.title[locale])];
  const questions = ids.flatMap((id) => {
    const index = survey.questions.findIndex((q) => q.id === id);
    return questionInput(context, survey.questions[index]!, index + 1, state.answers[id]);
  });
  const data = {
    survey: survey.id,
    rev: survey.revision,
    page: state.page,
    nonce: state.nonce,
    answers: Object.fromEntries(Object.entries(state.answers).filter(([id]) => !ids.includes(id))),
  };
  const last = state.page === pages.length - 1;
  return adaptiveCard(
    [
      ...intro,
      paragraph(t('surveys.card.progress', { page: state.page + 1, pages: pages.length }), {
        isSubtle: true,
        size: 'Small',
      }),
      ...(state.error ? [paragraph(state.error, { color: 'Attention' })] : []),
      ...questions,
    ],
    [
      last
        ? executeAction(t('surveys.card.submit'), SURVEY_VERBS.submit, data)
        : executeAction(t('surveys.card.next'), SURVEY_VERBS.next, data),
    ],
  );
}

/** What replaces the card once the answers are stored. */
export function thanksCard({ t, locale }: SurveyCardContext, survey: SurveyRecord): AdaptiveCard {
  return adaptiveCard([
    heading(t('surveys.card.thanks.title')),
    paragraph(t('surveys.card.thanks.text', { title: survey.title[locale] })),
  ]);
}
