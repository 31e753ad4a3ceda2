import type { TurnContext } from 'botbuilder';
import type { Locale, Person } from '../core/directory/person';
import type { Translate } from '../core/i18n/translator';
import { cardMessage, type AdaptiveCard } from './cards/card';

/** Where a turn keeps its language once known, so that a failure is told in the same language. */
export const TURN_LOCALE = Symbol('oibo.turnLocale');

/** What a handler needs from one turn: who, in which language, and how to answer. */
export interface TurnScope {
  context: TurnContext;
  locale: Locale;
  t: Translate;
  /** The sender's Entra object id; absent outside Teams. */
  objectId: string | undefined;
  /** The directory entry of the sender, when they are a known employee. */
  person: Person | undefined;
  conversationType: 'personal' | 'channel' | 'groupChat';
  sendCard(card: AdaptiveCard): Promise<void>;
}

export function sendCardWith(context: TurnContext): (card: AdaptiveCard) => Promise<void> {
  return async (card) => {
    await context.sendActivity(cardMessage(card));
  };
}
