import type { Locale } from '../../../core/directory/person';
import type { Translate } from '../../../core/i18n/translator';
import type { LabTask } from '../../../core/labs/board';
import type { Lab } from '../../../core/labs/lab';
import type { LabUpdate } from '../../../core/labs/update';
import type { WeeklyFigures } from '../../../core/labs/weekly';
import {
  adaptiveCard,
  executeAction,
  heading,
  literal,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../cards/card';
import { LAB_VERBS } from './labs.verbs';

/** A person named on a card: their name, or "former member" after erasure. */
export interface NamedPerson {
  objectId: string | null;
  name: string;
}

function facts(items: { title: string; value: string }[]): CardElement {
  return { type: 'FactSet', facts: items };
}

/** An update, posted to the lab's channel as a new conversation. */
export function updateCard(
  t: Translate,
  view: { lab: Lab; update: LabUpdate; author: NamedPerson; mentions: NamedPerson[] },
): { card: AdaptiveCard; entities: CardElement[] } {
  const { lab, update, author, mentions } = view;
  const mentioned = mentions.filter((m) => m.objectId);
  const body: CardElement[] = [
    paragraph(t('labs.card.update.lab'), { isSubtle: true, spacing: 'None' }),
    literal(lab.title, { spacing: 'None' }),
    {
      ...literal(update.title),
      inlines: [{ type: 'TextRun', text: update.title, weight: 'Bolder', size: 'Large' }],
    },
    literal(update.text),
  ];
  const details: { title: string; value: string }[] = [
    { title: t('labs.card.update.author'), value: author.name },
  ];
  if (update.progress !== undefined) {
    details.push({ title: t('labs.card.update.progress'), value: `${update.progress} %` });
  }
  body.push(facts(details));
  if (update.nextSteps) {
    body.push(
      paragraph(t('labs.card.update.nextSteps'), { weight: 'Bolder' }),
      literal(update.nextSteps),
    );
  }
  if (mentioned.length > 0) {
    const names = mentioned.map((m) => `<at>${m.name}</at>`).join(', ');
    body.push(paragraph(t('labs.card.update.mentions', { names })));
  }
  const card = adaptiveCard(body);
  const entities = mentioned.map((m) => ({
    type: 'mention',
    text: `<at>${m.name}</at>`,
    mentioned: { id: m.objectId, name: m.name },
  }));
  return { card: entities.length > 0 ? { ...card, msteams: { width: 'Full' } } : card, entities };
}

function taskList(
  t: Translate,
  title: string,
  tasks: readonly LabTask[],
  locale: Locale,
): CardElement[] {
  if (tasks.length === 0)
    return [
      paragraph(title, { weight: 'Bolder' }),
      paragraph(t('labs.card.summary.none'), { isSubtle: true, spacing: 'None' }),
    ];
  const shown = tasks
    .slice(0, 10)
    .map((task) =>
      literal(
        task.dueDate ? `• ${task.title} (${formatDay(task.dueDate, locale)})` : `• ${task.title}`,
        { spacing: 'None' },
      ),
    );
  const more =
    tasks.length > 10
      ? [
          paragraph(t('labs.card.summary.more', { n: tasks.length - 10 }), {
            isSubtle: true,
            spacing: 'None',
          }),
        ]
      : [];
  return [paragraph(`${title} (${tasks.length})`, { weight: 'Bolder' }), ...shown, ...more];
}

function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A lab's weekly summary in its channel. */
export function summaryCard(
  t: Translate,
  locale: Locale,
  lab: Lab,
  figures: WeeklyFigures,
): AdaptiveCard {
  return adaptiveCard([
    heading(t('labs.card.summary.title')),
    literal(lab.title, { spacing: 'None' }),
    ...taskList(t, t('labs.card.summary.done'), figures.done, locale),
    ...taskList(t, t('labs.card.summary.dueNextWeek'), figures.dueNextWeek, locale),
    ...taskList(t, t('labs.card.summary.overdue'), figures.overdue, locale),
  ]);
}

/** An invitation in the person's chat: Join / No thanks. */
export function invitationCard(
  t: Translate,
  view: { lab: Lab; theme: string; leads: string[] },
): AdaptiveCard {
  const { lab } = view;
  return adaptiveCard(
    [
      heading(t('labs.card.invitation.title')),
      literal(lab.title, { spacing: 'Small' }),
      facts([
        { title: t('labs.card.invitation.theme'), value: view.theme },
        { title: t('labs.card.invitation.leads'), value: view.leads.join(', ') },
      ]),
      paragraph(t('labs.card.invitation.goal'), { weight: 'Bolder' }),
      literal(lab.goal),
    ],
    [
      executeAction(t('labs.card.invitation.join'), LAB_VERBS.join, { labId: lab.id }),
      executeAction(t('labs.card.invitation.decline'), LAB_VERBS.decline, { labId: lab.id }),
    ],
  );
}

/** The leads' answer to a request to join. */
export function decisionCard(t: Translate, labTitle: string, approved: boolean): AdaptiveCard {
  return adaptiveCard([
    paragraph(t(approved ? 'labs.card.decision.approved' : 'labs.card.decision.declined')),
    literal(labTitle, { weight: 'Bolder' }),
  ]);
}

/** `collega laboratorio` in a channel: the labs the caller leads, to link to this channel. */
export function linkCard(t: Translate, labs: readonly Lab[]): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t('labs.card.link.title')),
      paragraph(t('labs.card.link.intro')),
      {
        type: 'Input.ChoiceSet',
        id: 'labId',
        label: t('labs.card.link.lab'),
        isRequired: true,
        errorMessage: t('labs.card.link.required'),
        value: labs[0]?.id ?? '',
        choices: labs.map((lab) => ({ title: lab.title, value: lab.id })),
      },
    ],
    [executeAction(t('labs.card.link.submit'), LAB_VERBS.link)],
  );
}

