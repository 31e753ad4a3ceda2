/**
 * Call4Ideas (issue 16): the tab API's routes. Types in ./contract.ts (Idea*). Every route
 * authenticates; every body is schema-parsed; errors are localised problem+json (400 bad input,
 * 403 not allowed, 404 unknown or hidden from the caller, 409 conflict, 429 write limit).
 *
 * | method | path                                               | who                  | answers                          |
 * |--------|----------------------------------------------------|----------------------|----------------------------------|
 * | GET    | /api/v1/idea-calls                                 | everyone             | 200 IdeaCallList                 |
 * | POST   | /api/v1/idea-calls                                 | admins               | 201 CreatedId; 409 overlap       |
 * | PUT    | /api/v1/idea-calls/:id                             | admins               | 200 IdeaCall; 404; 409 overlap   |
 * | DELETE | /api/v1/idea-calls/:id                             | admins               | 204; 409 when it has ideas       |
 * | GET    | /api/v1/ideas                                      | everyone             | 200 IdeaList                     |
 * | POST   | /api/v1/ideas                                      | everyone             | 201 CreatedId; 409 no open call  |
 * | GET    | /api/v1/ideas/similar?text=                        | everyone             | 200 SimilarIdeas                 |
 * | GET    | /api/v1/ideas/pipeline?call=                       | admins               | 200 IdeaPipeline                 |
 * | GET    | /api/v1/ideas.csv?call=                            | admins               | 200 text/csv                     |
 * | GET    | /api/v1/ideas/:id                                  | everyone (see below) | 200 IdeaDetail; 404              |
 * | PUT    | /api/v1/ideas/:id/vote                             | everyone             | 200 IdeaVote; 409 call closed/merged/hidden |
 * | DELETE | /api/v1/ideas/:id/vote                             | everyone             | 200 IdeaVote                     |
 * | POST   | /api/v1/ideas/:id/amendments                       | everyone but authors | 201 CreatedId; 403; 409 closed   |
 * | POST   | /api/v1/ideas/:id/amendments/:amendmentId/accept   | the idea's authors   | 200 IdeaDetail; 403; 409 decided |
 * | POST   | /api/v1/ideas/:id/amendments/:amendmentId/reject   | the idea's authors   | 200 IdeaDetail; 403; 409 decided |
 * | GET    | /api/v1/ideas/:id/comments                         | everyone (see below) | 200 IdeaCommentList              |
 * | POST   | /api/v1/ideas/:id/comments                         | everyone             | 201 CreatedId; 404 parent        |
 * | POST   | /api/v1/ideas/:id/comments/:commentId/hide         | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/comments/:commentId/restore      | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/hide                             | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/restore                          | admins               | 204                              |
 * | POST   | /api/v1/ideas/:id/status                           | admins               | 200 IdeaDetail; 409 bad move     |
 * | POST   | /api/v1/ideas/:id/merge                            | admins               | 200 IdeaDetail; 409 chain/self   |
 * | POST   | /api/v1/ideas/:id/unmerge                          | admins               | 200 IdeaDetail; 409 not merged   |
 *
 * A hidden idea is seen (detail, comments) only by its authors and admins; others get 404.
 */
