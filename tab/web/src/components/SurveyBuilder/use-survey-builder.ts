import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Survey, SurveyQuestionType } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorsOf } from './field-errors';
import {
  MAX_TEXT_QUESTIONS,
  moved,
  newQuestion,
  toNewSurvey,
  type DraftQuestion,
  type SurveyDraft,
} from './survey-draft';

export interface BuilderStart {
  /** The saved draft being edited, or null for a new one. */
  id: string | null;
  draft: SurveyDraft;
}

/**
 * The draft as edited, saved to the server (which checks every field) before its card is shown
 * or it is launched. `moveTo` reports where the focus and the announcement should go.
 */
export function useSurveyBuilder(start: BuilderStart, onLaunched: (id: string) => void) {
  const api = useApi();
  const { t } = useI18n();
  const [draft, setDraft] = useState(start.draft);
  const [id, setId] = useState(start.id);
  const [saved, setSaved] = useState<Survey | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ question: string; direction: 'up' | 'down' } | null>(null);
  const { busy, error, run, clearError } = useAction<'save' | 'launch'>();
  const errors = useMemo(() => fieldErrorsOf(error), [error]);

  const change = useCallback((patch: Partial<SurveyDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaved(null);
  }, []);
  const setQuestions = (questions: DraftQuestion[]) => change({ questions });
  const textQuestions = draft.questions.filter((q) => q.type === 'text').length;

  const addQuestion = (type: SurveyQuestionType) =>
    setQuestions([...draft.questions, newQuestion(type, draft.questions)]);
  const updateQuestion = (at: number, question: DraftQuestion) =>
    setQuestions(draft.questions.map((q, i) => (i === at ? question : q)));
  const removeQuestion = (at: number) => {
    setQuestions(draft.questions.filter((_, i) => i !== at));
    setAnnouncement(t('surveys.builder.removed', { n: at + 1 }));
  };
  const moveQuestion = (from: number, to: number) => {
    const question = draft.questions[from];
    if (!question || to < 0 || to >= draft.questions.length) return;
    setQuestions(moved(draft.questions, from, to));
    setAnnouncement(t('surveys.builder.moved', { from: from + 1, to: to + 1 }));
    // At either end the button pressed is disabled: the focus goes to the other one.
    const edge = to === 0 || to === draft.questions.length - 1;
    const direction = to < from ? 'up' : 'down';
    setFocus({
      question: question.id,
      direction: edge ? (direction === 'up' ? 'down' : 'up') : direction,
    });
  };

  const save = useCallback(async (): Promise<Survey | null> => {
    let result: Survey | null = null;
    await run('save', async () => {
      const body = toNewSurvey(draft);
      let survey: Survey;
      if (id === null) {
        const created = await api.createSurvey(body);
        setId(created);
        survey = await api.survey(created);
      } else {
        survey = await api.updateSurvey(id, body);
      }
      result = survey;
      setSaved(survey);
    });
    return result;
  }, [api, draft, id, run]);

  const launch = useCallback(async () => {
    if (id === null) return;
    await run('launch', async () => {
      await api.launchSurvey(id);
      onLaunched(id);
    });
  }, [api, id, onLaunched, run]);

  useEffect(() => {
    if (saved) setAnnouncement(t('surveys.builder.saved'));
  }, [saved, t]);

  return {
    draft,
    id,
    saved,
    change,
    textAllowed: textQuestions < MAX_TEXT_QUESTIONS,
    addQuestion,
    updateQuestion,
    removeQuestion,
    moveQuestion,
    focus,
    announcement,
    save,
    launch,
    busy,
    error,
    errors,
    clearError,
  };
}
