import { z } from 'zod';

/** Where a conversation with the bot takes place: a 1:1 chat, a team channel or a group chat. */
export const ConversationScopeSchema = z.enum(['personal', 'channel', 'groupChat']);
export type ConversationScope = z.infer<typeof ConversationScopeSchema>;

export interface ConversationRef {
  scope: ConversationScope;
  conversationId: string;
  /** The user's Entra object id, for personal chats. */
  userObjectId?: string;
  teamId?: string;
  /** The Bot Framework conversation reference, serialised as the bot received it. */
  reference: string;
  updatedAt: Date;
}
