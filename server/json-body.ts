import restify from 'restify';

/** How a refused body is answered: each surface has its own error shape. */
export type RefuseBody = (req: restify.Request, res: restify.Response, status: 400 | 415) => void;

/**
 * Request bodies are JSON and nothing else. Forms and text/plain are what a web page can POST to
 * another origin without a CORS preflight, and the local bot endpoint has no authentication; a
 * declared type other than JSON is refused (415) before the body is read, and JSON that does not
 * parse is refused (400) without the parser's message.
 */
export function jsonBodies(maxBodySize: number, refuse: RefuseBody): restify.RequestHandler[] {
  const onlyJson: restify.RequestHandler = (req, res, next) => {
    const type = req.header('content-type');
    const hasBody = req.isChunked() || req.getContentLength() > 0;
    if ((type || hasBody) && !isJson(type)) {
      refuse(req, res, 415);
      return next(false);
    }
    return next();
  };
  const parse: restify.RequestHandler = (req, res, next) => {
    // The reader leaves a JSON body as text, and no body at all when there was none.
    if (typeof req.body !== 'string') return next();
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

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}
