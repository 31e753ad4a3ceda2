/** How an accepted activity reached the conversation. */
export type DeliveryKind = 'send' | 'reply' | 'update';

const KINDS: readonly DeliveryKind[] = ['send', 'reply', 'update'];

/** One accepted delivery, as read back from the log. */
export interface Delivery {
  conversationId: string;
  /** The id the simulator answered (for an update: the id of the activity replaced). */
  activityId: string;
  recipient: string;
  kind: DeliveryKind;
  /** Epoch milliseconds when the simulator accepted it. */
  at: number;
  /** The activity's text, or its attachments' content types and size, cut to 80 characters. */
  summary: string;
}

/** Strings stored once and referred to by index: ids and card summaries repeat a lot. */
export class Interner {
  private readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  intern(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }

  value(index: number): string {
    return this.values[index] ?? '';
  }

  get size(): number {
    return this.values.length;
  }
}

/** `array`, or a copy twice as long when `index` does not fit. */
export function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, index: number): T {
  if (index < array.length) return array;
  const Type = array.constructor as new (length: number) => T;
  const next = new Type(Math.max(index + 1, array.length * 2));
  next.set(array);
  return next;
}

/** An accepted delivery as the simulator records it: ids already interned. */
export interface DeliveryEntry {
  conversation: number;
  recipient: number;
  kind: DeliveryKind;
  at: number;
  summary: string;
  /** The client's idempotency marker; sends without one are compared by summary. */
  marker: string | undefined;
  /** For an update: the log index of the activity replaced. */
  replaces?: number;
}

/**
 * Every accepted delivery in typed-array columns (about 30 bytes each) over interned ids, plus
 * the markers delivered per recipient, compared exactly, to count duplicates.
 */
export class DeliveryLog {
  private readonly summaries = new Interner();
  private conversation = new Int32Array(1024);
  private recipient = new Int32Array(1024);
  private activity = new Int32Array(1024);
  private summary = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private at = new Float64Array(1024);
  private reached = new Uint8Array(1024);
  private count = 0;
  /** Per recipient, the markers delivered: one string for the usual single delivery. */
  private readonly markers = new Map<number, string | string[]>();
  private readonly perSecond: number[] = [];
  /** Sends or replies whose (recipient, marker) had already been delivered. */
  duplicates = 0;
  /** Distinct recipients with at least one delivery. */
  recipients = 0;

  constructor(
    private readonly startedAt: number,
    private readonly conversationIds: Interner,
    private readonly recipientIds: Interner,
  ) {}

  get size(): number {
    return this.count;
  }

  /** Records a delivery and returns the activity id to answer. */
  record(entry: DeliveryEntry): string {
    const n = this.count++;
    this.conversation = grow(this.conversation, n);
    this.recipient = grow(this.recipient, n);
    this.activity = grow(this.activity, n);
    this.summary = grow(this.summary, n);
    this.kind = grow(this.kind, n);
    this.at = grow(this.at, n);
    const summary = this.summaries.intern(entry.summary.slice(0, 80));
    this.conversation[n] = entry.conversation;
    this.recipient[n] = entry.recipient;
    this.activity[n] = entry.replaces ?? n;
    this.summary[n] = summary;
    this.kind[n] = KINDS.indexOf(entry.kind);
    this.at[n] = entry.at;
    this.reached = grow(this.reached, entry.recipient);
    if (this.reached[entry.recipient] === 0) {
      this.reached[entry.recipient] = 1;
      this.recipients++;
    }
    const second = Math.max(0, Math.floor((entry.at - this.startedAt) / 1_000));
    while (this.perSecond.length <= second) this.perSecond.push(0);
    this.perSecond[second] = (this.perSecond[second] ?? 0) + 1;
    if (
      entry.kind !== 'update' &&
      this.isRepeat(entry.recipient, entry.marker ?? `\u0001${summary}`)
    ) {
      this.duplicates++;
    }
    return activityIdOf(entry.replaces ?? n);
  }

  private isRepeat(recipient: number, marker: string): boolean {
    const seen = this.markers.get(recipient);
    if (seen === undefined) this.markers.set(recipient, marker);
    else if (seen === marker || (Array.isArray(seen) && seen.includes(marker))) return true;
    else if (Array.isArray(seen)) seen.push(marker);
    else this.markers.set(recipient, [seen, marker]);
    return false;
  }

  /** The log index of an activity this log issued in `conversation`, if any. */
  find(conversation: number, activityId: string): number | undefined {
    const match = /^1:(\d+)$/.exec(activityId);
    const n = match ? Number(match[1]) : NaN;
    return n < this.count && this.conversation[n] === conversation ? n : undefined;
  }

  /** Accepted deliveries per second since the simulator started (index 0 = first second). */
  histogram(): number[] {
    return [...this.perSecond];
  }

  *entries(): IterableIterator<Delivery> {
    for (let n = 0; n < this.count; n++) {
      yield {
        conversationId: this.conversationIds.value(this.conversation[n] ?? -1),
        activityId: activityIdOf(this.activity[n] ?? n),
        recipient: this.recipientIds.value(this.recipient[n] ?? -1),
        kind: KINDS[this.kind[n] ?? 0] ?? 'send',
        at: this.at[n] ?? 0,
        summary: this.summaries.value(this.summary[n] ?? -1),
      };
    }
  }
}

function activityIdOf(n: number): string {
  return `1:${n}`;
}
