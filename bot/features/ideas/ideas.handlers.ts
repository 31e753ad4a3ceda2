import { departmentOf } from '../../../core/directory/person';
import { IdeaError } from '../../../core/ideas/idea-errors';
import type { Actor, IdeasService } from '../../../core/ideas/ideas.service';
import { ProposalBody } from '../../../core/ideas/proposal';
import { onVerb, replaceCard, type CardAction } from '../../card-actions';
import { noticeCard } from '../../cards/card';
import type { Command, CommandSpec } from '../../commands';
import type { TurnScope } from '../../turn';
import { PROPOSAL_FIELDS, proposeCard } from './ideas.cards';
import { IDEA_VERBS } from './ideas.verbs';

export const NEW_IDEA_COMMAND: CommandSpec = {
  id: 'new-idea',
  patterns: [/^(nuova idea|proponi (un')?idea|new idea|propose an idea)$/],
  usageKey: 'ideas.new.usage',
  descriptionKey: 'ideas.new.description',
  personalOnly: true,
};

function actorOf(turn: TurnScope, objectId: string): Actor {
  return {
    objectId,
    name: turn.person?.displayName ?? null,
    department: turn.person ? departmentOf(turn.person) : null,
    admin: turn.person?.roles.includes('admin') ?? false,
  };
}

export function ideaCommands(ideas: IdeasService): Command[] {
  return [
    {
      ...NEW_IDEA_COMMAND,
      run: async (turn) => {
        const call = await ideas.openCall();
        if (!call) return turn.sendCard(noticeCard(turn.t('ideas.problem.noOpenCall')));
        await turn.sendCard(proposeCard(turn.t, call));
      },
    },
  ];
}

/** The propose card's answer: checked by the same schema and service as the tab's form. */
export function ideaActions(ideas: IdeasService): CardAction[] {
  return [
    onVerb(
      IDEA_VERBS.propose,
      async (turn, data) => {
        if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
        const call = await ideas.openCall();
        if (!call) return replaceCard(noticeCard(turn.t('ideas.problem.noOpenCall')));
        const parsed = ProposalBody.safeParse(data);
        if (!parsed.success) {
          const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))]
            .filter((f): f is (typeof PROPOSAL_FIELDS)[number] =>
              (PROPOSAL_FIELDS as readonly string[]).includes(f),
            )
            .map((f) => turn.t(`ideas.form.field.${f}`));
          const problem = turn.t('ideas.form.invalid', { fields: fields.join(', ') });
          return replaceCard(proposeCard(turn.t, call, data, problem));
        }
        const actor = actorOf(turn, turn.objectId);
        try {
          const idea = await ideas.propose(actor, {
            ...parsed.data,
            beneficiaries: [],
            links: [],
            area: actor.department ?? parsed.data.office,
            theme: 'other',
          });
          return replaceCard(
            noticeCard(turn.t('ideas.form.done', { title: idea.title, call: call.title })),
          );
        } catch (error) {
          if (!(error instanceof IdeaError)) throw error;
          return replaceCard(proposeCard(turn.t, call, data, error.describe(turn.t)));
        }
      },
      { personalOnly: true, limited: 'ideaPost' },
    ),
  ];
}
