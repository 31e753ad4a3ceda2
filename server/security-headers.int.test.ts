import { readFileSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import { silentLogger } from '../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../test/store';
import { createBotServer, createServices, createTabAuthenticator, type Services } from './app';
import { inlineStyleHashes, TAB_FRAME_ANCESTORS } from './security-headers';

const INDEX_HTML = path.resolve(__dirname, '../tab/web/dist/index.html');

async function serve(services: Services, hsts?: boolean): Promise<[restify.Server, string]> {
  const authenticate = createTabAuthenticator({ tabAuth: { mode: 'demo' }, env: 'test' }, services);
  const server = createBotServer(
    { botAuth: { mode: 'local' }, authenticate, hsts },
    services,
    silentLogger,
  );
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return [server, `http://127.0.0.1:${server.address().port}`];
}

const directives = (policy: string | null): Map<string, string> =>
  new Map(
    (policy ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name ?? '', values.join(' ')];
    }),
  );

describe('security headers on every response', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    [server, base] = await serve(services);
  });
  afterAll(async () => {
    server.close();
    await drop();
  });

  it('gives the tab a policy for what it loads, framed only by Teams and Microsoft 365', async () => {
    for (const page of ['/tab/', '/tab/index.html']) {
      const response = await fetch(`${base}${page}`);
      expect(response.status).toBe(200);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toBe(TAB_FRAME_ANCESTORS.join(' '));
      expect(csp.get('frame-ancestors')).toContain('https://*.cloud.microsoft');
      expect(csp.get('frame-ancestors')).not.toContain("'self'");
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('connect-src')).toBe("'self' https://res.cdn.office.net");
      expect(csp.get('object-src')).toBe("'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it("allows the built page's inline style and empty style elements by hash, no other inline style", async () => {
    const html = readFileSync(INDEX_HTML, 'utf8');
    expect(inlineStyleHashes(html)).toHaveLength(1);
    const response = await fetch(`${base}/tab/`);
    expect(directives(response.headers.get('content-security-policy')).get('style-src')).toBe(
      `'self' ${inlineStyleHashes('<style></style>')[0]} ${inlineStyleHashes(html)[0]}`,
    );
    expect(inlineStyleHashes('<style>body{margin:0}</style>')).toEqual([
      "'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='",
    ]);
  });

  it.each([
    ['GET', '/healthz', 200],
    ['GET', '/api/v1/me', 401],
    ['POST', '/api/messages', 400],
    ['GET', '/nothing-here', 404],
    ['GET', '/tab/assets/missing.js', 404],
  ])('closes %s %s (%i) to framing and loading', async (method, route, status) => {
    const response = await fetch(
      `${base}${route}`,
      method === 'POST'
        ? { method, headers: { 'content-type': 'application/json' }, body: '{}' }
        : undefined,
    );
    expect(response.status).toBe(status);
    const expected = route.startsWith('/tab/')
      ? expect.stringContaining('frame-ancestors https://*.cloud.microsoft')
      : "default-src 'none'; frame-ancestors 'none'";
    expect(response.headers.get('content-security-policy')).toEqual(expected);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('adds HSTS to every response in production', async () => {
    const [production, url] = await serve(services, true);
    try {
      for (const route of ['/tab/', '/healthz', '/api/v1/me']) {
        const response = await fetch(`${url}${route}`);
        expect(response.headers.get('strict-transport-security')).toBe(
          'max-age=31536000; includeSubDomains',
        );
      }
    } finally {
      production.close();
    }
  });
});
