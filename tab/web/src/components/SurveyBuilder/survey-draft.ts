import type {
  AudienceRole,
  NewSurvey,
  Survey,
  SurveyAudience,
  SurveyQuestionType,
  SurveyText,
  SurveyTextInput,
} from '../../api/types';

/** The server's limits, mirrored so the builder does not offer what it would refuse. */
export const MAX_QUESTIONS = 20;
export const MAX_TEXT_QUESTIONS = 5;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_REMINDERS = 3;
export const QUESTION_TYPES: readonly SurveyQuestionType[] = [
  'scale',
  'recommend',
  'single',
  'multiple',
  'text',
];

export interface DraftOption {
  id: string;
  text: SurveyText;
}

export interface DraftQuestion {
  id: string;
  type: SurveyQuestionType;
  text: SurveyText;
  required: boolean;
  options: DraftOption[];
}

/** What the builder edits: the survey as the form shows it (dates as `datetime-local` values). */
export interface SurveyDraft {
  title: SurveyText;
  intro: SurveyText;
  anonymous: boolean;
  purpose: SurveyText;
  questions: DraftQuestion[];
  audience: { kind: SurveyAudience['kind']; departments: string[]; role: AudienceRole };
  opensAt: string;
  closesAt: string;
  reminders: string[];
  k: number;
  template: string | null;
}

export const emptyText = (): SurveyText => ({ 'it-IT': '', 'en-US': '' });

const bothLanguages = (text: SurveyTextInput | null | undefined): SurveyText =>
  typeof text === 'string' ? { 'it-IT': text, 'en-US': text } : { ...(text ?? emptyText()) };

const isChoice = (type: SurveyQuestionType) => type === 'single' || type === 'multiple';

/** An id not yet used among `taken`: `prefix` and the smallest number free. */
export function freshId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((item) => item.id));
  let n = taken.length + 1;
  while (ids.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function newQuestion(type: SurveyQuestionType, taken: readonly DraftQuestion[]) {
  const question: DraftQuestion = {
    id: freshId('q', taken),
    type,
    text: emptyText(),
    required: type !== 'text',
    options: [],
  };
  return withType(question, type);
}

/** The question as another type: choices get two empty options, the others none. */
export function withType(question: DraftQuestion, type: SurveyQuestionType): DraftQuestion {
  const options = !isChoice(type)
    ? []
    : question.options.length >= MIN_OPTIONS
      ? question.options
      : [
          { id: 'o1', text: emptyText() },
          { id: 'o2', text: emptyText() },
        ];
  return { ...question, type, options };
}

export function emptyDraft(): SurveyDraft {
  return {
    title: emptyText(),
    intro: emptyText(),
    anonymous: true,
    purpose: emptyText(),
    questions: [newQuestion('scale', [])],
    audience: { kind: 'all', departments: [], role: 'manager' },
    opensAt: '',
    closesAt: '',
    reminders: [],
    k: 5,
    template: null,
  };
}

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The builder filled with a saved survey or a template's. */
export function draftOf(
  survey: NewSurvey | Survey,
  template: string | null = survey.template ?? null,
): SurveyDraft {
  const audience = survey.audience;
  return {
    title: bothLanguages(survey.title),
    intro: bothLanguages(survey.intro),
    anonymous: survey.anonymous,
    purpose: bothLanguages(survey.purpose),
    questions: survey.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: bothLanguages(q.text),
      required: q.required ?? q.type !== 'text',
      options: (q.options ?? []).map((o) => ({ id: o.id, text: bothLanguages(o.text) })),
    })),
    audience: {
      kind: audience.kind,
      departments: audience.kind === 'departments' ? audience.departments : [],
      role: audience.kind === 'role' ? audience.role : 'manager',
    },
    opensAt: toLocalInput(survey.opensAt),
    closesAt: toLocalInput(survey.closesAt),
    reminders: (survey.reminders ?? []).map((r) => toLocalInput(r)),
    k: survey.k ?? 5,
    template,
  };
}

function audienceOf({ kind, departments, role }: SurveyDraft['audience']): SurveyAudience {
  if (kind === 'departments') return { kind, departments };
  if (kind === 'role') return { kind, role };
  return { kind: 'all' };
}

const hasText = (text: SurveyText) => text['it-IT'].trim() !== '' || text['en-US'].trim() !== '';

/** The body of POST / PUT: the server checks every field and says which ones it refuses. */
export function toNewSurvey(draft: SurveyDraft): NewSurvey {
  return {
    title: draft.title,
    ...(hasText(draft.intro) ? { intro: draft.intro } : {}),
    anonymous: draft.anonymous,
    ...(!draft.anonymous ? { purpose: draft.purpose } : {}),
    questions: draft.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text,
      required: q.required,
      ...(isChoice(q.type) ? { options: q.options } : {}),
    })),
    audience: audienceOf(draft.audience),
    ...(toIso(draft.opensAt) ? { opensAt: toIso(draft.opensAt) } : {}),
    ...(toIso(draft.closesAt) ? { closesAt: toIso(draft.closesAt) } : {}),
    reminders: draft.reminders.filter((r) => r !== '').map((r) => new Date(r).toISOString()),
    k: draft.k,
    ...(draft.template ? { template: draft.template } : {}),
  };
}

/** `list` with the item at `from` moved to `to` (both within the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
