import type restify from 'restify';

/** RFC 9457 problem details: the one error shape of the tab API. */
export function sendProblem(
  res: restify.Response,
  status: number,
  title: string,
  extra: Record<string, unknown> = {},
): void {
  res.status(status);
  res.setHeader('content-type', 'application/problem+json');
  res.end(JSON.stringify({ type: 'about:blank', title, status, ...extra }));
}
