import { createAuthenticator } from './authenticator';
import { DEMO_USER_HEADER } from './demo-identity';
import { fakeDirectory, testPerson } from '../../../test/fake-directory';
import { createTestTokenIssuer, type TestTokenIssuer } from '../../../test/test-tokens';

const tenantId = '11111111-1111-4111-8111-111111111111';
const clientId = '33333333-3333-4333-8333-333333333333';
const manager = testPerson({
  displayName: 'Marco Bianchi',
  objectId: '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c61',
  orgUnitPath: ['Area Welfare'],
  manager: true,
});
const directory = fakeDirectory([manager]);

function refusal(reason: string, status = 401): unknown {
  return expect.objectContaining({ name: 'AuthError', status, reason });
}

describe('createAuthenticator in entra mode', () => {
  let issuer: TestTokenIssuer;
  const authenticate = (headers: Record<string, string | string[] | undefined>) =>
    createAuthenticator(
      { mode: 'entra', tenantId, clientId, jwks: issuer.jwks },
      directory,
    )(headers);

  beforeAll(async () => {
    issuer = await createTestTokenIssuer({ tenantId, clientId, objectId: manager.objectId });
  });

  it('maps a valid bearer token to the directory person and roles', async () => {
    const identity = await authenticate({ authorization: `Bearer ${await issuer.mint()}` });
    expect(identity).toMatchObject({
      objectId: manager.objectId,
      tenantId,
      person: manager,
      roles: ['employee', 'manager'],
      managerScope: ['Area Welfare'],
    });
  });

  it('accepts the scheme in any case', async () => {
    const identity = await authenticate({ authorization: `bearer ${await issuer.mint()}` });
    expect(identity.objectId).toBe(manager.objectId);
  });

  it('refuses a request without Authorization as missing', async () => {
    await expect(authenticate({})).rejects.toEqual(refusal('missing'));
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], [['Bearer a', 'Bearer b']]])(
    'refuses the Authorization header %p as malformed',
    async (authorization) => {
      await expect(authenticate({ authorization })).rejects.toEqual(refusal('malformed'));
    },
  );

  it('refuses an expired token', async () => {
    const token = await issuer.mint({ expiresInSec: -600 });
    await expect(authenticate({ authorization: `Bearer ${token}` })).rejects.toEqual(
      refusal('expired'),
    );
  });

  it('ignores the demo header', async () => {
    await expect(authenticate({ [DEMO_USER_HEADER]: manager.objectId })).rejects.toEqual(
      refusal('missing'),
    );
  });

  it('refuses to build with a tenant or client id that is not a GUID', () => {
    const build = (ids: { tenantId: string; clientId: string }) => () =>
      createAuthenticator({ mode: 'entra', ...ids, jwks: issuer.jwks }, directory);
    expect(build({ tenantId: 'contoso.onmicrosoft.com', clientId })).toThrow(/tenant id/);
    expect(build({ tenantId, clientId: `api://localhost/${clientId}` })).toThrow(/client id/);
  });
});

describe('createAuthenticator in demo mode', () => {
  const authenticate = createAuthenticator({ mode: 'demo', production: false }, directory);

  it('takes the caller from the demo-user header', async () => {
    const identity = await authenticate({ [DEMO_USER_HEADER]: manager.objectId!.toUpperCase() });
    expect(identity).toEqual({
      objectId: manager.objectId,
      person: manager,
      roles: ['employee', 'manager'],
      managerScope: ['Area Welfare'],
    });
  });

  it('refuses a request without the header, or naming nobody in the directory', async () => {
    await expect(authenticate({})).rejects.toEqual(refusal('missing'));
    await expect(authenticate({ [DEMO_USER_HEADER]: 'admin' })).rejects.toEqual(
      refusal('malformed'),
    );
    const stranger = '00000000-0000-4000-8000-000000000000';
    await expect(authenticate({ [DEMO_USER_HEADER]: stranger })).rejects.toEqual(
      refusal('unknownUser'),
    );
  });

  it('cannot be built for production', () => {
    expect(() => createAuthenticator({ mode: 'demo', production: true }, directory)).toThrow(
      /not allowed in production/,
    );
  });
});
