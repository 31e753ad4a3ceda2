/*
 * The one person picker's search (issue 14's ask; labs and the facilitators' hand additions
 * use it). 400 a query under 2 characters (or over 100), 401 no identity, 403 anyone else.
 *
 * | method | path               | who                  | answers                     |
 * | ------ | ------------------ | -------------------- | --------------------------- |
 * | GET    | /api/v1/people?q=  | facilitators, admins | 200 PeopleSearch; 400, 403  |
 */

import type restify from 'restify';
import { z } from 'zod';
import type { DirectorySnapshot } from '../../core/directory/directory-snapshot';
import { departmentOf } from '../../core/directory/person';
import { AuthError } from './auth/auth-error';
import type * as Api from './contract';
import type { Route } from './route';

export interface PeopleApiDeps {
  directorySnapshot: DirectorySnapshot;
}

const Query = z.object({ q: z.string().trim().min(2).max(100) });
export const MAX_PEOPLE_FOUND = 20;

/**
 * People by name for those who pick people (facilitators leading labs, admins): every word of
 * `q` starts a word of the name, accents and case ignored; by name, at most 20; name, department
 * and object id only. From the directory's snapshot, never a scan per request.
 */
export function registerPeopleApi(server: restify.Server, route: Route, deps: PeopleApiDeps): void {
  server.get(
    '/api/v1/people',
    route(async ({ identity, req, res }) => {
      if (!identity.roles.some((role) => role === 'admin' || role === 'facilitator')) {
        throw new AuthError('forbidden');
      }
      const { q } = Query.parse(req.query ?? {});
      const directory = await deps.directorySnapshot.current();
      const people = directory.search(q, MAX_PEOPLE_FOUND).map((p) => ({
        objectId: p.objectId!,
        displayName: p.displayName,
        department: departmentOf(p),
      }));
      res.json({ people } satisfies Api.PeopleSearch);
    }),
  );
}
