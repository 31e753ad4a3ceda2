/*
 * Programme overview (issue 18): the tab API. Types: tab/api/contract.ts (Overview…).
 * Every route authenticates; managers see their subtree, admins everything; 400 bad query,
 * 401 no identity, 403 an employee or facilitator (or a manager without a unit), 503 while the
 * assessment's aggregates are being published (Retry-After).
 *
 * | method | path                                | who              | answers                         |
 * | ------ | ----------------------------------- | ---------------- | ------------------------------- |
 * | GET    | /api/v1/overview                    | managers, admins | 200 Overview (gzip when asked); 403 |
 * | GET    | /api/v1/overview.csv?tile=<tile>    | managers, admins | 200 text/csv (one tile, OverviewTile); 400 unknown tile; 403 |
 */
