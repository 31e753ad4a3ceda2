import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import type { AdaptiveCard } from '../bot/cards/card';
import { createBot, type Services } from '../server/app';
import users from '../content/demo/playground-users.json';

export const GIULIA = users[0]!; // it-IT employee
export const SARA = users[2]!; // en-US facilitator and admin

export const silentLogger = pino({ level: 'silent' });

/** Drives the real bot through botbuilder's TestAdapter and collects what it sends back. */
export function botHarness(services: Services): {
  turn(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
} {
  const bot = createBot(services, silentLogger);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  return {
    async turn(activity) {
      adapter.activeQueue.splice(0);
      await adapter.processActivity({ channelId: 'msteams', ...activity });
      return adapter.activeQueue.splice(0);
    },
  };
}

export function personalActivity(
  user: { objectId: string },
  extra: Partial<Activity>,
): Partial<Activity> {
  return {
    from: { id: `29:${user.objectId}`, name: 'someone', aadObjectId: user.objectId },
    recipient: { id: '28:oibo', name: 'óiBO' },
    conversation: {
      id: `a:${user.objectId}`,
      conversationType: 'personal',
      isGroup: false,
      name: '',
    },
    serviceUrl: 'http://127.0.0.1:9/_connector',
    ...extra,
  };
}

/** The Adaptive Cards among `activities`, in order. */
export function cardsOf(activities: Partial<Activity>[]): AdaptiveCard[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((att) => att.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((att) => att.content as AdaptiveCard),
  );
}

/** All visible text of a card, for targeted assertions. */
export function cardText(card: unknown): string {
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') {
    return Object.entries(card)
      .map(([key, value]) =>
        ['text', 'title', 'value'].includes(key) && typeof value === 'string'
          ? value
          : cardText(value),
      )
      .filter(Boolean)
      .join(' ');
  }
  return '';
}
