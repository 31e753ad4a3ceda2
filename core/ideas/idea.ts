import { randomBytes } from 'node:crypto';

export const IDEA_STATUSES = [
  'submitted',
  'underReview',
  'accepted',
  'implemented',
  'notFeasible',
  'outOfScope',
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_THEMES = [
  'onlineServices',
  'paperless',
  'data',
  'internalProcesses',
  'collaboration',
  'skills',
  'other',
] as const;
export type IdeaTheme = (typeof IDEA_THEMES)[number];

export const BENEFICIARIES = ['citizens', 'businesses', 'colleagues'] as const;
export type Beneficiary = (typeof BENEFICIARIES)[number];

/**
 * Someone who signed something: their object id and name as the directory had them when they
 * signed; both null once the person's data was erased ("former employee").
 */
export interface Signer {
  objectId: string | null;
  name: string | null;
}

export interface IdeaCall {
  id: string;
  title: string;
  question: string;
  opensAt: Date;
  closesAt: Date;
}

export const isCallOpen = (call: IdeaCall, now: Date): boolean =>
  call.opensAt <= now && now < call.closesAt;

export interface IdeaText {
  title: string;
  procedure: string;
  office: string;
  problem: string;
  proposal: string;
  benefits: string;
  beneficiaries: Beneficiary[];
  links: string[];
  area: string;
  theme: IdeaTheme;
}

export interface Idea extends IdeaText {
  id: string;
  callId: string;
  status: IdeaStatus;
  statusReason: string | null;
  labId: string | null;
  /** The proposer first, then co-authors (accepted amendments, merged ideas' authors). */
  authors: Signer[];
  /** Per idea merged into this one, the authors that merge added (taken away on unmerge). */
  mergedAuthors: Record<string, Signer[]>;
  mergedInto: string | null;
  mergedFrom: string[];
  /** Distinct voters of this idea and the ideas merged into it (kept by the vote recount). */
  votes: number;
  comments: number;
  openAmendments: number;
  hidden: { reason: string; at: Date } | null;
  createdAt: Date;
}

export const isAuthor = (idea: Pick<Idea, 'authors'>, objectId: string): boolean =>
  idea.authors.some((a) => a.objectId === objectId);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
export const newCallId = (): string => hex(4);
/** An idea's id starts with its call's: the store finds the row from the id alone. */
export const newIdeaId = (callId: string): string => `${callId}-${hex(5)}`;
export const IDEA_ID = /^[0-9a-f]{8}-[0-9a-f]{10}$/;
export const callOfIdea = (ideaId: string): string => ideaId.slice(0, 8);

/** Why an operation on ideas was refused; nothing was written. */
export type IdeaProblemCode =
  | 'unknownCall'
  | 'unknownIdea'
  | 'unknownAmendment'
  | 'unknownComment'
  | 'noOpenCall'
  | 'callClosed'
  | 'callsOverlap'
  | 'callHasIdeas'
  | 'invalidDates'
  | 'merged'
  | 'hidden'
  | 'notHidden'
  | 'badTransition'
  | 'reasonRequired'
  | 'labOnlyWhenAccepted'
  | 'alreadyDecided'
  | 'notAuthor'
  | 'ownIdea'
  | 'notAmendable'
  | 'mergeSelf'
  | 'mergeChain'
  | 'notMerged'
  | 'replyToReply'
  | 'unknownArea';
