import { AuthError } from './auth-error';

/** Node's incoming headers: names lower-cased, repeated headers possibly as arrays. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** The single value of a header (looked up case-insensitively); a repeated header is malformed. */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : headers[key];
  if (Array.isArray(value)) throw new AuthError('malformed');
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

// RFC 6750 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer …` header, or undefined when there is no header. */
export function bearerToken(headers: RequestHeaders): string | undefined {
  const authorization = headerValue(headers, 'authorization');
  if (authorization === undefined) return undefined;
  const match = BEARER.exec(authorization);
  if (!match) throw new AuthError('malformed');
  return match[1];
}
