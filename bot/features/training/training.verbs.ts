import { z } from 'zod';
import { NO_DATA, verb } from '../../verbs';

/**
 * Action.Execute verbs of the training path's cards. `done` carries the form's inputs as Teams
 * sends them (strings, or absent when left empty): their meaning is checked by the service, and
 * a value that does not parse answers the card again with a hint rather than a 400.
 */
export const TRAINING_VERBS = {
  open: verb('training.open', NO_DATA),
  done: verb(
    'training.done',
    z.object({
      module: z.string().max(60).optional(),
      date: z.string().max(40).optional(),
      hours: z.union([z.string().max(20), z.number()]).optional(),
    }),
  ),
};
