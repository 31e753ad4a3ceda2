import users from '../content/demo/playground-users.json';
import type { CampaignList, CreatedId, Departments, PostDetail } from '../tab/api/contract';
import { screenshot, WIDE } from './browser';
import { appInBrowser, demoApi } from './harness';
import { openInTeamsHost } from './teams-host';
import { expectNoSidewaysScroll, recordSidewaysScroll } from './sideways';

const GIULIA = users[0]!; // employee
const SARA = users[2]!; // facilitator and admin

/** A body that would run code if any of it reached the page as HTML. */
const HOSTILE = [
  '## Attenzione',
  '<script>window.__pwned = "script"</script>',
  '[Apri il modulo](javascript:window.__pwned="link")',
  '<img src=x onerror="window.__pwned=\'onerror\'">',
  '<a href="javascript:window.__pwned=\'raw\'" onclick="window.__pwned=\'onclick\'">Clicca qui</a>',
  '![immagine](javascript:window.__pwned="image")',
  '[Portale](https://example.org)',
].join('\n\n');

/**
 * A page that plays Teams around the personal tab opened by a deep link: it frames the tab and
 * answers teams-js as Teams does (the `content` frame context, the link's `subEntityId`, an SSO
 * token). The same as the labs' browser test, in the personal tab's frame context.
 */
const TEAMS_HOST = (tabUrl: string, subEntityId: string) => `<!doctype html><html><body>
<iframe id="tab" src="${tabUrl}" style="width:1000px;height:800px;border:0"></iframe>
<script>
  const frame = document.getElementById('tab');
  const runtime = JSON.stringify({ apiVersion: 4, supports: { pages: { appButton: {} }, teamsCore: {} } });
  const context = {
    locale: 'it-IT', theme: 'default', frameContext: 'content', entityId: 'home',
    subEntityId: '${subEntityId}', userObjectId: '${GIULIA.objectId}', tid: 't', appSessionId: 'a',
    sessionId: 's', hostClientType: 'web',
  };
  const answers = {
    initialize: () => ['content', 'web', runtime, '2.58.0'],
    getContext: () => [context],
    'authentication.getAuthToken': () => [true, 'token-of-the-host'],
  };
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
    const answer = answers[message.func];
    if (!answer) return;
    frame.contentWindow.postMessage(
      { id: message.id, uuidAsString: message.uuidAsString, args: answer(message.args || []) },
      event.origin,
    );
  });
</script></body></html>`;

interface Found {
  scripts: number;
  handlers: string[];
  javascriptUrls: string[];
  images: number;
  links: (string | null)[][];
}

/** What of the post's article could run: script elements, `on*` attributes, `javascript:` URLs. */
const INSPECT_ARTICLE = `(() => {
  const root = document.querySelector('article');
  const elements = [...root.querySelectorAll('*')];
  const attributes = elements.flatMap((el) => [...el.attributes]);
  return {
    scripts: root.querySelectorAll('script').length,
    handlers: attributes.filter((a) => /^on/i.test(a.name)).map((a) => a.name),
    javascriptUrls: attributes.filter((a) => /^\\s*javascript:/i.test(a.value)).map((a) => a.name),
    images: root.querySelectorAll('img').length,
    links: [...root.querySelectorAll('a[href]')].map((a) => [
      a.getAttribute('href'),
      a.getAttribute('target'),
      a.getAttribute('rel'),
    ]),
  };
})()`;

