import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { DirectoryService } from '../../../core/directory/directory.service';
import { rolesOf } from '../../../core/directory/person';
import { canManage, type Actor, type ChannelLink, type Lab } from '../../../core/labs/lab';
import { NewUpdateSchema } from '../../../core/labs/lab-inputs';
import { LabError } from '../../../core/labs/labs-errors';
import type { LabsService } from '../../../core/labs/labs.service';
import type { UpdatesService } from '../../../core/labs/updates.service';
import { onVerb, replaceCard, type CardAction } from '../../card-actions';
import { noticeCard } from '../../cards/card';
import type { Command, CommandSpec } from '../../commands';
import type { TurnScope } from '../../turn';
import { linkCard, updateFormCard } from './labs.cards';
import { LAB_VERBS } from './labs.verbs';

export const LINK_LAB_COMMAND: CommandSpec = {
  id: 'labs.link',
  patterns: [/^(collega( il)? laboratorio|collega lab|link( the)? lab)$/],
  usageKey: 'labs.link.usage',
  descriptionKey: 'labs.link.description',
  channelOnly: true,
};

export const LAB_UPDATE_COMMAND: CommandSpec = {
  id: 'labs.update',
  patterns: [/^(aggiornamento|nuovo aggiornamento|update|new update|lab update)$/],
  usageKey: 'labs.update.usage',
  descriptionKey: 'labs.update.description',
  channelOnly: true,
};

export interface LabHandlersDeps {
  labs: LabsService;
  updates: UpdatesService;
  directory: Pick<DirectoryService, 'find'>;
}

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string };
}

/** The team channel a turn happens in, with the ids Teams sends in `channelData`. */
function channelOf(turn: TurnScope): ChannelLink | undefined {
  const data = (turn.context.activity.channelData ?? {}) as TeamsChannelData;
  return data.team?.id && data.channel?.id
    ? { teamId: data.team.id, channelId: data.channel.id }
    : undefined;
}

function actorOf(turn: TurnScope): Actor | undefined {
  return turn.objectId
    ? { objectId: turn.objectId, roles: turn.person ? rolesOf(turn.person) : ['employee'] }
    : undefined;
}

const sameChannel = (a: ChannelLink | undefined, b: ChannelLink) =>
  a?.teamId === b.teamId && a.channelId === b.channelId;

export function labCommands(deps: LabHandlersDeps): Command[] {
  const managed = async (actor: Actor) =>
    (await deps.labs.list(actor)).filter((l) => l.status !== 'concluded' && canManage(l, actor));
  return [
    {
      ...LINK_LAB_COMMAND,
      run: async (turn) => {
        const actor = actorOf(turn);
        if (!channelOf(turn) || !actor)
          return turn.sendCard(noticeCard(turn.t('labs.channelOnly')));
        const labs = (await managed(actor)).filter((l) => !isAdminOnly(l, actor));
        await turn.sendCard(
          labs.length > 0 ? linkCard(turn.t, labs) : noticeCard(turn.t('labs.card.link.none')),
        );
      },
    },
    {
      ...LAB_UPDATE_COMMAND,
      run: async (turn) => {
        const actor = actorOf(turn);
        const here = channelOf(turn);
        if (!here || !actor) return turn.sendCard(noticeCard(turn.t('labs.channelOnly')));
        const labs = (await managed(actor)).filter((l) => sameChannel(l.channel, here));
        await turn.sendCard(
          labs.length > 0
            ? updateFormCard(turn.t, labs)
            : noticeCard(turn.t('labs.card.form.none')),
        );
      },
    },
  ];
}

/**
 * The link card lists the labs one leads (an admin leads none by being admin: the card would
 * otherwise list every lab of the organisation).
 */
function isAdminOnly(lab: Lab, actor: Actor): boolean {
  return !lab.members.some((m) => m.objectId === actor.objectId && m.role === 'lead');
}

async function refusal(
  turn: TurnScope,
  work: () => Promise<AdaptiveCardInvokeResponse>,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LabError) return replaceCard(noticeCard(error.describe(turn.t)));
    throw error;
  }
}

export function labActions(deps: LabHandlersDeps): CardAction[] {
  return [
    onVerb(LAB_VERBS.join, async (turn, { labId }) => {
      const actor = actorOf(turn);
      if (!actor) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
      return refusal(turn, async () => {
        const lab = await deps.labs.visible(labId, actor);
        if (!lab.invitations.some((p) => p.objectId === actor.objectId)) {
          return replaceCard(noticeCard(turn.t('labs.card.invitation.stale')));
        }
        await deps.labs.join(labId, actor);
        return replaceCard(noticeCard(turn.t('labs.card.invitation.joined')));
      });
    }),
    onVerb(LAB_VERBS.decline, async (turn, { labId }) => {
      if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
      const lab = await deps.labs.declineInvitation(labId, turn.objectId);
      return replaceCard(
        noticeCard(turn.t(lab ? 'labs.card.invitation.declined' : 'labs.card.invitation.stale')),
      );
    }),
    onVerb(LAB_VERBS.link, async (turn, { labId }) => {
      const actor = actorOf(turn);
      const here = channelOf(turn);
      if (!actor || !here) return replaceCard(noticeCard(turn.t('labs.channelOnly')));
      if (!labId) return replaceCard(noticeCard(turn.t('labs.card.link.required')));
      return refusal(turn, async () => {
        const lab = await deps.labs.linkChannel(labId, here, actor);
        return replaceCard(noticeCard(turn.t('labs.card.link.done', { title: lab.title })));
      });
    }),
    onVerb(LAB_VERBS.update, async (turn, data) => {
      const actor = actorOf(turn);
      const here = channelOf(turn);
      if (!actor || !here) return replaceCard(noticeCard(turn.t('labs.channelOnly')));
      return refusal(turn, async () => {
        const labs = (await deps.labs.list(actor)).filter(
          (l) => sameChannel(l.channel, here) && canManage(l, actor) && l.status !== 'concluded',
        );
        const progress =
          data.progress === undefined || data.progress === '' ? null : Number(data.progress);
        const parsed = NewUpdateSchema.safeParse({
          title: data.title ?? '',
          text: data.text ?? '',
          progress,
          nextSteps: data.nextSteps || null,
        });
        const lab = labs.find((l) => l.id === data.labId);
        if (!lab) return replaceCard(noticeCard(turn.t('labs.card.form.none')));
        if (!parsed.success) {
          const values = {
            ...(data.title ? { title: data.title.slice(0, 120) } : {}),
            ...(data.text ? { text: data.text.slice(0, 2_000) } : {}),
            ...(data.nextSteps ? { nextSteps: data.nextSteps.slice(0, 1_000) } : {}),
          };
          return replaceCard(
            updateFormCard(turn.t, [lab], turn.t('labs.card.form.invalid'), values),
          );
        }
        await deps.updates.post(lab.id, parsed.data, actor, turn.locale);
        return replaceCard(noticeCard(turn.t('labs.card.form.posted')));
      });
    }),
  ];
}
