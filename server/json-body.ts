import restify from 'restify';

/** How a refused body is answered: each surface has its own error shape. */
export type RefuseBody = (req: restify.Request, res: restify.Response, status: 400 | 415) => void;

/**
 * Request bodies are JSON and nothing else, but for the paths in `csvPaths` (file imports), which
 * take text/csv and nothing else, and the paths `uploadPaths` matches (image uploads), which take
 * multipart/form-data and nothing else and whose body is left unread for the route to stream
 * with its own limits (tab/api/multipart.ts). Forms and text/plain are what a web page can POST to another
 * origin without a CORS preflight (text/csv is not), and the local bot endpoint has no
 * authentication; a declared type other than the path's is refused (415) before the body is
 * read, and JSON that does not parse is refused (400) without the parser's message.
 */
export function jsonBodies(
  maxBodySize: number,
  refuse: RefuseBody,
  csvPaths: readonly string[] = [],
  uploadPaths: readonly RegExp[] = [],
): restify.RequestHandler[] {
  const isUpload = (req: restify.Request) =>
    req.method === 'POST' && uploadPaths.some((path) => path.test(req.getPath()));
  const onlyJson: restify.RequestHandler = (req, res, next) => {
    const type = req.header('content-type');
    const hasBody = req.isChunked() || req.getContentLength() > 0;
    const accepted = isUpload(req)
      ? isMultipart
      : csvPaths.includes(req.getPath())
        ? isCsv
        : isJson;
    if ((type || hasBody) && !accepted(type)) {
      refuse(req, res, 415);
      return next(false);
    }
    return next();
  };
  const parse: restify.RequestHandler = (req, res, next) => {
    // The reader leaves a JSON body as text, and no body at all when there was none (an empty
    // one, too: a GET that declares JSON out of habit has nothing to parse).
    if (req.body === '') req.body = undefined;
    if (typeof req.body !== 'string' || csvPaths.includes(req.getPath())) return next();
    try {
      req.body = JSON.parse(req.body) as unknown;
    } catch {
      refuse(req, res, 400);
      return next(false);
    }
    return next();
  };
  const reader = restify.plugins.bodyReader({ maxBodySize });
  const read: restify.RequestHandler = (req, res, next) => {
    if (isUpload(req)) return next();
    reader(req, res, next);
  };
  return [onlyJson, read, parse];
}

const mediaType = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase();

function isJson(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'application/json';
}

function isCsv(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'text/csv';
}

function isMultipart(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'multipart/form-data';
}