/** `aggiornamento` in a linked channel: the update form (as the tab's). */
export function updateFormCard(
  t: Translate,
  labs: readonly Lab[],
  notice?: string,
  values: { title?: string; text?: string; progress?: string; nextSteps?: string } = {},
): AdaptiveCard {
  const choose: CardElement[] =
    labs.length > 1
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'labId',
            label: t('labs.card.link.lab'),
            isRequired: true,
            errorMessage: t('labs.card.link.required'),
            value: labs[0]!.id,
            choices: labs.map((lab) => ({ title: lab.title, value: lab.id })),
          },
        ]
      : [literal(labs[0]?.title ?? '', { spacing: 'None' })];
  return adaptiveCard(
    [
      heading(t('labs.card.form.title')),
      ...choose,
      ...(notice ? [paragraph(notice, { color: 'Attention' })] : []),
      {
        type: 'Input.Text',
        id: 'title',
        label: t('labs.card.form.updateTitle'),
        isRequired: true,
        errorMessage: t('labs.card.form.invalid'),
        maxLength: 120,
        value: values.title ?? '',
      },
      {
        type: 'Input.Text',
        id: 'text',
        label: t('labs.card.form.text'),
        isRequired: true,
        errorMessage: t('labs.card.form.invalid'),
        isMultiline: true,
        maxLength: 2000,
        value: values.text ?? '',
      },
      {
        type: 'Input.Number',
        id: 'progress',
        label: t('labs.card.form.progress'),
        min: 0,
        max: 100,
        ...(values.progress ? { value: Number(values.progress) } : {}),
      },
      {
        type: 'Input.Text',
        id: 'nextSteps',
        label: t('labs.card.form.nextSteps'),
        isMultiline: true,
        maxLength: 1000,
        value: values.nextSteps ?? '',
      },
    ],
    [
      executeAction(
        t('labs.card.form.submit'),
        LAB_VERBS.update,
        labs.length === 1 ? { labId: labs[0]!.id } : {},
      ),
    ],
  );
}
