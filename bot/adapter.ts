import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Locale } from '../core/directory/person';
import { resolveLocale, translator } from '../core/i18n/translator';
import { replaceCard } from './card-actions';
import { cardMessage } from './cards/card';
import { actionFailedCard, turnFailedCard } from './cards/error.cards';
import { TURN_LOCALE } from './turn';

export type BotAuthSettings =
  | { mode: 'local' }
  | {
      mode: 'entra';
      appId: string;
      appType: 'SingleTenant' | 'UserAssignedMSI';
      tenantId: string;
      password?: string;
    };

/**
 * The Bot Framework adapter. With an app id every request's JWT is validated; in local mode
 * (no app id, refused in production by the config) requests are not authenticated.
 */
export function createAdapter(auth: BotAuthSettings, logger: Logger): CloudAdapter {
  const settings =
    auth.mode === 'local'
      ? {}
      : {
          MicrosoftAppId: auth.appId,
          MicrosoftAppType: auth.appType,
          MicrosoftAppTenantId: auth.tenantId,
          ...(auth.password ? { MicrosoftAppPassword: auth.password } : {}),
        };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = (context, error) => onTurnError(context, error, logger);
  return adapter;
}

/**
 * The fields of a Bot Framework activity that every turn relies on. A POST to the bot endpoint
 * without them is refused (400) before botbuilder sees it: botbuilder answers `{}` with a 500
 * carrying its internal message, and other partial activities fail later, inside the turn.
 */
export const InboundActivitySchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  from: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

/** What a Universal Action invoke carries: the pressed button's verb and data. */
const PressedActionSchema = z.object({
  action: z.object({
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

/**
 * The one place a failed turn is logged (ids only, no names or text) and the user told, in the
 * turn's language when it was known. A failed card action answers its invoke with a card, since
 * Teams shows nothing useful for an invoke left unanswered (botbuilder's empty 501).
 */
async function onTurnError(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const { activity } = context;
  const pressed = PressedActionSchema.safeParse(activity.value).data?.action;
  logger.error(
    {
      err: error,
      activityType: activity.type,
      activityName: activity.name,
      activityId: activity.id,
      verb: pressed?.verb,
      conversationType: activity.conversation?.conversationType,
      channelId: activity.channelId,
    },
    'turn failed',
  );
  const t = translator(
    context.turnState.get<Locale | undefined>(TURN_LOCALE) ?? resolveLocale(activity.locale),
  );
  if (activity.type === 'invoke') {
    if (activity.name !== 'adaptiveCard/action') return;
    // Stored in the turn state for the HTTP response: nothing is sent over the network.
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: replaceCard(actionFailedCard(t, pressed)) },
    });
    return;
  }
  try {
    await context.sendActivity(cardMessage(turnFailedCard(t)));
  } catch (sendError) {
    logger.error({ err: sendError }, 'apology not delivered');
  }
}
