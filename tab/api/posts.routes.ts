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
