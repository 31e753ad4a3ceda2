/**
 * The facilitators' workspace (issue 18): posts. Types in ./contract.ts (Post*). Every route
 * authenticates; every body is schema-parsed; errors are localised problem+json (400 bad input,
 * 403 not allowed, 404 unknown or hidden from the caller, 409 conflict, 412 stale edit, 413 file
 * too large, 415 file type refused, 428 missing If-Match, 429 write limit).
 *
 * | method | path                                          | who                         | answers                                  |
 * |--------|-----------------------------------------------|-----------------------------|------------------------------------------|
 * | GET    | /api/v1/posts?q=&category=&tag=&state=        | everyone (drafts: see below)| 200 PostList                             |
 * | POST   | /api/v1/posts                                 | facilitators, admins        | 201 CreatedId + ETag; 403                |
 * | GET    | /api/v1/posts/channels                        | admins                      | 200 PostChannels                         |
 * | PUT    | /api/v1/posts/channels                        | admins                      | 200 PostChannels; 404 unknown channel    |
 * | GET    | /api/v1/posts/:id                             | everyone (drafts: see below)| 200 PostDetail + ETag; 404               |
 * | PUT    | /api/v1/posts/:id  (If-Match)                 | the author, admins          | 200 PostDetail + ETag; 403; 412 PostConflict; 428 |
 * | DELETE | /api/v1/posts/:id                             | the author, admins (reason) | 204; 403; 404                            |
 * | POST   | /api/v1/posts/:id/publish                     | the author, admins          | 200 PostDetail; 409 published / channel not linked |
 * | GET    | /api/v1/posts/:id/versions                    | whoever may read it         | 200 PostVersions                         |
 * | PUT    | /api/v1/posts/:id/useful                      | everyone (published)        | 200 PostUseful; 409 draft                |
 * | DELETE | /api/v1/posts/:id/useful                      | everyone                    | 200 PostUseful                           |
 * | POST   | /api/v1/posts/:id/attachments (multipart)     | the author, admins          | 201 PostAttachment; 413; 415             |
 * | GET    | /api/v1/posts/:id/attachments/:attachmentId   | whoever may read it         | 200 the bytes                            |
 * | DELETE | /api/v1/posts/:id/attachments/:attachmentId   | the author, admins          | 204                                      |
 *
 * A draft is seen only by its author and admins; others get 404.
 */

import type restify from 'restify';
import { z } from 'zod';
import { departmentOf } from '../../core/directory/person';
import { translator, type Translate } from '../../core/i18n/translator';
import { postSubPage, personalTabDeepLink, postTabPath } from '../../core/tab-pages';
import type { Stored } from '../../core/store/entity-table';
import {
  type Attachment,
  POST_CATEGORIES,
  POST_ID,
  POST_LIMITS,
  PostInput,
  type Post,
  type PostVersion,
  type Signer,
} from '../../core/workspace/post';
import type { Actor, PostsService } from '../../core/workspace/posts.service';
import { StalePostError, WorkspaceError } from '../../core/workspace/workspace-errors';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import type { AnnouncementChannels } from '../../core/workspace/announcement-channels';
import { AttachmentError, type PostAttachments } from '../../core/workspace/attachments';
import { mayBeDocument } from '../../core/workspace/documents';
import { MAX_ATTACHMENT_BYTES } from '../../core/workspace/post';
import { sniffImage, type ImagePipeline } from '../../core/media/images';
import { adminOnly } from './admin-only';
import { readUpload } from './multipart';
import { hasRole, type Identity } from './auth/identity';
import type * as Api from './contract';
import { sendProblem } from './problem';
import type { Call, Handler, Route } from './route';

export interface PostsApiDeps {
  posts: PostsService;
  attachments: PostAttachments;
  images: ImagePipeline;
  announcementChannels: AnnouncementChannels;
  limits: AbuseLimits;
  teamsAppId?: string | undefined;
}

const MAX_PAGE = 50;

const IdParams = z.object({ id: z.string().regex(POST_ID) });
const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(POST_CATEGORIES).optional(),
  tag: z.string().trim().toLowerCase().max(POST_LIMITS.tag).optional(),
  state: z.enum(['published', 'draft']).default('published'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(20),
});
const Audience = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('everyone') }),
  z.strictObject({ kind: z.literal('facilitators') }),
  z.strictObject({
    kind: z.literal('departments'),
    departments: z.array(z.string().trim().min(1).max(120)).min(1).max(200),
  }),
]);
const Publication = z.strictObject({
  announce: z
    .strictObject({
      channels: z
        .array(z.enum(['facilitators', 'organisation']))
        .max(2)
        .optional(),
      chat: Audience.optional(),
    })
    .optional(),
});
const ChannelLink = z.strictObject({
  teamId: z.string().min(1).max(200),
  channelId: z.string().min(1).max(200),
});
const ChannelsChoice = z.strictObject({
  facilitators: ChannelLink.nullable(),
  organisation: ChannelLink.nullable(),
});
const Deletion = z.strictObject({
  reason: z.string().trim().min(POST_LIMITS.reason.min).max(POST_LIMITS.reason.max).optional(),
});

