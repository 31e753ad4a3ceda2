import { createHash } from 'node:crypto';
import { z } from 'zod';
import { keyProblem } from '../store/keys';

export const LOCALES = ['it-IT', 'en-US'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = 'it-IT';

/** Roles held explicitly; everyone is an employee, managers come from the manager flag. */
export const ASSIGNABLE_ROLES = ['facilitator', 'admin'] as const;
export const RoleSchema = z.enum(ASSIGNABLE_ROLES);
export type Role = z.infer<typeof RoleSchema> | 'employee' | 'manager';

/** Separator of org-unit levels in paths, e.g. "Area Welfare > Settore Servizi Sociali". */
export const ORG_UNIT_SEPARATOR = ' > ';

const OrgUnitSegment = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((s) => !s.includes('>'), { message: 'must not contain ">"' });

/**
 * A path is part of table keys (org units; aggregates, after a dimension id), so once encoded it
 * keeps room below the 512-character key limit.
 */
const MAX_ORG_UNIT_KEY_LENGTH = 400;

export const OrgUnitPathSchema = z
  .array(OrgUnitSegment)
  .min(1)
  .max(8)
  .superRefine((path, ctx) => {
    const problem = keyProblem(formatOrgUnitPath(path), MAX_ORG_UNIT_KEY_LENGTH);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const PersonSchema = z
  .object({
    /** Entra ID object id: how Teams (aadObjectId) and tab tokens (oid) name the user. */
    objectId: z.uuid().toLowerCase().optional(),
    upn: z.email().max(256).toLowerCase().optional(),
    displayName: z.string().trim().min(1).max(200),
    orgUnitPath: OrgUnitPathSchema,
    manager: z.boolean(),
    roles: z.array(RoleSchema).max(ASSIGNABLE_ROLES.length),
    locale: LocaleSchema,
  })
  .refine((p) => p.objectId !== undefined || p.upn !== undefined, {
    message: 'needs an object id or a UPN',
    path: ['objectId'],
  });

export type Person = z.infer<typeof PersonSchema>;

/** The key a person is stored under: the object id when known, else the UPN. */
export function personId(person: Pick<Person, 'objectId' | 'upn'>): string {
  if (person.objectId) return `oid:${person.objectId}`;
  if (person.upn) return `upn:${person.upn}`;
  throw new Error('person without object id or UPN');
}

/** The hash partition ("b00"…"bff") of a person id; other per-person tables reuse it. */
export function personPartition(id: string): string {
  return `b${createHash('sha256').update(id).digest('hex').slice(0, 2)}`;
}

/** The department is the first level below the organisation. */
export function departmentOf(person: Pick<Person, 'orgUnitPath'>): string {
  return person.orgUnitPath[0]!;
}

export function rolesOf(person: Pick<Person, 'manager' | 'roles'>): Role[] {
  return ['employee', ...(person.manager ? (['manager'] as const) : []), ...person.roles];
}

export function formatOrgUnitPath(path: readonly string[]): string {
  return path.join(ORG_UNIT_SEPARATOR);
}

export function parseOrgUnitPath(text: string): string[] {
  return text.split('>').map((segment) => segment.trim());
}
