import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { z } from 'zod';
import type { LimitedWrite } from '../core/util/abuse-limits';
import type { AdaptiveCard } from './cards/card';
import type { TurnScope } from './turn';
import type { Verb } from './verbs';

/** A Universal Action (`Action.Execute`) handler, as the router sees it: verb name, then work. */
export interface CardAction {
  verb: string;
  /** Private data: refused outside the 1:1 chat. */
  personalOnly: boolean;
  /** A write counted against the person's limit for it (core/util/abuse-limits.ts). */
  limited?: LimitedWrite;
  /** The work for a button's data, or undefined when the data does not fit the verb's schema. */
  bind(data: unknown): ((turn: TurnScope) => Promise<AdaptiveCardInvokeResponse>) | undefined;
}

/** Registers `run` for `verb`: it gets the verb's parsed data, typed by the verb's schema. */
export function onVerb<S extends z.ZodType>(
  verb: Verb<S>,
  run: (turn: TurnScope, data: z.output<S>) => Promise<AdaptiveCardInvokeResponse>,
  { personalOnly = false, limited }: { personalOnly?: boolean; limited?: LimitedWrite } = {},
): CardAction {
  return {
    verb: verb.name,
    personalOnly,
    ...(limited ? { limited } : {}),
    bind: (data) => {
      const parsed = verb.data.safeParse(data);
      return parsed.success ? (turn) => run(turn, parsed.data) : undefined;
    },
  };
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
