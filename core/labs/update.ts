/** Why a channel post failed; the lead fixes the cause and retries. */
export type PostFailure =
  'notLinked' | 'channelDeleted' | 'appRemoved' | 'forbidden' | 'tooLarge' | 'error';

export type PostState =
  | { state: 'pending' }
  | { state: 'posted'; at: Date; conversationId: string }
  | { state: 'failed'; at: Date; reason: PostFailure }
  | { state: 'notLinked' };

export const UPDATE_TITLE_MAX = 120;
export const UPDATE_TEXT_MAX = 2_000;
export const UPDATE_NEXT_STEPS_MAX = 1_000;

export interface LabUpdate {
  labId: string;
  /** Sorts newest first (an inverted time, then a random part): the timeline's order. */
  id: string;
  title: string;
  text: string;
  progress?: number;
  nextSteps?: string;
  mentions: string[];
  author: string;
  at: Date;
  post: PostState;
}
