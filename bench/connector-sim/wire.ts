import { createHash } from 'node:crypto';

/** The parts of a Bot Framework activity the simulator reads; everything else is ignored. */
export interface WireActivity {
  type?: unknown;
  text?: unknown;
  recipient?: { id?: unknown };
  attachments?: unknown;
  channelData?: { idempotencyKey?: unknown };
}

/** The parts of `ConversationParameters` (POST /v3/conversations) the simulator reads. */
export interface WireConversationParameters {
  isGroup?: unknown;
  members?: unknown;
  tenantId?: unknown;
  channelData?: { tenant?: { id?: unknown }; channel?: { id?: unknown } };
  activity?: WireActivity;
}

/** A request as the simulator sees it: method, path (still URL-encoded), raw body. */
export interface SimRequest {
  method: string;
  path: string;
  body: string;
  /** Body size in bytes when known (the HTTP layer stops buffering huge bodies). */
  bytes?: number;
}

/** A response, plus how long to hold it back (fault injection). */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  delayMs: number;
}

/** A Teams-like error body: `{ error: { code, message } }` (botframework `ErrorResponse`). */
export function errorBody(
  code: string,
  message: string,
): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The client's idempotency marker: `activity.channelData.idempotencyKey` (a string). Two sends to
 * the same recipient with the same marker are counted as a duplicate.
 */
export function deliveryMarker(activity: WireActivity): string | undefined {
  const key = isRecord(activity.channelData) ? activity.channelData.idempotencyKey : undefined;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/** The text, else `attachments: <content types> <bytes>B`, for the delivery log. */
export function summarize(activity: WireActivity, bytes: number): string {
  if (typeof activity.text === 'string' && activity.text !== '') return activity.text.slice(0, 80);
  if (Array.isArray(activity.attachments) && activity.attachments.length > 0) {
    const types = activity.attachments.map((a: unknown) =>
      isRecord(a) && typeof a.contentType === 'string' ? a.contentType : '?',
    );
    return `attachments: ${types.join(',')} ${bytes}B`.slice(0, 80);
  }
  return typeof activity.type === 'string' ? `(${activity.type})` : '(empty)';
}

export function recipientOf(activity: WireActivity): string | undefined {
  const id = isRecord(activity.recipient) ? activity.recipient.id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The single member of a 1:1 create request, and its tenant; undefined when malformed. */
export function personalTarget(
  params: WireConversationParameters,
): { user: string; tenant: string } | undefined {
  const members = Array.isArray(params.members) ? (params.members as unknown[]) : [];
  const first = members[0];
  const user = isRecord(first) && typeof first.id === 'string' ? first.id : undefined;
  const channelTenant = isRecord(params.channelData?.tenant) ? params.channelData.tenant.id : '';
  const tenant = typeof params.tenantId === 'string' ? params.tenantId : channelTenant;
  if (members.length !== 1 || !user || params.isGroup === true) return undefined;
  return { user, tenant: typeof tenant === 'string' ? tenant : '' };
}

/**
 * The channel of a request that starts a new conversation (a thread) in a team channel
 * (`isGroup` and `channelData.channel.id`, what `createConversationAsync` sends for a channel
 * post); undefined otherwise.
 */
export function channelTarget(params: WireConversationParameters): string | undefined {
  const channel = isRecord(params.channelData?.channel) ? params.channelData.channel.id : undefined;
  return params.isGroup === true && typeof channel === 'string' && channel !== ''
    ? channel
    : undefined;
}

/**
 * Teams answers the same 1:1 conversation id every time a bot creates a conversation with the
 * same user, so the id is derived from tenant and user rather than minted.
 */
export function personalConversationId(tenant: string, user: string): string {
  return `a:${createHash('sha256').update(`${tenant}|${user}`).digest('base64url').slice(0, 32)}`;
}

/** A Bot Connector operation the simulator serves, with its decoded path parameters. */
export type Route =
  | { op: 'create' }
  | { op: 'send'; conversationId: string }
  | { op: 'reply' | 'update'; conversationId: string; activityId: string };

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** Matches botframework-connector's `Conversations` paths; undefined for anything else. */
export function route(method: string, path: string): Route | undefined {
  if (/^\/v3\/conversations\/?$/.test(path))
    return method === 'POST' ? { op: 'create' } : undefined;
  const match = ACTIVITIES.exec(path);
  if (!match?.[1]) return undefined;
  const conversationId = decodeURIComponent(match[1]);
  const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
  if (activityId === undefined)
    return method === 'POST' ? { op: 'send', conversationId } : undefined;
  if (activityId === 'history') return undefined;
  if (method === 'POST') return { op: 'reply', conversationId, activityId };
  if (method === 'PUT') return { op: 'update', conversationId, activityId };
  return undefined;
}
