/** Why a request was refused; safe to log and to return to the client (no token contents). */
export type AuthFailure =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'notYetValid'
  | 'badSignature'
  | 'wrongIssuer'
  | 'wrongAudience'
  | 'missingScope'
  | 'unknownUser'
  | 'forbidden';

/**
 * A refused request: `status` 403 when the caller is known but lacks a role or scope, 401 for
 * every other reason. Routes turn it into a problem response; anything else is a server error.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status: 401 | 403;

  constructor(
    readonly reason: AuthFailure,
    options?: ErrorOptions,
  ) {
    super(`authentication failed: ${reason}`, options);
    this.status = reason === 'forbidden' ? 403 : 401;
  }
}

/** True for an {@link AuthError}. */
export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
