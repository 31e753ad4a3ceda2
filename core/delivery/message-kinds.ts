import type { Campaign } from './campaign';
import type { Delivery } from './deliveries.repository';

/** A Bot Framework activity, as the Bot Connector takes it. */
export type Activity = Record<string, unknown>;

/**
 * A kind of proactive message: an assessment invitation and its reminder today; facilitator
 * invitations, survey cards and announcements next. A feature declares its kinds and the
 * composition root registers them; the engine, the preview and reminders ask the registry, so a
 * new kind touches nothing else in delivery.
 */
export interface MessageKind {
  /** Stored in every campaign of this kind: never rename one in use. */
  readonly id: string;
  /** The activity one recipient gets, in their directory language (`delivery.locale`). */
  build(campaign: Campaign, delivery: Delivery): Promise<Activity>;
  /**
   * Who has already done what the message asks about its subject, answered from memory for a
   * whole audience (one read): a campaign skips them (status alreadyCompleted) and its reminders
   * leave them out. Absent for a message that asks nothing (an announcement).
   */
  doneBy?(subject: string): Promise<(objectId: string) => boolean>;
  /** The kind of this kind's reminders; absent when its campaigns cannot be reminded. */
  readonly reminder?: string;
}

/** The kinds this app sends, by id. */
export class MessageKinds {
  private readonly kinds = new Map<string, MessageKind>();

  constructor(kinds: readonly MessageKind[]) {
    for (const kind of kinds) {
      if (this.kinds.has(kind.id)) throw new Error(`message kind ${kind.id} registered twice`);
      this.kinds.set(kind.id, kind);
    }
  }

  has(id: string): boolean {
    return this.kinds.has(id);
  }

  get(id: string): MessageKind {
    const kind = this.kinds.get(id);
    if (!kind) throw new Error(`unknown message kind ${id}`);
    return kind;
  }

  /** Who is done with what a campaign asks; nobody, for a kind that asks nothing. */
  async doneBy(
    campaign: Pick<Campaign, 'kind' | 'subject'>,
  ): Promise<(objectId: string) => boolean> {
    const kind = this.get(campaign.kind);
    return kind.doneBy ? kind.doneBy(campaign.subject) : () => false;
  }

  /** The engine's message builder: each recipient's activity from their campaign's kind. */
  readonly build = (campaign: Campaign, delivery: Delivery): Promise<Activity> =>
    this.get(campaign.kind).build(campaign, delivery);
}
