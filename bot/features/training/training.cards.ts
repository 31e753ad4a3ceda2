import type { Locale } from '../../../core/directory/person';
import type { TrainingPath } from '../../../core/facilitators/training-path';
import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
} from '../../cards/card';
import { TRAINING_VERBS } from './training.verbs';

export interface TrainingCardContext {
  t: Translate;
  locale: Locale;
  /** Today, `YYYY-MM-DD`: the form's default and latest date. */
  today: string;
}

const hours = (locale: Locale, value: number) =>
  value.toLocaleString(locale, { maximumFractionDigits: 1 });

const day = (locale: Locale, date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });

/**
 * The facilitator's path: hours against the target, whether on schedule, the next module with
 * its link, every module with its done mark, and a form to mark one done. `notice` tells what
 * the last action did (saved, or why it was refused).
 */
export function trainingPathCard(
  { t, locale, today }: TrainingCardContext,
  path: TrainingPath,
  notice?: { text: string; refused: boolean },
): AdaptiveCard {
  const { next } = path;
  const todo = path.modules.filter((m) => !m.done);
  const body = [
    heading(t('training.card.title')),
    ...(notice
      ? [paragraph(notice.text, notice.refused ? { color: 'Attention' } : { color: 'Good' })]
      : []),
    paragraph(
      t('training.card.hours', {
        done: hours(locale, path.hoursDone),
        target: hours(locale, path.target),
      }),
    ),
    paragraph(
      path.behindSchedule
        ? t('training.card.behind', { expected: hours(locale, path.expectedByNow) })
        : t('training.card.onSchedule'),
      { isSubtle: true },
    ),
    paragraph(
      next
        ? t('training.card.next', {
            title: next.title[locale],
            hours: hours(locale, next.hours),
            format: t(`training.format.${next.format}`),
          })
        : t('training.card.complete'),
    ),
    paragraph(t('training.card.modules'), { weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'FactSet',
      facts: path.modules.map(({ module, reason, done }) => ({
        title: module.title[locale],
        value: `${done ? t('training.card.done', { date: day(locale, done.date) }) : t('training.card.todo')} · ${t(`training.card.reason.${reason}`)}`,
      })),
    },
  ];
  const form = adaptiveCard(
    [
      {
        type: 'Input.ChoiceSet',
        id: 'module',
        label: t('training.card.module'),
        isRequired: true,
        errorMessage: t('training.problem.unknownModule'),
        value: next?.id,
        choices: todo.map(({ module }) => ({ title: module.title[locale], value: module.id })),
      },
      {
        type: 'Input.Date',
        id: 'date',
        label: t('training.card.date'),
        isRequired: true,
        value: today,
        max: today,
        errorMessage: t('training.problem.futureDate'),
      },
      {
        type: 'Input.Number',
        id: 'hours',
        label: t('training.card.hoursInput'),
        isRequired: true,
        min: 0.5,
        max: 40,
        ...(next ? { value: next.hours } : {}),
        errorMessage: t('training.problem.badInput'),
      },
    ],
    [executeAction(t('training.card.save'), TRAINING_VERBS.done)],
  );
  const actions = [
    ...(next ? [{ type: 'Action.OpenUrl', title: t('training.card.open'), url: next.link }] : []),
    ...(todo.length > 0
      ? [{ type: 'Action.ShowCard', title: t('training.card.markDone'), card: form }]
      : []),
  ];
  return adaptiveCard(body, actions);
}

/** The monthly nudge: no figures (a notification preview may be seen by others), one button. */
export function trainingNudgeCard(t: Translate): AdaptiveCard {
  return adaptiveCard(
    [heading(t('training.nudge.title')), paragraph(t('training.nudge.text'))],
    [executeAction(t('training.nudge.action'), TRAINING_VERBS.open)],
  );
}
