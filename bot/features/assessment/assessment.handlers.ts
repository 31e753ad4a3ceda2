import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type {
  AssessmentService,
  AssessmentView,
} from '../../../core/assessment/assessment.service';
import type { Questionnaire } from '../../../core/assessment/questionnaire';
import { acknowledge, onVerb, replaceCard, type CardAction } from '../../card-actions';
import { DELETION_WORDS, type Command, type CommandSpec } from '../../commands';
import type { TurnScope } from '../../turn';
import { privacyCard, viewCard, type AssessmentCardContext } from './assessment.cards';
import { noticeCard, type AdaptiveCard } from '../../cards/card';
import { ASSESSMENT_VERBS } from './assessment.verbs';

export const ASSESSMENT_COMMAND: CommandSpec = {
  id: 'assessment',
  patterns: [
    /^(questionario|questionnaire|assessment|autovalutazione|self[- ]assessment|digital mindset)$/,
  ],
  phrases: [
    new RegExp(
      String.raw`^(?!.*\b(${DELETION_WORDS}|risultat|results?\b)).*\b(questionario|questionnaire|autovalutazione|self[- ]?assessment|assessment|digital mindset)\b`,
    ),
  ],
  usageKey: 'assessment.usage',
  descriptionKey: 'assessment.description',
  personalOnly: true,
};

export const RESULTS_COMMAND: CommandSpec = {
  id: 'results',
  patterns: [/^(i miei risultati|il mio risultato|risultati|my results?|results?)$/],
  phrases: [
    new RegExp(
      String.raw`^(?!.*\b(${DELETION_WORDS})).*\b(risultat[oi]|results?|punteggi?o?|scores?)\b`,
    ),
  ],
  usageKey: 'results.usage',
  descriptionKey: 'results.description',
  personalOnly: true,
};

export interface AssessmentFeatureDeps {
  assessment: AssessmentService;
  questionnaire: Questionnaire;
}

const cardContext = (turn: TurnScope, questionnaire: Questionnaire): AssessmentCardContext => ({
  t: turn.t,
  locale: turn.locale,
  questionnaire,
});

/**
 * The cards to show when someone opens the assessment: privacy first, else where they are; a
 * finished one says so before its result, so that asking again is not silently answered.
 */
async function entryCards(
  turn: TurnScope,
  deps: AssessmentFeatureDeps,
  objectId: string,
): Promise<AdaptiveCard[]> {
  const context = cardContext(turn, deps.questionnaire);
  const view = await deps.assessment.peek(objectId);
  if (view?.kind === 'result') {
    const date = view.submittedAt.toLocaleDateString(turn.locale, { dateStyle: 'long' });
    return [noticeCard(turn.t('assessment.alreadyCompleted', { date })), viewCard(context, view)];
  }
  if (view) return [viewCard(context, view)];
  // Showing the promise locks it: later settings never lower this campaign's threshold.
  const { policy } = await deps.assessment.lockCampaign();
  const ref = { campaignId: deps.assessment.campaignId, version: deps.questionnaire.version };
  return [privacyCard(context, ref, policy.k)];
}

async function sendAll(turn: TurnScope, cards: AdaptiveCard[]): Promise<void> {
  for (const card of cards) await turn.sendCard(card);
}

export function assessmentCommands(deps: AssessmentFeatureDeps): Command[] {
  return [
    {
      ...ASSESSMENT_COMMAND,
      run: async (turn) => {
        if (!turn.objectId) return turn.sendCard(noticeCard(turn.t('assessment.unidentified')));
        await sendAll(turn, await entryCards(turn, deps, turn.objectId));
      },
    },
    {
      ...RESULTS_COMMAND,
      run: async (turn) => {
        const view = turn.objectId ? await deps.assessment.result(turn.objectId) : undefined;
        await turn.sendCard(
          view
            ? viewCard(cardContext(turn, deps.questionnaire), view)
            : noticeCard(turn.t('assessment.noResult')),
        );
      },
    },
  ];
}

/** Runs `work` for an identified person and puts the resulting view in place of the card. */
async function inPlace(
  deps: AssessmentFeatureDeps,
  turn: TurnScope,
  work: (objectId: string) => Promise<AssessmentView>,
): Promise<AdaptiveCardInvokeResponse> {
  if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
  return replaceCard(viewCard(cardContext(turn, deps.questionnaire), await work(turn.objectId)));
}

export function assessmentActions(deps: AssessmentFeatureDeps): CardAction[] {
  const { assessment } = deps;
  const personalOnly = { personalOnly: true };
  /** A step of the person's own assessment: counted against their answers' limit. */
  const write = { ...personalOnly, limited: 'answer' as const };
  return [
    onVerb(
      ASSESSMENT_VERBS.open,
      async (turn) => {
        if (!turn.objectId) return acknowledge(turn.t('assessment.unidentified'));
        await sendAll(turn, await entryCards(turn, deps, turn.objectId));
        return acknowledge(turn.t('assessment.opened'));
      },
      personalOnly,
    ),
    onVerb(
      ASSESSMENT_VERBS.start,
      (turn, { ref }) =>
        inPlace(deps, turn, (objectId) =>
          assessment.start({ objectId, orgUnitPath: turn.person?.orgUnitPath }, ref),
        ),
      write,
    ),
    onVerb(
      ASSESSMENT_VERBS.later,
      async (turn) => replaceCard(noticeCard(turn.t('assessment.later'))),
      personalOnly,
    ),
    onVerb(
      ASSESSMENT_VERBS.department,
      (turn, { ref, department }) =>
        inPlace(deps, turn, (objectId) =>
          assessment.chooseDepartment(objectId, ref, department ?? ''),
        ),
      write,
    ),
    onVerb(
      ASSESSMENT_VERBS.answer,
      (turn, { ref, item, value }) =>
        inPlace(deps, turn, (objectId) => assessment.answer(objectId, ref, item, value)),
      write,
    ),
    onVerb(
      ASSESSMENT_VERBS.back,
      (turn, { ref, item }) =>
        inPlace(deps, turn, (objectId) => assessment.back(objectId, ref, item)),
      write,
    ),
    onVerb(
      ASSESSMENT_VERBS.submit,
      (turn, { ref }) => inPlace(deps, turn, (objectId) => assessment.submit(objectId, ref)),
      write,
    ),
  ];
}
