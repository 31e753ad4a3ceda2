/*
 * Labs (issue 15): the tab API. Request and response types: tab/api/contract.ts (Lab…).
 * Every route authenticates; "reader" = anyone who may see the lab (a private lab: its members,
 * invited people, and admins; anyone else gets 404 as if it did not exist). 400 bad body or
 * query, 401 no identity, 403 not allowed, 404 unknown (or invisible) lab / task / update,
 * 409 state conflict (concluded lab, already a member, …), 412 stale task, 428 missing If-Match,
 * 429 too many writes (Retry-After).
 *
 * | method | path                                           | who                      | answers                      |
 * | ------ | ---------------------------------------------- | ------------------------ | ---------------------------- |
 * | GET    | /api/v1/labs/themes                            | everyone                 | 200 LabThemes                |
 * | POST   | /api/v1/labs/themes                            | admins                   | 201 LabTheme                 |
 * | GET    | /api/v1/labs?theme=&status=&mine=lead\|member  | everyone                 | 200 LabList                  |
 * | POST   | /api/v1/labs                                   | facilitators, admins     | 201 CreatedLab; 403          |
 * | GET    | /api/v1/labs/overview                          | managers, admins         | 200 LabOverview; 403         |
 * | GET    | /api/v1/labs/overview.csv                      | managers, admins         | 200 text/csv; 403            |
 * | GET    | /api/v1/labs/teams                             | facilitators, admins     | 200 KnownTeams; 403          |
 * | GET    | /api/v1/labs/people?q=                         | facilitators, admins     | 200 LabPeopleSearch; 403     |
 * | GET    | /api/v1/labs/:id                               | reader                   | 200 Lab; 404                 |
 * | PATCH  | /api/v1/labs/:id                               | leads, admins            | 200 Lab; 403, 409            |
 * | POST   | /api/v1/labs/:id/close                         | leads, admins            | 200 Lab; 403, 409            |
 * | PUT    | /api/v1/labs/:id/channel                       | leads, admins            | 200 LabChannel; 404 unknown channel, 403 |
 * | DELETE | /api/v1/labs/:id/channel                       | leads, admins            | 204; 403                     |
 * | POST   | /api/v1/labs/:id/join                          | reader                   | 200 Lab (invited: joins; else asks); 409 |
 * | POST   | /api/v1/labs/:id/leave                         | members, invited, asking | 200 Lab; 409 the last lead   |
 * | POST   | /api/v1/labs/:id/requests/:objectId/approve    | leads, admins            | 200 Lab; 404 no request; 403 |
 * | POST   | /api/v1/labs/:id/requests/:objectId/decline    | leads, admins            | 200 Lab; 404 no request; 403 |
 * | POST   | /api/v1/labs/:id/members                       | leads, admins            | 200 Lab (invitations sent); 403, 409 |
 * | PATCH  | /api/v1/labs/:id/members/:objectId             | leads, admins            | 200 Lab; 404; 409 the last lead |
 * | DELETE | /api/v1/labs/:id/members/:objectId             | leads, admins            | 200 Lab; 404; 409 the last lead |
 * | POST   | /api/v1/labs/:id/tasks                         | members, leads, admins   | 201 LabTask + ETag; 403      |
 * | PATCH  | /api/v1/labs/:id/tasks/:taskId  (If-Match)     | members, leads, admins   | 200 LabTask + ETag; 412 LabTaskConflict; 428 |
 * | DELETE | /api/v1/labs/:id/tasks/:taskId  (If-Match)     | members, leads, admins   | 204; 412 LabTaskConflict; 428 |
 * | POST   | /api/v1/labs/:id/milestones                    | members, leads, admins   | 201 LabMilestone             |
 * | PATCH  | /api/v1/labs/:id/milestones/:milestoneId       | members, leads, admins   | 200 LabMilestone; 404        |
 * | DELETE | /api/v1/labs/:id/milestones/:milestoneId       | members, leads, admins   | 204; 404                     |
 * | POST   | /api/v1/labs/:id/notes                         | members, leads, admins   | 201 LabNote                  |
 * | POST   | /api/v1/labs/:id/updates                       | leads, admins            | 201 LabUpdate; 403           |
 * | POST   | /api/v1/labs/:id/updates/:updateId/retry       | leads, admins            | 202 LabUpdate; 409 not failed |
 *
 * Writes to a concluded lab (other than reading) answer 409, except PATCH of its settings by admins.
 */
