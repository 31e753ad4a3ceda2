import { createHash } from 'node:crypto';
import type { ConversationRef } from '../../core/conversations/conversation-ref';
import type { ConversationRefsRepository } from '../../core/conversations/conversation-refs.repository';
import type { DirectoryService } from '../../core/directory/directory.service';
import type { Person } from '../../core/directory/person';

export const SEED_TENANT = '00000000-0000-4000-8000-00000000feed';

export interface SeedOptions {
  people: number;
  /** Share of people with a chat with the bot (the rest are unreachable). Default 1. */
  reachableShare?: number;
  departments?: number;
  /** Where their chats live: the connector simulator's URL. */
  serviceUrl: string;
}

export interface SeededAudience {
  people: Person[];
  reachable: Set<string>;
}

/** A synthetic object id, stable per index. */
export function seedObjectId(index: number): string {
  const hex = createHash('sha256').update(`seed-${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A synthetic organisation of `people` employees in `departments` departments, and a stored 1:1
 * conversation reference (pointing at `serviceUrl`) for a share of them, as if they had installed
 * the app. Deterministic: index i is reachable when i mod 100 < share × 100.
 */
export async function seedAudience(
  deps: { directory: DirectoryService; conversationRefs: ConversationRefsRepository },
  { people: count, reachableShare = 1, departments = 12, serviceUrl }: SeedOptions,
): Promise<SeededAudience> {
  const people: Person[] = Array.from({ length: count }, (_, i) => ({
    objectId: seedObjectId(i),
    displayName: `Persona ${i}`,
    orgUnitPath: [`Area ${String(i % departments).padStart(2, '0')}`, `Ufficio ${i % 7}`],
    manager: i % 25 === 0,
    roles: [],
    locale: i % 5 === 0 ? 'en-US' : 'it-IT',
  }));
  await deps.directory.importPeople(people);
  const reachable = people.filter((_, i) => i % 100 < reachableShare * 100);
  await deps.conversationRefs.saveMany(
    reachable.map((person): ConversationRef => {
      const objectId = person.objectId!;
      const conversationId = `a:${objectId}`;
      return {
        scope: 'personal',
        conversationId,
        userObjectId: objectId,
        reference: JSON.stringify({
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: conversationId, tenantId: SEED_TENANT, conversationType: 'personal' },
          user: { id: `29:${objectId}`, aadObjectId: objectId },
          bot: { id: '28:oibo' },
        }),
        updatedAt: new Date(),
      };
    }),
  );
  return { people, reachable: new Set(reachable.map((p) => p.objectId!)) };
}
