import type { ConversationRef } from '../conversations/conversation-ref';
import { departmentOf, personId, rolesOf, type Person } from '../directory/person';
import { mapYielding } from '../util/concurrency';
import { peoplePartitions, type Audience, type Campaign } from './campaign';
import type { Recipients } from './message-kinds';
import {
  DeliveryTargetSchema,
  type Delivery,
  type DeliveriesRepository,
  type DeliveryTarget,
} from './deliveries.repository';

export interface AudienceDeps {
  people: { inBuckets(partitions: [string, string]): Promise<Person[]> };
  conversationRefs: {
    personalInPartitions(partitions: [string, string]): Promise<Map<string, ConversationRef>>;
  };
  deliveries: DeliveriesRepository;
  /**
   * Who a campaign is for (an audience `chosen`) and who has done what it asks, answered from
   * memory: one read each for a whole audience, where a read per person would queue in the store
   * beside the sends ({@link MessageKinds.recipients}).
   */
  recipients(campaign: Pick<Campaign, 'kind' | 'subject' | 'audience'>): Promise<Recipients>;
}

/**
 * Whether a person belongs to an audience of the directory, or chosen by its message kind
 * (reminders are decided per delivery row).
 */
export function inAudience(
  audience: Audience,
  person: Person,
  chosen: Recipients['chosen'],
): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'departments':
      return audience.departments.includes(departmentOf(person));
    case 'role':
      return rolesOf(person).includes(audience.role);
    case 'chosen':
      return person.objectId !== undefined && chosen(person.objectId);
    case 'nonRespondents':
      return false;
  }
}

/** The 1:1 target in a stored Bot Framework conversation reference, if it has one. */
export function targetOf(ref: ConversationRef): DeliveryTarget | undefined {
  try {
    const reference = JSON.parse(ref.reference) as {
      serviceUrl?: string;
      conversation?: { id?: string; tenantId?: string };
      user?: { id?: string };
      bot?: { id?: string };
    };
    const parsed = DeliveryTargetSchema.safeParse({
      serviceUrl: reference.serviceUrl,
      conversationId: reference.conversation?.id ?? ref.conversationId,
      tenantId: reference.conversation?.tenantId,
      userId: reference.user?.id,
      botId: reference.bot?.id,
    });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What an invitation to an audience would do now: whom it would reach, skip or miss. */
export interface AudiencePreview {
  audience: number;
  /** Would receive it: a chat with the bot, and the assessment not completed. */
  reachable: number;
  /** Have a chat and completed the assessment: skipped. */
  alreadyCompleted: number;
  /** No chat with the bot (the app is not installed for them). */
  unreachable: number;
}

/**
 * The preview of one bucket, decided as {@link bucketRows} decides its rows, with `recipients`
 * answering from memory (the caller reads them once for every bucket).
 */
export async function previewBucket(
  deps: Pick<AudienceDeps, 'people' | 'conversationRefs'>,
  audience: Audience,
  bucket: number,
  recipients: Recipients,
): Promise<AudiencePreview> {
  const partitions = peoplePartitions(bucket);
  const [people, chats] = await Promise.all([
    deps.people.inBuckets(partitions),
    deps.conversationRefs.personalInPartitions(partitions),
  ]);
  const preview = { audience: 0, reachable: 0, alreadyCompleted: 0, unreachable: 0 };
  for (const person of people) {
    if (!inAudience(audience, person, recipients.chosen)) continue;
    preview.audience++;
    const ref = person.objectId ? chats.get(person.objectId.toLowerCase()) : undefined;
    if (!ref || !targetOf(ref)) preview.unreachable++;
    else if (recipients.done(person.objectId!)) preview.alreadyCompleted++;
    else preview.reachable++;
  }
  return preview;
}

/**
 * The delivery rows of one bucket of a campaign: its people in the audience, each with their chat
 * (pending), without one (unreachable) or already done with what it asks, by `recipients`
 * (alreadyCompleted; a reminder leaves them out of its audience). Only reads (people, chats and,
 * for a reminder, its campaign's rows, with one range query each); the caller writes them.
 */
export async function bucketRows(
  deps: AudienceDeps,
  campaign: Campaign,
  bucket: number,
  now: Date,
  recipients: Recipients,
): Promise<Delivery[]> {
  const partitions = peoplePartitions(bucket);
  const [people, chats] = await Promise.all([
    deps.people.inBuckets(partitions),
    deps.conversationRefs.personalInPartitions(partitions),
  ]);
  let members: Person[];
  if (campaign.audience.kind === 'nonRespondents') {
    const invited = new Set(
      (await deps.deliveries.shard(campaign.audience.campaignId, bucket))
        .filter((row) => row.value.status === 'sent')
        .map((row) => row.value.personId),
    );
    members = people.filter(
      (p) => invited.has(personId(p)) && p.objectId && !recipients.done(p.objectId),
    );
  } else {
    members = people.filter((p) => inAudience(campaign.audience, p, recipients.chosen));
  }
  // Thousands of rows at 100,000 people: sends waiting for their slots must not wait for this.
  return mapYielding(members, (person): Delivery => {
    const ref = person.objectId ? chats.get(person.objectId.toLowerCase()) : undefined;
    const reachable = ref ? targetOf(ref) : undefined;
    // A campaign skips whoever has done what it asks (a reminder's audience has not).
    const done = reachable !== undefined && recipients.done(person.objectId!);
    const target = done ? undefined : reachable;
    return {
      campaignId: campaign.id,
      bucket,
      personId: personId(person),
      locale: person.locale,
      status: done ? 'alreadyCompleted' : target ? 'pending' : 'unreachable',
      ...(target ? { target } : {}),
      attempts: 0,
      throttled: 0,
      notBefore: 0,
      inDoubt: false,
      updatedAt: now,
    };
  });
}
