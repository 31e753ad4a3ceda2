import { z } from 'zod';

/**
 * A Universal Action (`Action.Execute`) verb and the schema of the data its buttons carry: the
 * card builds `z.input` of it, the handler gets `z.output` of it, both typed from this one place.
 */
export interface Verb<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly data: S;
}

export const NO_DATA = z.object({});

export function verb<S extends z.ZodType>(name: string, data: S): Verb<S> {
  return { name, data };
}
