import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthError, type AuthFailure } from './auth-error';

/** The delegated scope the tab's SSO token must carry (exposed by the API's app registration). */
export const ACCESS_AS_USER_SCOPE = 'access_as_user';

/** Entra and our servers' clocks drift a little; a minute is the usual allowance. */
const DEFAULT_CLOCK_TOLERANCE_SEC = 60;

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EntraTokenOptions {
  /** The single tenant (GUID) whose users may call the API. */
  tenantId: string;
  /** The API's application (client) id: v2 tokens carry this GUID as `aud`. */
  clientId: string;
  /** Signing keys: {@link entraKeySet} in production, a local key set in tests. */
  jwks: JWTVerifyGetKey;
  clockToleranceSec?: number;
  /** The time to check `exp`/`nbf` against; now when omitted. */
  currentDate?: Date;
}

/** What the API keeps from a verified token. */
export interface EntraClaims {
  /** Entra object id (`oid`), lower-case. */
  objectId: string;
  /** Tenant id (`tid`), lower-case. */
  tenantId: string;
  /** `upn`, else `preferred_username`, lower-case. */
  upn?: string;
  name?: string;
}

/** The v2 issuer of a tenant's tokens. */
export function entraIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId.toLowerCase()}/v2.0`;
}

/** The tenant's signing keys, fetched on first use and cached (jose refetches on an unknown kid). */
export function entraKeySet(tenantId: string): JWTVerifyGetKey {
  const url = `https://login.microsoftonline.com/${tenantId.toLowerCase()}/discovery/v2.0/keys`;
  return createRemoteJWKSet(new URL(url));
}

/**
 * Verifies an Entra ID v2 access token from `authentication.getAuthToken()`: RS256 signature,
 * issuer and `tid` of the configured tenant, audience = client id, `exp`/`nbf`, the
 * `access_as_user` scope, and `oid` + `tid`. Throws {@link AuthError} (401) when the token is
 * refused; a failure to fetch the keys is rethrown as is (a server problem, not the caller's).
 */
export async function verifyEntraToken(
  token: string | undefined,
  options: EntraTokenOptions,
): Promise<EntraClaims> {
  if (!token) throw new AuthError('missing');
  const tenantId = options.tenantId.toLowerCase();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, options.jwks, {
      algorithms: ['RS256'],
      issuer: entraIssuer(tenantId),
      audience: options.clientId.toLowerCase(),
      clockTolerance: options.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC,
      requiredClaims: ['exp'],
      currentDate: options.currentDate,
    }));
  } catch (error) {
    const reason = failureOf(error);
    if (reason === undefined) throw error;
    throw new AuthError(reason, { cause: error });
  }

  const objectId = stringClaim(payload, 'oid')?.toLowerCase();
  const tid = stringClaim(payload, 'tid')?.toLowerCase();
  if (!objectId || !GUID_PATTERN.test(objectId) || !tid) throw new AuthError('malformed');
  if (tid !== tenantId) throw new AuthError('wrongIssuer');
  const scopes = stringClaim(payload, 'scp')?.split(' ') ?? [];
  if (!scopes.includes(ACCESS_AS_USER_SCOPE)) throw new AuthError('missingScope');

  const upn = (
    stringClaim(payload, 'upn') ?? stringClaim(payload, 'preferred_username')
  )?.toLowerCase();
  const name = stringClaim(payload, 'name');
  return { objectId, tenantId: tid, ...(upn && { upn }), ...(name && { name }) };
}

function stringClaim(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The refusal a jose error stands for; undefined for errors that are not the token's fault. */
function failureOf(error: unknown): AuthFailure | undefined {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'wrongIssuer';
      case 'aud':
        return 'wrongAudience';
      case 'nbf':
        return 'notYetValid';
      default:
        return 'malformed';
    }
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return 'badSignature';
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return 'malformed';
  }
  return undefined;
}
