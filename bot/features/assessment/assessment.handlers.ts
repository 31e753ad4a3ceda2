import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import type {
  AssessmentService,
  AssessmentView,
} from '../../../core/assessment/assessment.service';
import type { Questionnaire } from '../../../core/assessment/questionnaire';
import { acknowledge, replaceCard, type CardAction } from '../../card-actions';
import { DELETION_WORDS, type Command, type CommandSpec } from '../../commands';
import type { TurnScope } from '../../turn';
import { privacyCard, viewCard, type AssessmentCardContext } from './assessment.cards';
import { noticeCard, type AdaptiveCard } from '../../cards/card';
import {
  AnswerDataSchema,
  BackDataSchema,
  CardRefSchema,
  DepartmentDataSchema,
  VERBS,
} from './assessment.verbs';

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
  const ref = { c: deps.assessment.campaignId, v: deps.questionnaire.version };
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
function inPlace(
  deps: AssessmentFeatureDeps,
  work: (turn: TurnScope, objectId: string) => Promise<AssessmentView>,
): (turn: TurnScope) => Promise<AdaptiveCardInvokeResponse> {
  return async (turn) => {
    if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
    return replaceCard(
      viewCard(cardContext(turn, deps.questionnaire), await work(turn, turn.objectId)),
    );
  };
}

export function assessmentActions(deps: AssessmentFeatureDeps): CardAction[] {
  const { assessment } = deps;
  const ref = (data: { c: string; v: number }) => ({ campaignId: data.c, version: data.v });
  const actions: CardAction[] = [
    {
      verb: VERBS.open,
      data: z.object({}),
      run: async (turn) => {
        if (!turn.objectId) return acknowledge(turn.t('assessment.unidentified'));
        await sendAll(turn, await entryCards(turn, deps, turn.objectId));
        return acknowledge(turn.t('assessment.opened'));
      },
    },
    {
      verb: VERBS.start,
      data: CardRefSchema,
      run: (turn, data: z.infer<typeof CardRefSchema>) =>
        inPlace(deps, (t, objectId) =>
          assessment.start({ objectId, orgUnitPath: t.person?.orgUnitPath }, ref(data)),
        )(turn),
    },
    {
      verb: VERBS.later,
      data: z.object({}),
      run: async (turn) => replaceCard(noticeCard(turn.t('assessment.later'))),
    },
    {
      verb: VERBS.department,
      data: DepartmentDataSchema,
      run: (turn, data: z.infer<typeof DepartmentDataSchema>) =>
        inPlace(deps, (_t, objectId) =>
          assessment.chooseDepartment(objectId, ref(data), data.department ?? ''),
        )(turn),
    },
    {
      verb: VERBS.answer,
      data: AnswerDataSchema,
      run: (turn, data: z.infer<typeof AnswerDataSchema>) =>
        inPlace(deps, (_t, objectId) =>
          assessment.answer(objectId, ref(data), data.item, data.value),
        )(turn),
    },
    {
      verb: VERBS.back,
      data: BackDataSchema,
      run: (turn, data: z.infer<typeof BackDataSchema>) =>
        inPlace(deps, (_t, objectId) => assessment.back(objectId, ref(data), data.item))(turn),
    },
    {
      verb: VERBS.submit,
      data: CardRefSchema,
      run: (turn, data: z.infer<typeof CardRefSchema>) =>
        inPlace(deps, (_t, objectId) => assessment.submit(objectId, ref(data)))(turn),
    },
  ];
  const writes = new Set<string>([
    VERBS.start,
    VERBS.department,
    VERBS.answer,
    VERBS.back,
    VERBS.submit,
  ]);
  return actions.map((action) => ({
    ...action,
    personalOnly: true,
    ...(writes.has(action.verb) ? { limited: 'answer' as const } : {}),
  }));
}
