import type restify from 'restify';
import { z } from 'zod';
import {
  ContestInputSchema,
  EntryInputSchema,
  HideInputSchema,
  type Contest,
  type Entry,
} from '../../core/contests/contest';
import type { ContestsService, Viewer } from '../../core/contests/contests.service';
import type { ImagePipeline } from '../../core/media/images';
import { authorize, type Identity } from './auth/identity';
import type * as Api from './contract';
import { readImageUpload } from './multipart';
import type { Route } from './route';

export interface ContestsApiDeps {
  contests: ContestsService;
  /** Uploads are read and processed in its slots. */
  images: ImagePipeline;
}

/** The one path whose body is an image upload (multipart/form-data), read by the route itself. */
export const ENTRY_UPLOAD_PATH = /^\/api\/v1\/contests\/[^/]+\/entries$/;

/**
 * An image as the app serves it: only the image's own type, never sniffed, nothing it could
 * load or run if opened on its own (sandboxed, no sources), not framed, not read cross-origin.
 */
const IMAGE_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'"],
  ['cross-origin-resource-policy', 'same-origin'],
  ['cache-control', 'private, max-age=300'],
];

const ImageQuery = z.object({ size: z.enum(['thumbnail', 'full']).default('full') });
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const ContestParams = z.object({ id: Id });
const EntryParams = z.object({ id: Id, entryId: Id });

const entryParams = (req: restify.Request): [string, string] => {
  const { id, entryId } = EntryParams.parse(req.params);
  return [id, entryId];
};

const viewerOf = (identity: Identity): Viewer => ({
  objectId: identity.objectId,
  moderator: identity.roles.includes('admin'),
});

const imageUrl = (entry: Entry, size: 'thumbnail' | 'full') =>
  `/api/v1/contests/${entry.contestId}/entries/${entry.id}/image?size=${size}`;

function entryJson(entry: Entry, viewer: Viewer): Api.ContestEntry {
  const mine = entry.authorId === viewer.objectId;
  return {
    id: entry.id,
    title: entry.title,
    description: entry.description,
    mine,
    thumbnailUrl: imageUrl(entry, 'thumbnail'),
    imageUrl: imageUrl(entry, 'full'),
    width: entry.images.full.width,
    height: entry.images.full.height,
    hidden: entry.hidden && (mine || viewer.moderator) ? { reason: entry.hidden.reason } : null,
  };
}

/**
 * The logo contest's routes; every one authenticates first (the `route` wrapper).
 *
 * | method | path                                              | who                   | status                 |
 * |--------|---------------------------------------------------|-----------------------|------------------------|
 * | GET    | /api/v1/contests                                  | everyone              | 200                    |
 * | POST   | /api/v1/contests                                  | admin                 | 201, 400, 403          |
 * | GET    | /api/v1/contests/{id}                             | everyone              | 200, 404               |
 * | GET    | /api/v1/contests/{id}/entries                     | everyone (what they may see) | 200, 404        |
 * | POST   | /api/v1/contests/{id}/entries (multipart: image, title, description) | everyone | 201, 400, 404, 409, 413, 415, 422 |
 * | GET    | /api/v1/contests/{id}/entries/{entryId}/image?size=thumbnail\|full | who may see it | 200, 404 |
 * | PUT    | /api/v1/contests/{id}/entries/{entryId}/vote      | everyone              | 200, 404, 409, 422     |
 * | POST   | /api/v1/contests/{id}/entries/{entryId}/hide      | admin                 | 200, 403, 404, 409     |
 * | POST   | /api/v1/contests/{id}/close                       | admin                 | 200, 403, 404, 409     |
 * | GET    | /api/v1/contests/{id}/results                     | everyone, once closed | 200, 404, 409          |
 */
