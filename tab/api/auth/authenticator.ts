import type { JWTVerifyGetKey } from 'jose';
import { demoIdentity } from './demo-identity';
import { entraKeySet, GUID_PATTERN, verifyEntraToken } from './entra-token';
import { bearerToken, type RequestHeaders } from './headers';
import { resolveIdentity, type Identity, type PersonFinder } from './identity';

/** How the API learns who is calling. */
export type AuthConfig =
  | {
      mode: 'entra';
      tenantId: string;
      clientId: string;
      /** Defaults to the tenant's published keys. */
      jwks?: JWTVerifyGetKey;
      clockToleranceSec?: number;
    }
  | {
      /** Local only: the caller names themselves with a header, no proof. */
      mode: 'demo';
      /** Whether this is a production deployment; demo mode is refused there. */
      production: boolean;
    };

/** Authenticates a request from its headers; rejects with an {@link AuthError} (401). */
export type Authenticator = (headers: RequestHeaders) => Promise<Identity>;

/**
 * Builds the request authenticator for a mode. Entra mode verifies the `Authorization: Bearer`
 * token and maps it to the directory; demo mode trusts the demo-user header and throws at once
 * when `production` is set.
 */
export function createAuthenticator(config: AuthConfig, directory: PersonFinder): Authenticator {
  if (config.mode === 'demo') {
    if (config.production) throw new Error('demo identity mode is not allowed in production');
    return (headers) => demoIdentity(headers, directory);
  }
  const { tenantId, clientId } = config;
  if (!GUID_PATTERN.test(tenantId)) throw new Error('Entra tenant id must be a GUID');
  if (!GUID_PATTERN.test(clientId)) throw new Error('Entra client id must be a GUID');
  const jwks = config.jwks ?? entraKeySet(tenantId);
  const options = { tenantId, clientId, jwks, clockToleranceSec: config.clockToleranceSec };
  return async (headers) => {
    const claims = await verifyEntraToken(bearerToken(headers), options);
    return resolveIdentity(claims, directory);
  };
}
