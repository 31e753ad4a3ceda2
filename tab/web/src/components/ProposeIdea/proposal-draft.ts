import type { IdeaBeneficiary, IdeaProposal, IdeaTheme } from '../../api/types';

export const TEXT_FIELDS = [
  'title',
  'procedure',
  'office',
  'problem',
  'proposal',
  'benefits',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type DraftField = TextField | 'links' | 'area' | 'theme' | 'beneficiaries';

/** The server's limits, shown as hints (the server enforces them). */
export const LIMITS: Record<TextField, { min: number; max: number }> = {
  title: { min: 5, max: 150 },
  procedure: { min: 2, max: 200 },
  office: { min: 2, max: 200 },
  problem: { min: 10, max: 4000 },
  proposal: { min: 10, max: 4000 },
  benefits: { min: 10, max: 4000 },
};
export const LINKS_MAX = 5;
export const LINK_LENGTH_MAX = 500;
/** Below this many characters of title and problem, nothing is looked up. */
export const SIMILAR_FROM = 8;

export interface Draft extends Record<TextField, string> {
  /** One link per line. */
  links: string;
  area: string;
  theme: IdeaTheme | '';
  beneficiaries: IdeaBeneficiary[];
}

export const emptyDraft = (): Draft => ({
  title: '',
  procedure: '',
  office: '',
  problem: '',
  proposal: '',
  benefits: '',
  links: '',
  area: '',
  theme: '',
  beneficiaries: [],
});

/** The body sent: trimmed text, links one per line, empty choices left to the server's default. */
export function proposalOf(draft: Draft): IdeaProposal {
  const links = draft.links
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    title: draft.title.trim(),
    procedure: draft.procedure.trim(),
    office: draft.office.trim(),
    problem: draft.problem.trim(),
    proposal: draft.proposal.trim(),
    benefits: draft.benefits.trim(),
    ...(draft.beneficiaries.length > 0 ? { beneficiaries: draft.beneficiaries } : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(draft.area ? { area: draft.area } : {}),
    ...(draft.theme ? { theme: draft.theme } : {}),
  };
}

const DRAFT_FIELDS: readonly string[] = [...TEXT_FIELDS, 'links', 'area', 'theme', 'beneficiaries'];

/** The form's fields a refusal names (`links.2` is the links field), each once. */
export function refusedFields(paths: readonly (string | undefined)[]): DraftField[] {
  const fields = paths
    .map((path) => path?.split('.')[0] ?? '')
    .filter((field): field is DraftField => DRAFT_FIELDS.includes(field));
  return [...new Set(fields)];
}
