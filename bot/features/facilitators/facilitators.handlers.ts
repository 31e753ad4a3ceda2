import type { CommunityService } from '../../../core/facilitators/community.service';
import { REASON } from '../../../core/facilitators/community.service';
import { acknowledge, onVerb, replaceCard, type CardAction } from '../../card-actions';
import type { Command, CommandSpec } from '../../commands';
import { noticeCard } from '../../cards/card';
import type { TurnScope } from '../../turn';
import { nearCard } from './facilitators.cards';
import { FACILITATORS_VERBS } from './facilitators.verbs';

export const WITHDRAW_CONSENT_COMMAND: CommandSpec = {
  id: 'facilitatorConsent',
  patterns: [
    /^(revoca (il )?consenso facilitatori|ritira (il )?consenso facilitatori|withdraw (my )?facilitator consent)$/,
  ],
  phrases: [/\b(revoc\w*|ritir\w*|withdraw\w*)\b.*\bconsen\w*\b.*\bfacilitat\w*/],
  usageKey: 'facilitators.withdraw.usage',
  descriptionKey: 'facilitators.withdraw.description',
  personalOnly: true,
};

export const NEAR_FACILITATORS_COMMAND: CommandSpec = {
  id: 'facilitators',
  patterns: [/^(facilitator[ei]|facilitatric[ei]|facilitators?|facilitatori del mio settore)$/],
  phrases: [
    /^(?!.*\b(consen\w*|revoc\w*|withdraw\w*)\b).*\b(facilitator[ei]|facilitatric[ei]|facilitators?)\b/,
  ],
  usageKey: 'facilitators.near.usage',
  descriptionKey: 'facilitators.near.description',
};

export function facilitatorCommands(community: CommunityService): Command[] {
  return [
    {
      ...WITHDRAW_CONSENT_COMMAND,
      run: async (turn) => {
        if (!turn.objectId) return turn.sendCard(noticeCard(turn.t('assessment.unidentified')));
        const { facilitator } = await community.withdrawConsent(turn.objectId);
        await turn.sendCard(noticeCard(turn.t('facilitators.withdraw.done')));
        if (facilitator)
          await turn.sendCard(noticeCard(turn.t('facilitators.withdraw.facilitator')));
      },
    },
    {
      ...NEAR_FACILITATORS_COMMAND,
      run: async (turn) => {
        if (!turn.person) return turn.sendCard(noticeCard(turn.t('facilitators.near.none')));
        await turn.sendCard(nearCard(turn.t, await community.near(turn.person)));
      },
    },
  ];
}

const stale = (turn: TurnScope) => replaceCard(noticeCard(turn.t('facilitators.stale')));

/**
 * The answers to the community's cards. Each replaces the card with what happened; a card that
 * no longer applies says so and writes nothing; an approval card answered by someone who does not
 * approve this person is refused the same way.
 */
export function facilitatorActions(community: CommunityService): CardAction[] {
  const personalOnly = { personalOnly: true };
  return [
    onVerb(
      FACILITATORS_VERBS.accept,
      async (turn, { r }) => {
        if (!turn.objectId) return stale(turn);
        const outcome = await community.accept(r, turn.objectId);
        switch (outcome.kind) {
          case 'granted':
            return replaceCard(noticeCard(turn.t('facilitators.granted')));
          case 'awaitingApproval':
            return replaceCard(noticeCard(turn.t(`facilitators.accepted.${outcome.approvers}`)));
          default:
            return stale(turn);
        }
      },
      personalOnly,
    ),
    onVerb(
      FACILITATORS_VERBS.decline,
      async (turn, { r, reason }) => {
        if (!turn.objectId) return stale(turn);
        const outcome = await community.decline(r, turn.objectId, reason || undefined);
        return outcome.kind === 'declined'
          ? replaceCard(noticeCard(turn.t('facilitators.declined')))
          : stale(turn);
      },
      personalOnly,
    ),
    onVerb(
      FACILITATORS_VERBS.approve,
      async (turn, { r, p }) => {
        if (!turn.objectId) return stale(turn);
        return answered(turn, await community.approve(r, p, turn.objectId, { approved: true }));
      },
      personalOnly,
    ),
    onVerb(
      FACILITATORS_VERBS.notNow,
      async (turn, { r, p, reason }) => {
        if (!turn.objectId) return stale(turn);
        if (!reason || reason.length < REASON.min) {
          return acknowledge(turn.t('facilitators.approval.reasonNeeded'));
        }
        const decision = { approved: false as const, reason };
        return answered(turn, await community.approve(r, p, turn.objectId, decision));
      },
      personalOnly,
    ),
  ];
}

function answered(turn: TurnScope, outcome: Awaited<ReturnType<CommunityService['approve']>>) {
  switch (outcome.kind) {
    case 'approved':
    case 'notApproved':
      return replaceCard(
        noticeCard(turn.t(`facilitators.${outcome.kind}`, { name: outcome.person.displayName })),
      );
    case 'notYours':
      return replaceCard(noticeCard(turn.t('facilitators.notYours')));
    default:
      return stale(turn);
  }
}
