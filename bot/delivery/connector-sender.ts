import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { ProactiveSender } from '../../core/delivery/delivery-engine';
import type { ChannelSender, ChannelTarget } from '../../core/labs/channel-poster';
import type { DeliveryTarget } from '../../core/delivery/deliveries.repository';
import { classifyResponse, type SendOutcome } from '../../core/delivery/send-outcome';
import type { BotAuthSettings } from '../adapter';

/** A bearer token for the Bot Connector, or undefined in local mode (no app id). */
export type TokenSource = () => Promise<string | undefined>;

/**
 * The bot's own token for calling the connector: botbuilder's credential factory (client secret
 * or user-assigned managed identity), which caches and refreshes the token.
 */
export function botTokenSource(auth: BotAuthSettings): TokenSource {
  if (auth.mode === 'local') return async () => undefined;
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: auth.appId,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
    ...(auth.password ? { MicrosoftAppPassword: auth.password } : {}),
  });
  // Audience and authority of bot-to-channel tokens for a single-tenant or MSI bot.
  const credentials = factory.createCredentials(
    auth.appId,
    'https://api.botframework.com',
    `https://login.microsoftonline.com/${auth.tenantId}`,
    true,
  );
  return async () => {
    const resolved = (await credentials) as unknown as { getToken(): Promise<string> };
    return resolved.getToken();
  };
}

/**
 * Posts one activity to a conversation with one HTTP request (Bot Connector
 * `POST /v3/conversations/{id}/activities`), or starts a new conversation in a team channel with
 * it (`POST /v3/conversations`, what `adapter.createConversationAsync` sends). botbuilder's
 * `ConnectorClient` retries 429 and 5xx by itself; the delivery engine and the channel poster must
 * see every attempt so that all of them pass through the tenant budget, so this sender never
 * retries.
 */
export class ConnectorSender implements ProactiveSender, ChannelSender {
  constructor(
    private readonly token: TokenSource,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(target: DeliveryTarget, activity: Record<string, unknown>): Promise<SendOutcome> {
    const base = target.serviceUrl.replace(/\/+$/, '');
    const url = `${base}/v3/conversations/${encodeURIComponent(target.conversationId)}/activities`;
    const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
    const body = {
      ...activity,
      conversation: { id: target.conversationId },
      ...(target.userId ? { recipient: { id: target.userId } } : {}),
      ...(target.botId ? { from: { id: target.botId } } : {}),
      channelData: {
        ...channelData,
        ...(target.tenantId ? { tenant: { id: target.tenantId } } : {}),
      },
    };
    return (await this.request(url, body)).outcome;
  }

  /** A new conversation (thread) in the channel, with the activity as its first message. */
  async post(
    target: ChannelTarget,
    activity: Record<string, unknown>,
  ): Promise<{ outcome: SendOutcome; conversationId?: string }> {
    const url = `${target.serviceUrl.replace(/\/+$/, '')}/v3/conversations`;
    const tenant = target.tenantId ? { tenant: { id: target.tenantId } } : {};
    const body = {
      isGroup: true,
      ...(target.botId ? { bot: { id: target.botId } } : {}),
      ...(target.tenantId ? { tenantId: target.tenantId } : {}),
      channelData: { channel: { id: target.channelId }, team: { id: target.teamId }, ...tenant },
      activity: {
        type: 'message',
        ...activity,
        channelData: { ...((activity.channelData ?? {}) as Record<string, unknown>), ...tenant },
      },
    };
    return this.request(url, body);
  }

  private async request(
    url: string,
    body: unknown,
  ): Promise<{ outcome: SendOutcome; conversationId?: string }> {
    try {
      const token = await this.token();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const code = response.ok ? undefined : await errorCode(response);
      const conversationId = response.ok ? await createdId(response) : undefined;
      const outcome = classifyResponse(response.status, code, response.headers.get('retry-after'));
      return { outcome, ...(conversationId ? { conversationId } : {}) };
    } catch (error) {
      // Timeouts and network errors: the message may or may not have arrived; try again later.
      return { outcome: { kind: 'retry', error: `network ${(error as Error).name}` } };
    }
  }
}

/** The id of a created conversation (`{ id }`); nothing for a send's answer we do not read. */
async function createdId(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { id?: unknown };
    return typeof body.id === 'string' ? body.id : undefined;
  } catch {
    return undefined;
  }
}

async function errorCode(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code.slice(0, 60) : undefined;
  } catch {
    return undefined;
  }
}
