import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { resolveLocale, translator } from '../core/i18n/translator';
import { adaptiveCard, cardMessage, heading, paragraph } from './cards/card';

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

/** The one place a failed turn is logged (ids only, no names or text) and the user told. */
async function onTurnError(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const { activity } = context;
  logger.error(
    {
      err: { name: error.name, message: error.message, stack: error.stack },
      activityType: activity.type,
      activityName: activity.name,
      activityId: activity.id,
      conversationType: activity.conversation?.conversationType,
      channelId: activity.channelId,
    },
    'turn failed',
  );
  if (activity.type === 'invoke') return;
  const t = translator(resolveLocale(activity.locale));
  try {
    await context.sendActivity(
      cardMessage(adaptiveCard([heading(t('error.title')), paragraph(t('error.text'))])),
    );
  } catch (sendError) {
    logger.error({ err: { message: (sendError as Error).message } }, 'apology not delivered');
  }
}
