export const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** An RFC 9457 problem, as the tab API sends refusals. */
export const problem = (status: number, title: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: 'about:blank', status, title, ...extra }, 'application/problem+json');
