import { grow, Interner } from './delivery-log';

/**
 * Conversations and recipients seen so far, as small integers: each id string is stored once
 * and everything else (limiter logs, delivery log) refers to it by index.
 */
export class Registry {
  readonly conversationIds = new Interner();
  readonly recipientIds = new Interner();
  /** Per conversation: its 1:1 member's index + 1 (0: not created here). */
  private member = new Int32Array(1024);
  /** Per conversation: writes seen, so the n-th write's fault is fixed by the seed. */
  private writes = new Int32Array(1024);

  conversation(id: string): number {
    const index = this.conversationIds.intern(id);
    this.member = grow(this.member, index);
    this.writes = grow(this.writes, index);
    return index;
  }

  setMember(conversation: number, user: string): void {
    this.member[conversation] = this.recipientIds.intern(user) + 1;
  }

  /** The created member, else the activity's recipient, else the conversation id itself. */
  recipientOf(conversation: number, activityRecipient: string | undefined): number {
    const member = this.member[conversation] ?? 0;
    if (member > 0) return member - 1;
    return this.recipientIds.intern(activityRecipient ?? this.conversationIds.value(conversation));
  }

  /** Counts one more write to `conversation` and returns its ordinal (1-based). */
  nextWrite(conversation: number): number {
    const ordinal = (this.writes[conversation] ?? 0) + 1;
    this.writes[conversation] = ordinal;
    return ordinal;
  }
}
