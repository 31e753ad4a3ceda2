import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
} from '../../cards/card';
import { IDEA_VERBS } from './ideas.verbs';

export const PROPOSAL_FIELDS = [
  'title',
  'procedure',
  'office',
  'problem',
  'proposal',
  'benefits',
] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];

const MAX_LENGTH: Record<ProposalField, number> = {
  title: 150,
  procedure: 200,
  office: 200,
  problem: 4_000,
  proposal: 4_000,
  benefits: 4_000,
};
const MULTILINE = new Set<ProposalField>(['problem', 'proposal', 'benefits']);

/**
 * The same form as the tab's "Proponi", as a card: the call's question, the signed-ideas notice,
 * every field (what was typed kept when the server refused it, with the reason on top).
 */
export function proposeCard(
  t: Translate,
  call: { title: string; question: string },
  typed: Partial<Record<ProposalField, string>> = {},
  problem?: string,
): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t('ideas.form.title')),
      paragraph(`${call.title}: ${call.question}`),
      paragraph(t('ideas.form.signed'), { isSubtle: true, size: 'Small' }),
      ...(problem ? [paragraph(problem, { color: 'Attention' })] : []),
      ...PROPOSAL_FIELDS.map((field) => ({
        type: 'Input.Text',
        id: field,
        label: t(`ideas.form.field.${field}`),
        isRequired: true,
        errorMessage: t('ideas.form.lengths'),
        maxLength: MAX_LENGTH[field],
        isMultiline: MULTILINE.has(field),
        ...(typed[field] ? { value: typed[field] } : {}),
      })),
      paragraph(t('ideas.form.lengths'), { isSubtle: true, size: 'Small' }),
    ],
    [executeAction(t('ideas.form.send'), IDEA_VERBS.propose)],
  );
}
