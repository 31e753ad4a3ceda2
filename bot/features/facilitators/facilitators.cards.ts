import type { Translate } from '../../../core/i18n/translator';
import { formatOrgUnitPath, type Person } from '../../../core/directory/person';
import type { NearFacilitators } from '../../../core/facilitators/near-me';
import { REASON } from '../../../core/facilitators/community.service';
import {
  adaptiveCard,
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
  type CardElement,
} from '../../cards/card';
import { openUrlAction, personalChatUrl } from '../../cards/links';
import { FACILITATORS_VERBS, REASON_INPUT } from './facilitators.verbs';

/** Yearly training hours a facilitator is asked for (the default target). */
export const TRAINING_HOURS_PER_YEAR = 40;
/** Facilitators listed in chat; the tab lists them all. */
const NEAR_IN_CHAT = 10;

function section(title: string, text: string): CardElement[] {
  return [paragraph(title, { weight: 'Bolder', spacing: 'Medium' }), paragraph(text)];
}

function reasonInput(label: string, required: boolean, t: Translate): CardElement {
  return {
    type: 'Input.Text',
    id: REASON_INPUT,
    label,
    isMultiline: true,
    maxLength: REASON.max,
    ...(required
      ? { isRequired: true, errorMessage: t('facilitators.approval.reason.error') }
      : {}),
  };
}

/**
 * The invitation (or its reminder) to a round, in the person's language: why them, what a
 * facilitator does, the time it takes, the training path, who to ask; Accept, Decline (with an
 * optional reason) and, when a programme contact is configured, a Teams chat with them.
 */
export function invitationCard(
  t: Translate,
  input: { roundId: string; managerApproval: boolean; reminder: boolean; contactUpn?: string },
): AdaptiveCard {
  const ref = { r: input.roundId };
  return adaptiveCard(
    [
      heading(t(input.reminder ? 'facilitators.reminder.title' : 'facilitators.invitation.title')),
      paragraph(t('facilitators.invitation.why')),
      ...section(t('facilitators.invitation.role.title'), t('facilitators.invitation.role')),
      ...section(
        t('facilitators.invitation.time.title'),
        t('facilitators.invitation.time', { hours: TRAINING_HOURS_PER_YEAR }),
      ),
      ...section(t('facilitators.invitation.path.title'), t('facilitators.invitation.path')),
      ...(input.managerApproval ? [paragraph(t('facilitators.invitation.approval'))] : []),
      paragraph(
        t(
          input.contactUpn
            ? 'facilitators.invitation.ask'
            : 'facilitators.invitation.ask.noContact',
        ),
        { size: 'Small', isSubtle: true },
      ),
      reasonInput(t('facilitators.invitation.reason.label'), false, t),
    ],
    [
      {
        ...executeAction(t('facilitators.action.accept'), FACILITATORS_VERBS.accept, ref),
        style: 'positive',
      },
      executeAction(t('facilitators.action.decline'), FACILITATORS_VERBS.decline, ref),
      ...(input.contactUpn
        ? [openUrlAction(t('facilitators.action.ask'), personalChatUrl(input.contactUpn))]
        : []),
    ],
  );
}

/** The approval request in an approver's chat: Approve, or Not now with a required reason. */
export function approvalCard(
  t: Translate,
  input: { roundId: string; person: Person; byProgramme: boolean },
): AdaptiveCard {
  const { person } = input;
  const ref = { r: input.roundId, p: person.objectId! };
  const name = person.displayName;
  return adaptiveCard(
    [
      heading(t('facilitators.approval.title', { name })),
      paragraph(
        t('facilitators.approval.text', {
          name,
          unit: formatOrgUnitPath(person.orgUnitPath),
          hours: TRAINING_HOURS_PER_YEAR,
        }),
      ),
      ...(input.byProgramme ? [paragraph(t('facilitators.approval.programme'))] : []),
      reasonInput(t('facilitators.approval.reason.label'), false, t),
    ],
    [
      {
        ...executeAction(t('facilitators.action.approve'), FACILITATORS_VERBS.approve, ref),
        style: 'positive',
      },
      executeAction(t('facilitators.action.notNow'), FACILITATORS_VERBS.notNow, ref),
    ],
  );
}

/** The person is told the outcome of their acceptance, either way. */
export function decisionCard(t: Translate, approved: boolean): AdaptiveCard {
  const key = approved ? 'approved' : 'notApproved';
  return adaptiveCard([
    heading(t(`facilitators.decision.${key}.title`)),
    paragraph(t(`facilitators.decision.${key}.text`)),
  ]);
}

/** The person is told an admin closed their role (the admin's reason stays with the team). */
export function revocationCard(t: Translate): AdaptiveCard {
  return adaptiveCard([
    heading(t('facilitators.revoked.title')),
    paragraph(t('facilitators.revoked.text')),
  ]);
}

/**
 * The facilitators an employee can ask, each with a button opening a Teams chat with them; one
 * the directory gives no UPN is listed with a hint to find them by name instead.
 */
export function nearCard(t: Translate, near: NearFacilitators): AdaptiveCard {
  if (near.facilitators.length === 0) {
    return adaptiveCard([
      heading(t('facilitators.near.title.department')),
      paragraph(t('facilitators.near.none')),
    ]);
  }
  const shown = near.facilitators.slice(0, NEAR_IN_CHAT);
  const rest = near.facilitators.length - shown.length;
  return adaptiveCard([
    heading(
      t(
        near.scope === 'area'
          ? 'facilitators.near.title.area'
          : 'facilitators.near.title.department',
      ),
    ),
    ...(near.scope === 'area'
      ? [paragraph(t('facilitators.near.area', { unit: formatOrgUnitPath(near.unit) }))]
      : []),
    ...shown.map((person) => personRow(t, person)),
    ...(rest > 0
      ? [paragraph(t('facilitators.near.more', { count: rest }), { isSubtle: true })]
      : []),
  ]);
}

function personRow(t: Translate, person: Person): CardElement {
  const where = formatOrgUnitPath(person.orgUnitPath);
  return {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [
          paragraph(person.displayName, { weight: 'Bolder' }),
          paragraph(person.upn ? where : `${where} · ${t('facilitators.near.noChat')}`, {
            size: 'Small',
            isSubtle: true,
            spacing: 'None',
          }),
        ],
      },
      ...(person.upn
        ? [
            {
              type: 'Column',
              width: 'auto',
              verticalContentAlignment: 'Center',
              items: [
                {
                  type: 'ActionSet',
                  actions: [
                    openUrlAction(t('facilitators.near.chat'), personalChatUrl(person.upn)),
                  ],
                },
              ],
            },
          ]
        : []),
    ],
  };
}
