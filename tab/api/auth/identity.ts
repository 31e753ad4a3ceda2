import type { DirectoryService } from '../../../core/directory/directory.service';
import { rolesOf, type Person, type Role } from '../../../core/directory/person';
import { isWithin } from '../../../core/privacy/org-tree';
import { AuthError } from './auth-error';

/** The slice of the directory authentication needs (a fake in unit tests). */
export type PersonFinder = Pick<DirectoryService, 'find'>;

/** Who is calling the API and what they may do. */
export interface Identity {
  /** Entra object id, lower-case: the key for the caller's own data. */
  objectId: string;
  /** Present for Entra tokens; absent in demo mode. */
  tenantId?: string;
  /** The directory entry; absent for people the directory does not know (plain employees). */
  person?: Person;
  roles: readonly Role[];
  /** A manager's org unit: the root of the subtree they may see. */
  managerScope?: readonly string[];
}

/** The caller as the token names them. */
export interface CallerClaims {
  objectId: string;
  tenantId?: string;
  upn?: string;
}

/**
 * Looks the caller up in the directory, by object id and then by UPN, and derives their roles.
 * A UPN match whose entry carries another object id is ignored: UPNs are reassigned, object ids
 * are not. People the directory does not know are employees with no org unit.
 */
export async function resolveIdentity(
  claims: CallerClaims,
  directory: PersonFinder,
): Promise<Identity> {
  const objectId = claims.objectId.toLowerCase();
  const found = await directory.find({
    objectId,
    ...(claims.upn && { upn: claims.upn.toLowerCase() }),
  });
  const person = found && (found.objectId ?? objectId) === objectId ? found : undefined;
  return identityOf(objectId, person, claims.tenantId);
}

/** Builds the identity of a known (or unknown) person. */
export function identityOf(objectId: string, person?: Person, tenantId?: string): Identity {
  return {
    objectId: objectId.toLowerCase(),
    ...(tenantId && { tenantId }),
    ...(person && { person }),
    roles: person ? rolesOf(person) : ['employee'],
    ...(person?.manager && { managerScope: person.orgUnitPath }),
  };
}

/** Whether the caller holds `role`; admins (the programme team) hold every role. */
export function hasRole(identity: Identity, role: Role): boolean {
  return identity.roles.includes('admin') || identity.roles.includes(role);
}

/** Throws a 403 {@link AuthError} (`forbidden`) unless the caller holds `role`. */
export function authorize(identity: Identity, role: Role): void {
  if (!hasRole(identity, role)) throw new AuthError('forbidden');
}

/**
 * Whether the caller may see data about `orgUnitPath`: admins everything, managers their own
 * subtree, everyone else nothing.
 */
export function withinScope(identity: Identity, orgUnitPath: readonly string[]): boolean {
  if (identity.roles.includes('admin')) return true;
  if (!identity.roles.includes('manager') || !identity.managerScope) return false;
  return isWithin(orgUnitPath, identity.managerScope);
}
