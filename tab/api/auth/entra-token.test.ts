import { AuthError } from './auth-error';
import { entraIssuer, verifyEntraToken, type EntraTokenOptions } from './entra-token';
import { createTestTokenIssuer, type TestTokenIssuer } from '../../../test/test-tokens';

const tenantId = '11111111-1111-4111-8111-111111111111';
const otherTenantId = '22222222-2222-4222-8222-222222222222';
const clientId = '33333333-3333-4333-8333-333333333333';
const objectId = '7B0C2E5A-6F1D-4C3B-9A8E-1D2F3A4B5C61';

let issuer: TestTokenIssuer;
let options: EntraTokenOptions;

beforeAll(async () => {
  issuer = await createTestTokenIssuer({ tenantId, clientId, objectId });
  options = { tenantId, clientId, jwks: issuer.jwks };
});

async function reasonOf(token: string | undefined): Promise<string> {
  const error: unknown = await verifyEntraToken(token, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).status).toBe(401);
  return (error as AuthError).reason;
}

describe('verifyEntraToken', () => {
  it('returns the caller of a valid token with a lower-case object id', async () => {
    const token = await issuer.mint({
      claims: { preferred_username: 'Marco.Bianchi@Comune-Demo.example', name: 'Marco Bianchi' },
    });
    await expect(verifyEntraToken(token, options)).resolves.toEqual({
      objectId: objectId.toLowerCase(),
      tenantId,
      upn: 'marco.bianchi@comune-demo.example',
      name: 'Marco Bianchi',
    });
  });

  it('accepts one scope among several', async () => {
    const token = await issuer.mint({ claims: { scp: 'User.Read access_as_user' } });
    await expect(verifyEntraToken(token, options)).resolves.toMatchObject({ tenantId });
  });

  it('accepts a token expired within the clock tolerance', async () => {
    const token = await issuer.mint({ expiresInSec: -30 });
    await expect(verifyEntraToken(token, options)).resolves.toMatchObject({ tenantId });
  });

  it.each([
    ['no token', undefined, 'missing'],
    ['an empty token', '', 'missing'],
    ['a token that is not a JWS', 'not-a-token', 'malformed'],
    ['a JWS whose header is not JSON', 'bm90IGpzb24.bm90IGpzb24.c2ln', 'malformed'],
  ])('refuses %s', async (_name, token, reason) => {
    expect(await reasonOf(token)).toBe(reason);
  });

  it.each<[string, Parameters<TestTokenIssuer['mint']>[0], string]>([
    ['an expired token', { expiresInSec: -600 }, 'expired'],
    ['a token without expiry', { claims: { exp: undefined } }, 'malformed'],
    ['a token not yet valid', { notBeforeInSec: 600 }, 'notYetValid'],
    ['a token for another audience', { claims: { aud: otherTenantId } }, 'wrongAudience'],
    ['an api:// audience', { claims: { aud: `api://localhost/${clientId}` } }, 'wrongAudience'],
    ['a token of another tenant', { claims: { iss: entraIssuer(otherTenantId) } }, 'wrongIssuer'],
    ['a v1 issuer', { claims: { iss: `https://sts.windows.net/${tenantId}/` } }, 'wrongIssuer'],
    ['a tid that is not the tenant', { claims: { tid: otherTenantId } }, 'wrongIssuer'],
    ['a forged signature under a trusted kid', { untrustedKey: 'sameKid' }, 'badSignature'],
    ['a signature by an unknown key', { untrustedKey: 'otherKid' }, 'badSignature'],
    ['a token without scp (app-only)', { claims: { scp: undefined } }, 'missingScope'],
    ['a token with other scopes only', { claims: { scp: 'User.Read' } }, 'missingScope'],
    ['a token without oid', { claims: { oid: undefined } }, 'malformed'],
    ['a token without tid', { claims: { tid: undefined } }, 'malformed'],
  ])('refuses %s', async (_name, overrides, reason) => {
    expect(await reasonOf(await issuer.mint(overrides))).toBe(reason);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await issuer.mint()).split('.');
    const forged = await issuer.mint({ claims: { oid: '00000000-0000-4000-8000-0000000000ff' } });
    const tampered = [header, forged.split('.')[1], signature].join('.');
    expect(await reasonOf(tampered)).toBe('badSignature');
  });

  it('refuses an unsigned token', async () => {
    const payload = (await issuer.mint()).split('.')[1];
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await reasonOf(`${header}.${payload}.`)).toBe('badSignature');
  });

  it('rethrows a key-set failure as a server error, not a 401', async () => {
    const failing = () => Promise.reject(new Error('JWKS unreachable'));
    const token = await issuer.mint();
    await expect(verifyEntraToken(token, { ...options, jwks: failing })).rejects.toThrow(
      'JWKS unreachable',
    );
  });
});
