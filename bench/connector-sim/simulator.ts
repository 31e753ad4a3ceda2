import {
  deliveryMarker,
  errorBody,
  isRecord,
  personalConversationId,
  personalTarget,
  recipientOf,
  route,
  summarize,
  type Route,
  type SimRequest,
  type SimResponse,
  type WireActivity,
  type WireConversationParameters,
} from './wire';
import { DeliveryLog, type Delivery, type DeliveryKind } from './delivery-log';
import { FaultPlan, type FaultOptions } from './faults';
import { Registry } from './registry';
import {
  KeyedLimiter,
  PER_CONVERSATION_WINDOWS,
  retryAfterSeconds,
  SlidingWindowLimiter,
  tenantWindows,
  type RateWindow,
} from '../../core/util/rate-limits';

/** Simulator settings; every limit and fault can be switched off. */
export interface SimulatorOptions {
  /**
   * Tenant-wide requests per sliding second (default 50; 0: off). Every request the tenant admits
   * counts, whatever its fate after; requests it refuses with 429 do not.
   */
  tenantRatePerSecond?: number;
  /** Per-conversation windows (default Teams' 7/1 s, 8/2 s, 60/30 s, 1,800/h; false: off). */
  perConversation?: readonly RateWindow[] | false;
  faults?: FaultOptions;
  /** Activities larger than this answer 413 `MessageSizeTooBig` (default 100 KiB). */
  maxActivityBytes?: number;
  /** Epoch milliseconds; injectable for tests. */
  clock?: () => number;
}

/** Counters since start. `accepted` counts delivered activities (send, reply, update). */
export interface SimulatorStats {
  requests: number;
  accepted: number;
  conversationsCreated: number;
  /** 429s, of which tenant-wide and per-conversation. */
  throttled: number;
  throttledTenant: number;
  throttledConversation: number;
  /** Injected 500/502/503/504. */
  faults: number;
  /** 403 `MessageWritesBlocked`. */
  blocked: number;
  /** 404 conversation or activity not found. */
  notFound: number;
  /** 400 / 413 and 404 for unknown routes: malformed or unsupported requests. */
  rejected: number;
  /** Sends or replies repeating (recipient, idempotency marker) already delivered. */
  duplicates: number;
  recipients: number;
  acceptedPerSecond: number[];
}

/**
 * The Bot Connector's proactive surface without HTTP: decides each request's fate against the
 * tenant and per-conversation limits and the fault plan, and records what was delivered.
 */
export class ConnectorSimulator {
  private readonly clock: () => number;
  private readonly tenant: SlidingWindowLimiter | undefined;
  private readonly perConversation: KeyedLimiter | undefined;
  private readonly faults: FaultPlan;
  private readonly maxBytes: number;
  private readonly log: DeliveryLog;
  private readonly registry = new Registry();
  private readonly createLimits: KeyedLimiter | undefined;
  private readonly counts = {
    requests: 0,
    conversationsCreated: 0,
    throttledTenant: 0,
    throttledConversation: 0,
    faults: 0,
    blocked: 0,
    notFound: 0,
    rejected: 0,
  };

  constructor(options: SimulatorOptions = {}) {
    this.clock = options.clock ?? Date.now;
    const rate = options.tenantRatePerSecond ?? 50;
    this.tenant = rate > 0 ? new SlidingWindowLimiter(tenantWindows(rate)) : undefined;
    const windows = options.perConversation ?? PER_CONVERSATION_WINDOWS;
    // Teams lists create-conversation and send limits separately: one log each.
    this.perConversation = windows === false ? undefined : new KeyedLimiter(windows);
    this.createLimits = windows === false ? undefined : new KeyedLimiter(windows);
    this.faults = new FaultPlan(options.faults);
    this.maxBytes = options.maxActivityBytes ?? 100 * 1024;
    const { conversationIds, recipientIds } = this.registry;
    this.log = new DeliveryLog(this.clock(), conversationIds, recipientIds);
  }

  handle(request: SimRequest): SimResponse {
    const now = this.clock();
    this.counts.requests++;
    const storm = this.faults.stormRemainingMs(this.counts.requests, now);
    if (storm > 0) {
      this.counts.throttledTenant++;
      return this.throttled(storm, 'tenant');
    }
    const admission = this.tenant?.tryAcquire(now) ?? { ok: true };
    if (!admission.ok) {
      this.counts.throttledTenant++;
      return this.throttled(admission.retryAfterMs, 'tenant');
    }
    const target = route(request.method, request.path);
    if (!target) return this.reject(404, 'NotFound', `no route ${request.method} ${request.path}`);
    const bytes = request.bytes ?? Buffer.byteLength(request.body);
    if (bytes > this.maxBytes) {
      return this.reject(413, 'MessageSizeTooBig', 'Message size is too big.');
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return this.reject(400, 'BadSyntax', 'Request body is not valid JSON.');
    }
    if (!isRecord(body)) return this.reject(400, 'BadSyntax', 'Request body must be an object.');
    return target.op === 'create'
      ? this.create(body, bytes, now)
      : this.write(target, body, bytes, now);
  }

