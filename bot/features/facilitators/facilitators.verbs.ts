import { z } from 'zod';
import { REASON } from '../../../core/facilitators/community.service';
import { verb } from '../../verbs';

/** An invitation card names its round as `r`. */
const RoundRef = z.object({ r: z.string().min(1).max(100) });
/** An approval card names the round and the person who accepted as `{ r, p }`. */
const EntryRef = RoundRef.extend({ p: z.uuid().toLowerCase() });
/** What a card's text input holds: at most {@link REASON.max} characters once trimmed. */
const Reason = z.string().trim().max(REASON.max).optional();

/** Action.Execute verbs of the facilitator community's cards, each with its data's schema. */
export const FACILITATORS_VERBS = {
  accept: verb('facilitators.accept', RoundRef),
  /** `reason`: the card's optional text input. */
  decline: verb('facilitators.decline', RoundRef.extend({ reason: Reason })),
  approve: verb('facilitators.approve', EntryRef),
  /** `reason`: required (3–500 characters), checked by the handler to answer in words. */
  notNow: verb('facilitators.notNow', EntryRef.extend({ reason: Reason })),
};

/** The id of the cards' text input, whose value Teams adds to the button's data. */
export const REASON_INPUT = 'reason';
