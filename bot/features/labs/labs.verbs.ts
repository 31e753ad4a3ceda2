import { z } from 'zod';
import { verb } from '../../verbs';

const LabId = z.object({ labId: z.string().regex(/^[a-z0-9-]{1,64}$/) });

/**
 * Action.Execute verbs of the labs' cards. `update` carries the form's inputs as Teams sends them
 * (strings, or absent when left empty): the service checks their meaning and lengths.
 */
export const LAB_VERBS = {
  join: verb('labs.join', LabId),
  decline: verb('labs.decline', LabId),
  link: verb('labs.link', z.object({ labId: z.string().max(64).optional() })),
  update: verb(
    'labs.update',
    z.object({
      labId: z.string().max(64).optional(),
      title: z.string().max(4_000).optional(),
      text: z.string().max(10_000).optional(),
      progress: z.union([z.string().max(10), z.number()]).optional(),
      nextSteps: z.string().max(4_000).optional(),
    }),
  ),
};
