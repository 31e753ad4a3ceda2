import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { z } from 'zod';
import type { Verb } from '../verbs';

/** Teams renders Adaptive Cards up to schema 1.5 in bot messages. */
const CARD_VERSION = '1.5';
/** Cards stay well under Teams' message size limit. */
export const MAX_CARD_BYTES = 40 * 1024;

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Large', wrap: true, style: 'heading' };
}

export function paragraph(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

/**
 * People's own words as literal text: a TextRun renders no Markdown, so a title or update can
 * neither format the card nor add links to it.
 */
export function literal(text: string, extra: CardElement = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }], ...extra };
}

/**
 * A Universal Action button: Teams sends the verb and `data` to the bot as an invoke. `data` is
 * what the verb's schema accepts, and may be left out when it accepts `{}`.
 */
export function executeAction<S extends z.ZodType>(
  title: string,
  verb: Verb<S>,
  ...[data]: Record<never, never> extends z.input<S> ? [data?: z.input<S>] : [data: z.input<S>]
): CardElement {
  return { type: 'Action.Execute', title, verb: verb.name, data: data ?? {} };
}

/** A card with one line of text: confirmations, refusals, hints. */
export function noticeCard(text: string): AdaptiveCard {
  return adaptiveCard([paragraph(text)]);
}

export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
