import type { AdaptiveCard } from './card';
import { MAX_CARD_BYTES } from './card';

interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
}

/** The adaptivecards package's Node-loadable build (its lib/ entry is browser ESM). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Problems the Adaptive Cards renderer would report for `card`, plus our size limit. */
export function cardProblems(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes, over ${MAX_CARD_BYTES}`);
  return problems;
}
