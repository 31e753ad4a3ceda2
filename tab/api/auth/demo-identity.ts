import { AuthError } from './auth-error';
import { GUID_PATTERN } from './entra-token';
import { headerValue, type RequestHeaders } from './headers';
import { identityOf, type Identity, type PersonFinder } from './identity';

/** The header the local tab's demo-identity switcher sets to a demo person's object id. */
export const DEMO_USER_HEADER = 'x-oibo-demo-user';

/**
 * The caller named by {@link DEMO_USER_HEADER}: a person of the (demo) directory, trusted without
 * any proof. Only for local runs without Entra configuration; see `createAuthenticator`.
 */
export async function demoIdentity(
  headers: RequestHeaders,
  directory: PersonFinder,
): Promise<Identity> {
  const objectId = headerValue(headers, DEMO_USER_HEADER)?.toLowerCase();
  if (objectId === undefined) throw new AuthError('missing');
  if (!GUID_PATTERN.test(objectId)) throw new AuthError('malformed');
  const person = await directory.find({ objectId });
  if (!person) throw new AuthError('unknownUser');
  return identityOf(objectId, person);
}