  stats(): SimulatorStats {
    const c = this.counts;
    return {
      ...c,
      accepted: this.log.size,
      throttled: c.throttledTenant + c.throttledConversation,
      duplicates: this.log.duplicates,
      recipients: this.log.recipients,
      acceptedPerSecond: this.log.histogram(),
    };
  }

  deliveries(): IterableIterator<Delivery> {
    return this.log.entries();
  }

  private create(params: WireConversationParameters, bytes: number, now: number): SimResponse {
    const target = personalTarget(params);
    if (!target) {
      return this.reject(400, 'BadArgument', 'Only 1:1 conversations with one member.');
    }
    const id = personalConversationId(target.tenant, target.user);
    const conversation = this.registry.conversation(id);
    this.registry.setMember(conversation, target.user);
    const refused = this.admitWrite(conversation, now, 'create');
    if (refused) return refused;
    this.counts.conversationsCreated++;
    if (!isRecord(params.activity)) return this.respond(201, { id });
    const activityId = this.deliver(conversation, 'send', params.activity, bytes, now);
    return this.respond(201, { id, activityId });
  }

  private write(
    target: Exclude<Route, { op: 'create' }>,
    activity: WireActivity,
    bytes: number,
    now: number,
  ): SimResponse {
    const conversation = this.registry.conversation(target.conversationId);
    const refused = this.admitWrite(conversation, now, 'send', recipientOf(activity));
    if (refused) return refused;
    if (target.op === 'update') {
      const replaced = this.log.find(conversation, target.activityId);
      if (replaced === undefined) {
        this.counts.notFound++;
        return this.respond(404, errorBody('ActivityNotFound', 'Activity not found.'));
      }
      return this.respond(200, {
        id: this.deliver(conversation, 'update', activity, bytes, now, replaced),
      });
    }
    return this.respond(201, { id: this.deliver(conversation, target.op, activity, bytes, now) });
  }

  /** 404 / 403 / 429 / 5xx in that order, or undefined when the write goes through. */
  private admitWrite(
    conversation: number,
    now: number,
    op: 'create' | 'send',
    activityRecipient?: string,
  ): SimResponse | undefined {
    const ordinal = this.registry.nextWrite(conversation);
    const id = this.registry.conversationIds.value(conversation);
    if (this.faults.isNotFound(id)) {
      this.counts.notFound++;
      return this.respond(404, errorBody('ConversationNotFound', 'Conversation not found.'));
    }
    const recipient = this.registry.recipientOf(conversation, activityRecipient);
    if (op === 'send' && this.faults.isBlocked(this.registry.recipientIds.value(recipient))) {
      this.counts.blocked++;
      return this.respond(403, errorBody('MessageWritesBlocked', 'Message writes are blocked.'));
    }
    const limits = op === 'send' ? this.perConversation : this.createLimits;
    const admission = limits?.tryAcquire(conversation, now) ?? { ok: true };
    if (!admission.ok) {
      this.counts.throttledConversation++;
      return this.throttled(admission.retryAfterMs, 'conversation');
    }
    const status = this.faults.serverError(id, ordinal);
    if (status !== undefined) {
      this.counts.faults++;
      return this.respond(status, errorBody('ServiceError', `Injected ${status}.`));
    }
    return undefined;
  }

  private deliver(
    conversation: number,
    kind: DeliveryKind,
    activity: WireActivity,
    bytes: number,
    now: number,
    replaces?: number,
  ): string {
    return this.log.record({
      conversation,
      recipient: this.registry.recipientOf(conversation, recipientOf(activity)),
      kind,
      at: now,
      summary: summarize(activity, bytes),
      marker: deliveryMarker(activity),
      replaces,
    });
  }

  private throttled(retryAfterMs: number, scope: 'tenant' | 'conversation'): SimResponse {
    const seconds = retryAfterSeconds(retryAfterMs);
    const body = errorBody(
      'Throttled',
      `Too many requests (${scope} limit); retry after ${seconds} s.`,
    );
    return { ...this.respond(429, body), headers: { 'Retry-After': String(seconds) } };
  }

  private reject(status: number, code: string, message: string): SimResponse {
    this.counts.rejected++;
    return this.respond(status, errorBody(code, message));
  }

  private respond(status: number, body: unknown): SimResponse {
    return { status, headers: {}, body, delayMs: this.faults.latencyMs() };
  }
}
