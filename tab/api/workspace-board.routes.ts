/**
 * The facilitators' community board (issue 18): questions, replies one level deep, "risolto".
 * Types in ./contract.ts (Board*). Facilitators and admins only: everyone else gets 403.
 *
 * | method | path                                       | who                   | answers                    |
 * |--------|--------------------------------------------|-----------------------|----------------------------|
 * | GET    | /api/v1/workspace/questions                | facilitators, admins  | 200 BoardQuestionList; 403 |
 * | POST   | /api/v1/workspace/questions                | facilitators, admins  | 201 CreatedId; 403         |
 * | GET    | /api/v1/workspace/questions/:id            | facilitators, admins  | 200 BoardQuestion; 404     |
 * | POST   | /api/v1/workspace/questions/:id/replies    | facilitators, admins  | 201 CreatedId; 404         |
 * | PUT    | /api/v1/workspace/questions/:id/solved     | the asker, admins     | 200 BoardQuestion; 403; 404 unknown reply |
 */
