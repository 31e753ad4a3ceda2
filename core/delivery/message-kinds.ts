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
  /**
   * Whom the message goes to when its campaign's audience is `chosen`, answered from memory for
   * the whole directory (one read): a list the feature keeps, such as a selection round's
   * shortlist. Absent for a kind sent only to directory audiences.
   */
  recipients?(subject: string): Promise<(objectId: string) => boolean>;
  /** The kind of this kind's reminders; absent when its campaigns cannot be reminded. */
  readonly reminder?: string;
}

/** Who of the directory a campaign is for, and who of them is done with what it asks. */
export interface Recipients {
  /** For an audience `chosen`: the people its kind chooses. */
  readonly chosen: (objectId: string) => boolean;
  readonly done: (objectId: string) => boolean;
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

  /** Whether a kind chooses its own recipients (an audience `chosen` is valid for it). */
  choosesRecipients(id: string): boolean {
    return this.get(id).recipients !== undefined;
  }

  /** Who a campaign is for and who is done, each read once for its whole audience. */
  async recipients(campaign: Pick<Campaign, 'kind' | 'subject' | 'audience'>): Promise<Recipients> {
    const kind = this.get(campaign.kind);
    const [chosen, done] = await Promise.all([
      campaign.audience.kind === 'chosen' && kind.recipients
        ? kind.recipients(campaign.subject)
        : () => false,
      this.doneBy(campaign),
    ]);
    return { chosen, done };
  }

  /** The engine's message builder: each recipient's activity from their campaign's kind. */
  readonly build = (campaign: Campaign, delivery: Delivery): Promise<Activity> =>
    this.get(campaign.kind).build(campaign, delivery);
}
