import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { z } from 'zod';
import { isDomainError } from '../../../core/errors';
import { pagesOf } from '../../../core/surveys/survey';
import { SurveyAnswerError } from '../../../core/surveys/survey-errors';
import type { SurveyService } from '../../../core/surveys/survey.service';
import type { SurveyRecord } from '../../../core/surveys/surveys.repository';
import { onVerb, replaceCard, type CardAction } from '../../card-actions';
import { noticeCard } from '../../cards/card';
import type { TurnScope } from '../../turn';
import { surveyPageCard, thanksCard } from './surveys.cards';
import { pageInputs, SURVEY_VERBS } from './surveys.verbs';

type PageData = z.output<typeof SURVEY_VERBS.next.data>;

/** The page's inputs as strings, to carry in the card (multiple choices stay comma-separated). */
function asStrings(inputs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, value] of Object.entries(inputs)) {
    if (typeof value === 'string' || typeof value === 'number') out[id] = String(value);
  }
  return out;
}

/**
 * A survey card's buttons. Next checks the page on the server and answers the next page with the
 * answers so far in its data; Submit checks everything, stores it and answers a thank-you. A bad
 * answer answers the same page with the reason; a stale card, a closed survey or a second
 * submission answers a card that says so. Nothing is written unless Submit succeeds.
 */
export function surveyActions(surveys: SurveyService): CardAction[] {
  const respond =
    (submit: boolean) =>
    async (turn: TurnScope, data: PageData): Promise<AdaptiveCardInvokeResponse> => {
      if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
      const context = { t: turn.t, locale: turn.locale };
      const inputs = pageInputs(data);
      let survey: SurveyRecord | undefined;
      // A Submit's reads of the person go beside the survey's.
      const started = submit ? surveys.respondentReads(turn.objectId, data.survey) : undefined;
      try {
        survey = await surveys.answerable(data.survey, data.rev);
        const last = pagesOf(survey.questions).length - 1;
        if (data.page > last || submit !== (data.page === last)) {
          return replaceCard(noticeCard(turn.t('surveys.problem.stale')));
        }
        surveys.checkPage(survey, data.page, inputs);
        const answers = { ...data.answers, ...asStrings(inputs) };
        if (!submit) {
          const state = { page: data.page + 1, answers, nonce: data.nonce };
          return replaceCard(surveyPageCard(context, survey, state));
        }
        const outcome = await surveys.submit({
          survey,
          nonce: data.nonce,
          objectId: turn.objectId,
          person: turn.person,
          answers,
          started,
        });
        return replaceCard(
          outcome === 'stored'
            ? thanksCard(context, survey)
            : noticeCard(turn.t('surveys.card.already')),
        );
      } catch (error) {
        if (error instanceof SurveyAnswerError && survey) {
          const page = pageOf(survey, error.problem, data.page);
          const answers = { ...data.answers, ...asStrings(inputs) };
          const state = { page, answers, nonce: data.nonce, error: error.describe(turn.t) };
          return replaceCard(surveyPageCard(context, survey, state));
        }
        if (isDomainError(error)) return replaceCard(noticeCard(error.describe(turn.t)));
        throw error;
      }
    };
  return [
    onVerb(SURVEY_VERBS.next, respond(false), { personalOnly: true }),
    onVerb(SURVEY_VERBS.submit, respond(true), { personalOnly: true, limited: 'answer' }),
  ];
}

/** The page holding the question an answer problem names (else the current one). */
function pageOf(
  survey: SurveyRecord,
  problem: SurveyAnswerError['problem'],
  current: number,
): number {
  if (!('question' in problem)) return current;
  const page = pagesOf(survey.questions).findIndex((ids) => ids.includes(problem.question));
  return page >= 0 ? page : current;
}
