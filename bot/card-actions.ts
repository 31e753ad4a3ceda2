import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { z } from 'zod';
import type { LimitedWrite } from '../core/util/abuse-limits';
import type { AdaptiveCard } from './cards/card';
import type { TurnScope } from './turn';

/** A Universal Action (`Action.Execute`) handler: its verb, its data schema, its work. */
export interface CardAction<S extends z.ZodType = z.ZodType> {
  verb: string;
  data: S;
  /** Private data: refused outside the 1:1 chat. */
  personalOnly?: boolean;
  /** A write counted against the person's limit for it (core/util/abuse-limits.ts). */
  limited?: LimitedWrite;
  run(turn: TurnScope, data: z.infer<S>): Promise<AdaptiveCardInvokeResponse>;
}

export function replaceCard(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...card } };
}

/** Keeps the card as it is and shows `text` briefly (a toast in Teams). */
export function acknowledge(text: string): AdaptiveCardInvokeResponse {
  // Teams expects a plain string here; botbuilder's type only allows objects.
  const value = text as unknown as Record<string, unknown>;
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value };
}

export function badRequest(message: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 400,
    type: 'application/vnd.microsoft.error',
    value: { code: 'BadRequest', message },
  };
}