describe('the Spazio facilitatori in a browser (demo identities)', () => {
  const ctx = appInBrowser(WIDE);

  it('writes, publishes, reads and finds a post by a stemmed word', async () => {
    const page = ctx.page;
    await recordSidewaysScroll(page);
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}`);
    await page.getByRole('tab', { name: 'Spazio facilitatori' }).click({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Nuovo contenuto' }).click({ timeout: 15_000 });
    await page.getByRole('textbox', { name: /^Titolo/ }).fill('Riunioni in Teams');
    await page.getByRole('textbox', { name: /^Sintesi/ }).fill('Come organizzarle bene.');
    await page.getByRole('textbox', { name: /^Parole chiave/ }).fill('riunioni, teams');
    await page
      .getByRole('textbox', { name: /^Testo/ })
      .fill(
        '## Prima della riunione\n\n- invitare le persone giuste\n- condividere l’ordine del giorno',
      );
    await page.getByRole('tab', { name: 'Anteprima' }).click();
    await page.getByRole('heading', { name: 'Prima della riunione' }).waitFor();
    await expectNoSidewaysScroll(page, 'workspace-editor');
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await page.getByRole('status').filter({ hasText: 'Salvato.' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Pubblica…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pubblica', exact: true }).click();
    await page.getByRole('heading', { name: 'Riunioni in Teams', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Utile · 0' }).waitFor();
    await screenshot(page, 'workspace-post-1280');

    // Giulia, an employee, finds it by another form of a word of its text.
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${GIULIA.objectId}`);
    await page.getByRole('tab', { name: 'Spazio facilitatori' }).click({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Cerca' }).fill('riunione');
    const list = page.getByRole('list', { name: 'Contenuti' });
    await list.getByRole('button', { name: 'Riunioni in Teams' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Prima della riunione' }).waitFor();
    await page.getByRole('button', { name: 'Utile · 0' }).click();
    await page.getByRole('button', { name: 'Utile · 1', pressed: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Nuovo contenuto' }).count()).toBe(0);
    await expectNoSidewaysScroll(page, 'workspace-read');
  }, 180_000);

  it('announces a post in 1:1 chat to the departments chosen in a searchable list', async () => {
    const page = ctx.page;
    const { departments } = await demoApi<Departments>(ctx, SARA, '/api/v1/campaigns/departments');
    const [first, second] = [departments[0]!, departments[1]!];
    const { id } = await demoApi<CreatedId>(ctx, SARA, '/api/v1/posts', {
      title: 'Nuovi orari degli sportelli',
      body: 'Da lunedì gli sportelli aprono alle 8.',
      category: 'news',
    });
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}&post=${id}`);
    await page.getByRole('button', { name: 'Pubblica…' }).click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'Pubblicare il contenuto?' });
    await dialog.getByRole('radio', { name: 'Le persone di alcune aree' }).check();
    const publish = dialog.getByRole('button', { name: 'Pubblica', exact: true });
    expect(await publish.isDisabled()).toBe(true);

    const box = dialog.getByRole('combobox', { name: /^Aree/ });
    await box.click();
    await box.fill(first.slice(first.indexOf(' ') + 1, first.indexOf(' ') + 5).toLowerCase());
    await page.getByRole('menuitemcheckbox', { name: first }).click();
    // The keyboard chooses too; Enter in the box chooses, and does not publish.
    await box.fill(second.toLowerCase());
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const chosen = dialog.getByRole('toolbar', { name: 'Aree scelte' });
    const tags = await chosen.getByRole('button').all();
    expect(await Promise.all(tags.map((tag) => tag.getAttribute('value')))).toEqual([
      first,
      second,
    ]);
    await screenshot(page, 'workspace-publish-departments-1280');
    await expectNoSidewaysScroll(page, 'workspace-publish-departments', chosen);

    await publish.click();
    await page.getByRole('button', { name: 'Utile · 0' }).waitFor({ timeout: 15_000 });
    // The engine's message kind of announcements (`?kind=` takes no dot: read them all).
    const { campaigns } = await demoApi<CampaignList>(ctx, SARA, '/api/v1/campaigns');
    expect(campaigns.find((c) => c.kind === 'workspace.post')?.audience).toEqual({
      kind: 'departments',
      departments: [first, second],
    });
  }, 120_000);

  it('lets nothing executable of a hostile post reach the page', async () => {
    const page = ctx.page;
    const base = ctx.app.botUrl;
    const { id } = await demoApi<CreatedId>(ctx, SARA, '/api/v1/posts', {
      title: 'Un contenuto ostile',
      body: HOSTILE,
      category: 'news',
    });
    await demoApi<PostDetail>(ctx, SARA, `/api/v1/posts/${id}/publish`, {});

    await page.goto(`${base}/tab/?lang=it-IT&user=${GIULIA.objectId}&post=${id}`);
    const article = page.getByRole('article');
    await article.getByRole('heading', { name: 'Attenzione' }).waitFor({ timeout: 30_000 });
    await article.getByText('Apri il modulo').click();
    await article
      .getByText('Clicca qui')
      .click()
      .catch(() => undefined);
    // Read in the page (this project's e2e code has no DOM types).
    const found = await page.evaluate<Found>(INSPECT_ARTICLE);
    expect(found).toEqual({
      scripts: 0,
      handlers: [],
      javascriptUrls: [],
      images: 0,
      links: [['https://example.org', '_blank', 'noopener noreferrer']],
    });
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await screenshot(page, 'workspace-hostile-1280');
  }, 120_000);

  it("opens a Teams deep link's post inside Teams", async () => {
    const page = ctx.page;
    const base = ctx.app.botUrl;
    const { id } = await demoApi<CreatedId>(ctx, SARA, '/api/v1/posts', {
      title: 'Aperto da un collegamento',
      body: 'Dal messaggio di annuncio.',
      category: 'news',
    });
    await demoApi<PostDetail>(ctx, SARA, `/api/v1/posts/${id}/publish`, {});
    await openInTeamsHost(page, {
      base,
      tabRoute: `${base}/tab/`,
      user: GIULIA.objectId,
      hostPage: TEAMS_HOST(`${base}/tab/`, `post:${id}`),
    });
    const tab = page.frameLocator('#tab');
    await tab
      .getByRole('heading', { name: 'Aperto da un collegamento', level: 2 })
      .waitFor({ timeout: 30_000 });
    await tab.getByRole('tab', { name: 'Spazio facilitatori', selected: true }).waitFor();
    await page.unrouteAll();
  }, 120_000);
});
