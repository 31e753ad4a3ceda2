import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { ACCESS_AS_USER_SCOPE, entraIssuer } from '../tab/api/auth/entra-token';

/** What a test token differs in from a valid one; a claim set to `undefined` is left out. */
export interface TokenOverrides {
  claims?: Record<string, unknown>;
  /** Seconds from now; default one hour. */
  expiresInSec?: number;
  /** Seconds from now; default now. */
  notBeforeInSec?: number;
  /** Sign with a key the key set does not hold, under the trusted key's kid or another one. */
  untrustedKey?: 'sameKid' | 'otherKid';
}

/** Mints Entra-shaped tokens against a local key set, for tests (no network). */
export interface TestTokenIssuer {
  jwks: JWTVerifyGetKey;
  mint(overrides?: TokenOverrides): Promise<string>;
}

const KID = 'test-key';

/**
 * A local stand-in for Entra: a fresh RS256 key pair, its key set, and tokens for `tenantId` and
 * `clientId` that pass `verifyEntraToken` unless overridden. Test support only.
 */
export async function createTestTokenIssuer(config: {
  tenantId: string;
  clientId: string;
  objectId?: string;
}): Promise<TestTokenIssuer> {
  const trusted = await generateKeyPair('RS256');
  const untrusted = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(trusted.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const jwks = createLocalJWKSet({ keys: [jwk] });

  async function mint(overrides: TokenOverrides = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: entraIssuer(config.tenantId),
      aud: config.clientId,
      tid: config.tenantId,
      oid: config.objectId ?? '00000000-0000-4000-8000-000000000001',
      scp: ACCESS_AS_USER_SCOPE,
      ver: '2.0',
      iat: now,
      nbf: now + (overrides.notBeforeInSec ?? 0),
      exp: now + (overrides.expiresInSec ?? 3600),
      ...overrides.claims,
    };
    const payload = Object.fromEntries(
      Object.entries(claims).filter(([, value]) => value !== undefined),
    );
    const key: KeyLike = overrides.untrustedKey ? untrusted.privateKey : trusted.privateKey;
    const kid = overrides.untrustedKey === 'otherKid' ? 'other-key' : KID;
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
  }

  return { jwks, mint };
}