export function actorOf(identity: Identity): Actor {
  return {
    objectId: identity.objectId,
    name: identity.person?.displayName ?? null,
    admin: identity.roles.includes('admin'),
    writer: hasRole(identity, 'facilitator'),
  };
}

/** The one path here whose body is a form (server/http.ts leaves it unread for busboy). */
export const ATTACHMENT_UPLOAD_PATH = /^\/api\/v1\/posts\/[^/]+\/attachments$/;

const FileParams = IdParams.extend({ attachmentId: z.string().regex(/^[0-9a-f]{16}$/) });

/** Served files are never run or sniffed as a page, whatever they hold. */
const FILE_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'"],
  ['cross-origin-resource-policy', 'same-origin'],
  ['cache-control', 'private, max-age=300'],
];

const attachmentJson = (postId: string, a: Attachment): Api.PostAttachment => ({
  id: a.id,
  name: a.name,
  contentType: a.contentType,
  bytes: a.bytes,
  kind: a.kind,
  url: `/api/v1/posts/${postId}/attachments/${a.id}`,
});

const person = (t: Translate, s: Signer): Api.PostPerson =>
  s.objectId
    ? { objectId: s.objectId, displayName: s.name ?? s.objectId, former: false }
    : { objectId: null, displayName: t('workspace.person.former'), former: true };

function summaryJson(t: Translate, post: Post, marked: boolean): Api.PostSummary {
  return {
    id: post.id,
    title: post.title,
    summary: post.summary,
    category: post.category,
    tags: post.tags,
    state: post.state,
    author: person(t, post.author),
    createdAt: post.createdAt.toISOString(),
    publishedAt: post.publishedAt?.toISOString() ?? null,
    updatedAt: post.updatedAt.toISOString(),
    version: post.version,
    useful: post.useful,
    marked,
  };
}

function versionJson(t: Translate, v: PostVersion): Api.PostVersion {
  return {
    version: v.version,
    title: v.title,
    summary: v.summary,
    body: v.body,
    category: v.category,
    tags: v.tags,
    editor: person(t, v.editor),
    at: v.at.toISOString(),
  };
}

