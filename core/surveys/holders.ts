import type { PersonalDataHolder } from '../privacy/personal-data';
import {
  answersOf,
  SURVEY_ANSWERS_TABLE,
  type SurveyAnswersRepository,
} from './answers.repository';
import { SURVEYS_TABLE, type SurveysRepository } from './surveys.repository';

/**
 * Surveys' personal data: the surveys an admin built (creator's id) and the answers to identified
 * surveys (under the respondent's pseudonym). Erasure deletes those answers and takes them out of
 * the tallies in the same transaction. Who answered what survey is the respondents ledger's
 * (its own holder). Anonymous answers are not personal data: no id, pseudonym, conversation,
 * time or key beside them and no side channel to the ledger, so nobody, the app included, can
 * tell which are the person's: they are neither exported nor erased.
 */
export function surveysData(
  surveys: SurveysRepository,
  answers: SurveyAnswersRepository,
): PersonalDataHolder {
  return {
    tables: [SURVEYS_TABLE, SURVEY_ANSWERS_TABLE],
    export: async ({ objectId, pseudonym }) => {
      const all = await surveys.all();
      const mine = await answers.ofRespondent(pseudonym);
      return {
        surveysCreated: all
          .filter((s) => s.createdBy.toLowerCase() === objectId.toLowerCase())
          .map(({ id, title, createdAt }) => ({ id, title, createdAt })),
        surveyAnswers: mine.map((row) => {
          const survey = all.find((s) => s.id === row.surveyId);
          return {
            survey: row.surveyId,
            answers: survey ? answersOf(survey.questions, row) : row.answers,
          };
        }),
      };
    },
    erase: async ({ pseudonym }) => {
      for (const row of await answers.ofRespondent(pseudonym)) {
        const survey = (await surveys.get(row.surveyId))?.value;
        if (survey) await answers.erase(row.surveyId, survey.questions, row);
      }
    },
    leaves:
      'the surveys the person built keep their id as creator (a privileged action); answers to ' +
      'anonymous surveys carry nothing that is theirs, so nothing can be found to erase',
  };
}