export function registerContestsApi(
  server: restify.Server,
  route: Route,
  deps: ContestsApiDeps,
): void {
  const { contests, images } = deps;

  const summary = async (contest: Contest, identity: Identity): Promise<Api.ContestSummary> => {
    const [entries, vote] = await Promise.all([
      contests.entries(contest.id, { objectId: identity.objectId, moderator: false }),
      contests.voteOf(contest.id, identity.objectId),
    ]);
    return {
      id: contest.id,
      title: contest.title,
      description: contest.description,
      rules: contest.rules,
      entriesOpenAt: contest.entriesOpenAt.toISOString(),
      entriesCloseAt: contest.entriesCloseAt.toISOString(),
      votingOpenAt: contest.votingOpenAt.toISOString(),
      votingCloseAt: contest.votingCloseAt.toISOString(),
      maxEntriesPerPerson: contest.maxEntriesPerPerson,
      phase: contests.phase(contest),
      myEntries: entries.filter((e) => e.authorId === identity.objectId).length,
      myVote: vote?.entryId ?? null,
    };
  };

  server.get(
    '/api/v1/contests',
    route(async ({ identity, res }) => {
      const list = await contests.list();
      res.json(await Promise.all(list.map((c) => summary(c, identity))));
    }),
  );

  server.post(
    '/api/v1/contests',
    route(async ({ identity, req, res }) => {
      authorize(identity, 'admin');
      const contest = await contests.create(ContestInputSchema.parse(req.body), identity.objectId);
      res.status(201);
      res.json({ id: contest.id } satisfies Api.Created);
    }),
  );

  server.get(
    '/api/v1/contests/:id',
    route(async ({ identity, req, res }) => {
      const contest = await contests.get(ContestParams.parse(req.params).id);
      res.json(await summary(contest, identity));
    }),
  );

  server.get(
    '/api/v1/contests/:id/entries',
    route(async ({ identity, req, res }) => {
      const viewer = viewerOf(identity);
      const entries = await contests.entries(ContestParams.parse(req.params).id, viewer);
      res.json(entries.map((entry) => entryJson(entry, viewer)));
    }),
  );

  server.post(
    '/api/v1/contests/:id/entries',
    route(async ({ identity, req, res }) => {
      const contestId = ContestParams.parse(req.params).id;
      const entry = await images.admit(async () => {
        const upload = await readImageUpload(req, res, {
          fileField: 'image',
          fields: ['title', 'description'],
        });
        const input = EntryInputSchema.parse(upload.fields);
        return contests.submit(contestId, identity.objectId, input, upload.image);
      });
      res.status(201);
      res.json({ id: entry.id } satisfies Api.Created);
    }),
  );

  server.get(
    '/api/v1/contests/:id/entries/:entryId/image',
    route(async ({ identity, req, res }) => {
      const { size } = ImageQuery.parse(req.query ?? {});
      const blob = await contests.image(...entryParams(req), size, viewerOf(identity));
      for (const [name, value] of IMAGE_HEADERS) res.setHeader(name, value);
      res.setHeader('content-type', blob.contentType);
      res.setHeader('content-length', blob.data.length);
      res.writeHead(200);
      res.end(blob.data);
    }),
  );

  server.put(
    '/api/v1/contests/:id/entries/:entryId/vote',
    route(async ({ identity, req, res }) => {
      const vote = await contests.vote(...entryParams(req), identity.objectId);
      res.json({ entryId: vote.entryId } satisfies Api.ContestVote);
    }),
  );

  server.post(
    '/api/v1/contests/:id/entries/:entryId/hide',
    route(async ({ identity, req, res }) => {
      authorize(identity, 'admin');
      const { reason } = HideInputSchema.parse(req.body);
      const entry = await contests.hide(...entryParams(req), reason, identity.objectId);
      res.json(entryJson(entry, viewerOf(identity)));
    }),
  );

  server.post(
    '/api/v1/contests/:id/close',
    route(async ({ identity, req, res }) => {
      authorize(identity, 'admin');
      const contest = await contests.close(ContestParams.parse(req.params).id, identity.objectId);
      res.json(await summary(contest, identity));
    }),
  );

  server.get(
    '/api/v1/contests/:id/results',
    route(async ({ identity, req, res }) => {
      const results = await contests.results(ContestParams.parse(req.params).id);
      const viewer = viewerOf(identity);
      res.json({
        contestId: results.contest.id,
        winnerEntryId: results.winnerEntryId ?? null,
        entries: results.entries.map(({ entry, votes, authorName }) => ({
          ...entryJson(entry, viewer),
          votes,
          author: authorName ?? null,
        })),
      } satisfies Api.ContestResults);
    }),
  );
}
