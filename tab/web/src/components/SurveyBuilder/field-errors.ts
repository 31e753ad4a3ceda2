import { ApiError } from '../../api/client';

/** The server's reasons per refused field (`questions.2.text.en-US` → its message). */
export type FieldErrors = ReadonlyMap<string, string>;

export const NO_ERRORS: FieldErrors = new Map();

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return NO_ERRORS;
  return new Map(
    error.lines.flatMap((line) => (line.path !== undefined ? [[line.path, line.message]] : [])),
  );
}

/** The message of `path` itself, or of the first refused field inside it. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  const own = errors.get(path);
  if (own !== undefined) return own;
  for (const [key, message] of errors) if (key.startsWith(`${path}.`)) return message;
  return undefined;
}
