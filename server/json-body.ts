import restify from 'restify';

/** How a refused body is answered: each surface has its own error shape. */
export type RefuseBody = (req: restify.Request, res: restify.Response, status: 400 | 415) => void;

/**
 * Request bodies are JSON and nothing else, but for the paths in `csvPaths` (file imports), which
 * take text/csv and nothing else. Forms and text/plain are what a web page can POST to another
 * origin without a CORS preflight (text/csv is not), and the local bot endpoint has no
 * authentication; a declared type other than the path's is refused (415) before the body is
 * read, and JSON that does not parse is refused (400) without the parser's message.
 */
export function jsonBodies(
  maxBodySize: number,
  refuse: RefuseBody,
  csvPaths: readonly string[] = [],
): restify.RequestHandler[] {
  const onlyJson: restify.RequestHandler = (req, res, next) => {
    const type = req.header('content-type');
    const hasBody = req.isChunked() || req.getContentLength() > 0;
    const accepted = csvPaths.includes(req.getPath()) ? isCsv : isJson;
    if ((type || hasBody) && !accepted(type)) {
      refuse(req, res, 415);
      return next(false);
    }
    return next();
  };
  const parse: restify.RequestHandler = (req, res, next) => {
    // The reader leaves a JSON body as text, and no body at all when there was none.
    if (typeof req.body !== 'string' || csvPaths.includes(req.getPath())) return next();
    try {
      req.body = JSON.parse(req.body) as unknown;
    } catch {
      refuse(req, res, 400);
      return next(false);
    }
    return next();
  };
  return [onlyJson, restify.plugins.bodyReader({ maxBodySize }), parse];
}

const mediaType = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase();

function isJson(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'application/json';
}

function isCsv(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'text/csv';
}
