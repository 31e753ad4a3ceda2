import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRef, ConversationScope } from '../core/conversations/conversation-ref';
import type { ConversationRefsRepository } from '../core/conversations/conversation-refs.repository';

interface TeamsChannelData {
  team?: { id?: string };
}

export function conversationScope(activity: Activity): ConversationScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

/** Records where the bot can write to this conversation later (proactive messages). */
export async function rememberConversation(
  repository: ConversationRefsRepository,
  activity: Activity,
): Promise<void> {
  const scope = conversationScope(activity);
  const teamId = (activity.channelData as TeamsChannelData | undefined)?.team?.id;
  const userObjectId = activity.from?.aadObjectId;
  if (scope === 'personal' && !userObjectId) return;
  if (scope === 'channel' && !teamId) return;
  const reference = TurnContext.getConversationReference(activity);
  // A group's reference names whoever wrote last: posting there does not need it, and erasing
  // that person could not find it.
  if (scope !== 'personal') delete reference.user;
  const ref: ConversationRef = {
    scope,
    conversationId: activity.conversation.id,
    ...(scope === 'personal' && userObjectId ? { userObjectId } : {}),
    ...(scope === 'channel' && teamId ? { teamId } : {}),
    reference: JSON.stringify(reference),
    updatedAt: new Date(),
  };
  await repository.save(ref);
}
