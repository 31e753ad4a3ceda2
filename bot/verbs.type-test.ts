/**
 * Compiled by `npm run typecheck`, never run: each `@ts-expect-error` fails the build if the line
 * below it compiles, i.e. if a verb's schema stopped typing its handler or its buttons.
 */
import { acknowledge, onVerb } from './card-actions';
import { executeAction } from './cards/card';
import { ASSESSMENT_VERBS } from './features/assessment/assessment.verbs';
import { PRIVACY_VERBS } from './features/privacy/privacy.verbs';

const { answer, back, start } = ASSESSMENT_VERBS;

// The handler gets its verb's data: an answer has an item and a value.
onVerb(answer, async (_turn, { ref, item, value }) =>
  acknowledge(`${ref.campaignId}${item}${value}`),
);

// Swapping the schemas: a start's data has no item.
// @ts-expect-error the start verb's data carries no item
onVerb(start, async (_turn, { item }) => acknowledge(String(item)));

// A handler written for another verb's data does not fit.
onVerb(
  back,
  // @ts-expect-error a back's item is optional, an answer handler needs it
  async (_turn, data: { item: string; value: number | boolean }) => acknowledge(data.item),
);

// A button carries its verb's data, on the wire as `{ c, v, … }`.
executeAction('3', answer, { c: 'dm', v: 1, item: 'ds-01', value: 3 });
// @ts-expect-error an answer button without its value
executeAction('3', answer, { c: 'dm', v: 1, item: 'ds-01' });
// @ts-expect-error a start button needs its card reference
executeAction('Start', start);
executeAction('Delete', PRIVACY_VERBS.erase);