export function registerPostsApi(
  server: restify.Server,
  route: Route,
  { posts, attachments, images, announcementChannels, limits, teamsAppId }: PostsApiDeps,
): void {
  const detailJson = async (call: Call, stored: Stored<Post>): Promise<Api.PostDetail> => {
    const { identity } = call;
    const t = translator(call.locale);
    const actor = actorOf(identity);
    const post = stored.value;
    const department = identity.person ? departmentOf(identity.person) : null;
    const [marked, facilitators] = await Promise.all([
      posts.markedBy(actor),
      posts.facilitatorsOf(department),
    ]);
    const may = posts.mayChange(actor, post);
    return {
      ...summaryJson(t, post, marked.has(post.id)),
      body: post.body,
      attachments: post.attachments.map((a) => attachmentJson(post.id, a)),
      facilitators: facilitators.map((f) => ({ objectId: f.objectId, displayName: f.name })),
      department,
      links: {
        tab: postTabPath(post.id),
        teams: teamsAppId ? personalTabDeepLink(teamsAppId, postSubPage(post.id)) : null,
      },
      etag: stored.etag,
      may: {
        edit: may,
        publish: may && post.state === 'draft',
        delete: may,
        mark: post.state === 'published',
      },
    };
  };

  const sendDetail = async (call: Call, stored: Stored<Post>) => {
    call.res.setHeader('etag', stored.etag);
    call.res.json(await detailJson(call, stored));
  };

  /** An edit: `If-Match` required; a stale one answers 412 with the post as it is now. */
  const editRoute =
    (work: (call: Call, etag: string) => Promise<void>): Handler =>
    async (call) => {
      const etag = call.req.header('if-match');
      if (!etag) throw new WorkspaceError('missingIfMatch');
      try {
        await work(call, etag);
      } catch (error) {
        if (!(error instanceof StalePostError)) throw error;
        const stale = error as StalePostError<Post>;
        const current = await detailJson(call, { value: stale.current, etag: stale.etag });
        call.res.setHeader('etag', stale.etag);
        sendProblem(call.res, 412, stale.describe(translator(call.locale)), {
          code: 'posts.stale',
          current,
        } satisfies Omit<Api.PostConflict, 'type' | 'title' | 'status'>);
      }
    };

  server.get(
    '/api/v1/posts',
    route(async ({ identity, locale, req, res }) => {
      const query = ListQuery.parse(req.query ?? {});
      const t = translator(locale);
      const actor = actorOf(identity);
      const found = await posts.list(actor, {
        ...(query.q !== undefined && { q: query.q }),
        ...(query.category !== undefined && { category: query.category }),
        ...(query.tag !== undefined && { tag: query.tag }),
        ...(query.state === 'draft' && { drafts: {} }),
      });
      const page = found.slice(query.offset, query.offset + query.limit);
      const marked = await posts.markedBy(actor);
      res.json({
        posts: page.map((p) => summaryJson(t, p, marked.has(p.id))),
        total: found.length,
        offset: query.offset,
        tags: await posts.tags(),
      } satisfies Api.PostList);
    }),
  );

  server.post(
    '/api/v1/posts',
    route(async ({ identity, req, res }) => {
      const actor = actorOf(identity);
      if (!actor.writer) throw new WorkspaceError('writersOnly');
      const input = PostInput.parse(req.body ?? {});
      limits.admit('workspacePost', actor.objectId);
      const created = await posts.create(actor, input);
      res.setHeader('etag', created.etag);
      res.status(201);
      res.json({ id: created.value.id } satisfies Api.CreatedId);
    }),
  );

  server.get(
    '/api/v1/posts/channels',
    route(
      adminOnly(async ({ res }) => {
        res.json((await announcementChannels.chosen()) satisfies Api.PostChannels);
      }),
    ),
  );

  server.put(
    '/api/v1/posts/channels',
    route(
      adminOnly(async ({ req, res }) => {
        await announcementChannels.choose(ChannelsChoice.parse(req.body ?? {}));
        res.json((await announcementChannels.chosen()) satisfies Api.PostChannels);
      }),
    ),
  );

  server.get(
    '/api/v1/posts/:id',
    route(async (call) => {
      const { id } = IdParams.parse(call.req.params);
      await sendDetail(call, await posts.read(actorOf(call.identity), id));
    }),
  );

  server.put(
    '/api/v1/posts/:id',
    route(
      editRoute(async (call, etag) => {
        const { id } = IdParams.parse(call.req.params);
        const actor = actorOf(call.identity);
        if (!actor.writer) throw new WorkspaceError('writersOnly');
        const input = PostInput.parse(call.req.body ?? {});
        limits.admit('workspacePost', actor.objectId);
        await sendDetail(call, await posts.edit(actor, id, input, etag));
      }),
    ),
  );

  server.del(
    '/api/v1/posts/:id',
    route(async ({ identity, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const { reason } = Deletion.parse(req.body ?? {});
      await posts.remove(actorOf(identity), id, reason);
      res.status(204);
      res.end();
    }),
  );

  server.post(
    '/api/v1/posts/:id/publish',
    route(async (call) => {
      const { id } = IdParams.parse(call.req.params);
      const { announce } = Publication.parse(call.req.body ?? {});
      const actor = actorOf(call.identity);
      await sendDetail(call, await posts.publish(actor, id, announce ?? {}));
    }),
  );

  server.get(
    '/api/v1/posts/:id/versions',
    route(async ({ identity, locale, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const t = translator(locale);
      const versions = await posts.versions(actorOf(identity), id);
      res.json({ versions: versions.map((v) => versionJson(t, v)) } satisfies Api.PostVersions);
    }),
  );

  for (const [method, on] of [
    ['put', true],
    ['del', false],
  ] as const) {
    server[method](
      '/api/v1/posts/:id/useful',
      route(async ({ identity, req, res }) => {
        const { id } = IdParams.parse(req.params);
        limits.admit('workspaceMark', identity.objectId);
        res.json((await posts.mark(actorOf(identity), id, on)) satisfies Api.PostUseful);
      }),
    );
  }

  server.post(
    '/api/v1/posts/:id/attachments',
    route(async ({ identity, req, res }) => {
      const { id } = IdParams.parse(req.params);
      const actor = actorOf(identity);
      if (!actor.writer) throw new WorkspaceError('writersOnly');
      limits.admit('workspacePost', actor.objectId);
      const { attachment, etag } = await images.admit(async () => {
        const upload = await readUpload(req, res, {
          fileField: 'file',
          fields: [],
          maxBytes: MAX_ATTACHMENT_BYTES,
          accepts: (head) => sniffImage(head) !== undefined || mayBeDocument(head),
          refuse: (problem) => new AttachmentError(problem),
        });
        return attachments.attach(actor, id, upload);
      });
      res.setHeader('etag', etag);
      res.status(201);
      res.json(attachmentJson(id, attachment));
    }),
  );

  server.get(
    '/api/v1/posts/:id/attachments/:attachmentId',
    route(async ({ identity, req, res }) => {
      const { id, attachmentId } = FileParams.parse(req.params);
      const { attachment, blob } = await attachments.file(actorOf(identity), id, attachmentId);
      for (const [name, value] of FILE_HEADERS) res.setHeader(name, value);
      const disposition = attachment.kind === 'image' ? 'inline' : 'attachment';
      res.setHeader(
        'content-disposition',
        `${disposition}; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      );
      res.setHeader('content-type', attachment.contentType);
      res.setHeader('content-length', blob.data.length);
      res.writeHead(200);
      res.end(blob.data);
    }),
  );

  server.del(
    '/api/v1/posts/:id/attachments/:attachmentId',
    route(async ({ identity, req, res }) => {
      const { id, attachmentId } = FileParams.parse(req.params);
      await attachments.detach(actorOf(identity), id, attachmentId);
      res.status(204);
      res.end();
    }),
  );
}
