import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import users from '../content/demo/playground-users.json';
import { screenshot } from './browser';
import { appInBrowser } from './harness';

const SARA = users[2]!; // admin: every section of the tab

/** Collects the page's Content-Security-Policy violations, in every frame. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  // A string: the tsconfig of these tests has no DOM types.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(event.violatedDirective + ' ' + event.blockedURI));`,
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** A page on an origin of its own that frames `src`. */
async function framingSite(src: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>elsewhere</title><iframe src="${src}"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

describe('the tab under its security headers, in Chromium', () => {
  const ctx = appInBrowser();

  it('works with no policy violation on every section', async () => {
    const page = await ctx.browser.newPage();
    const violations = await recordViolations(page);
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}`);
    await page.getByRole('tablist', { name: 'Sezioni di óiBO' }).waitFor({ timeout: 30_000 });
    for (const section of ['Cruscotto', 'Campagne', 'I miei risultati']) {
      await page.getByRole('tab', { name: section }).click();
      await page.getByRole('tabpanel').waitFor();
    }
    expect(violations).toEqual([]);
    await screenshot(page, 'security-headers-tab');
    await page.close();
  }, 60_000);

  it('cannot be framed by a page on another origin', async () => {
    const page = await ctx.browser.newPage();
    const site = await framingSite(`${ctx.app.botUrl}/tab/`);
    try {
      const refused = page.waitForEvent('console', (message) =>
        message.text().includes('frame-ancestors'),
      );
      await page.goto(site.url);
      expect((await refused).text()).toMatch(
        new RegExp(`^Framing '${ctx.app.botUrl}/' violates .*"frame-ancestors https://`),
      );
      await page.waitForLoadState('load');
      const framed = page.frames().filter((frame) => frame !== page.mainFrame());
      expect(framed).toHaveLength(1);
      expect(await framed[0]!.getByRole('tablist').count()).toBe(0);
    } finally {
      site.server.close();
      await page.close();
    }
  }, 60_000);

  it('loads framed by a Teams host, with teams-js and its origin list', async () => {
    const page = await ctx.browser.newPage();
    const violations = await recordViolations(page);
    // Both sides on public HTTPS origins, as in Teams: the host page stands in for Teams, and
    // the tab's origin is proxied to the app with its headers untouched.
    const host = 'https://teams.microsoft.com/_oibo-test-host';
    const tabOrigin = 'https://oibo.test';
    await page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><iframe src="${tabOrigin}/tab/?lang=it-IT"></iframe>`,
      }),
    );
    await page.route(`${tabOrigin}/**`, async (route) => {
      const url = route.request().url().replace(tabOrigin, ctx.app.botUrl);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    // teams-js is loaded only in a frame; its first act is to fetch the list of host origins.
    const originList = new Promise<string>((resolve) => {
      void page.route('https://res.cdn.office.net/**', (route) => {
        resolve(route.request().url());
        return route.fulfill({ status: 503, body: '' });
      });
    });
    try {
      await page.goto(host);
      expect(await originList).toContain('/teams-js/validDomains/');
      const frame = page.frames().find((candidate) => candidate.url().startsWith(tabOrigin));
      expect(await frame?.locator('#root').count()).toBe(1);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
