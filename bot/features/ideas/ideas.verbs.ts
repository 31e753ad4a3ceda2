import { z } from 'zod';
import { verb } from '../../verbs';

const field = z.string().max(8_000).optional();

/**
 * The propose card's verb. Its data is the form's inputs as Teams sends them (strings, absent
 * when left empty): the service's schema checks them, and a refused form comes back with the
 * reason and what was typed, never a 400.
 */
export const IDEA_VERBS = {
  propose: verb(
    'ideas.propose',
    z.object({
      title: field,
      procedure: field,
      office: field,
      problem: field,
      proposal: field,
      benefits: field,
    }),
  ),
};
