import users from '../content/demo/playground-users.json';
import type { CreatedLab, Lab, LabTask } from '../tab/api/contract';
import { screenshot, WIDE } from './browser';
import { appInBrowser, demoApi } from './harness';
import { openInTeamsHost } from './teams-host';
import { expectNoSidewaysScroll, recordSidewaysScroll } from './sideways';

const SARA = users[2]!; // facilitator and admin
const TEAM = '19:labs-team@thread.tacv2';
const CHANNEL = '19:labs-channel@thread.tacv2';

/**
 * A page that plays the Teams host for the channel tab's configuration page: it frames the tab
 * and answers teams-js's messages as Teams does (initialize in the `settings` frame context, the
 * context with the team and channel, an SSO token), records `setValidityState` and the saved
 * setting, and sends Save when the test presses it.
 */
const HOST_PAGE = (tabUrl: string) => `<!doctype html><html><body>
<iframe id="tab" src="${tabUrl}" style="width:600px;height:700px;border:0"></iframe>
<script>
  const frame = document.getElementById('tab');
  window.host = { valid: [], saved: null, saveDone: false };
  const runtime = JSON.stringify({ apiVersion: 4, supports: { pages: { config: {}, appButton: {} }, teamsCore: {} } });
  const context = {
    locale: 'it-IT', theme: 'default', frameContext: 'settings', entityId: '',
    teamId: '${TEAM}', channelId: '${CHANNEL}', teamName: 'Innovazione', channelName: 'Laboratori',
    userObjectId: '${SARA.objectId}', tid: 't', appSessionId: 'a', sessionId: 's', hostClientType: 'web',
  };
  const answers = {
    initialize: () => ['settings', 'web', runtime, '2.58.0'],
    getContext: () => [context],
    'authentication.getAuthToken': () => [true, 'token-of-the-host'],
    'settings.setValidityState': (args) => (window.host.valid.push(args[0]), []),
    'settings.setSettings': (args) => ((window.host.saved = args[0]), [true]),
  };
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
    if (message.func === 'settings.save.success') window.host.saveDone = true;
    const answer = answers[message.func];
    if (!answer) return;
    frame.contentWindow.postMessage(
      { id: message.id, uuidAsString: message.uuidAsString, args: answer(message.args || []) },
      event.origin,
    );
  });
  window.host.save = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
</script></body></html>`;

/** Reads `read` until it answers `wanted` (the page and the server work on their own time). */
async function eventually<T>(read: () => Promise<T>, wanted: T): Promise<void> {
  let last: T | undefined;
  for (let attempt = 0; attempt < 150; attempt++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(wanted)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last).toEqual(wanted);
}

describe('the Laboratori screens in a browser (demo identities)', () => {
  const ctx = appInBrowser(WIDE);
  let lab: CreatedLab;

  beforeAll(async () => {
    const { themes } = await demoApi<{ themes: { id: string }[] }>(
      ctx,
      SARA,
      '/api/v1/labs/themes',
    );
    lab = await demoApi<CreatedLab>(ctx, SARA, '/api/v1/labs', {
      theme: themes[0]!.id,
      title: 'Planner comune per i settori',
      goal: 'Un solo strumento condiviso per seguire le attività degli uffici, al posto di fogli sparsi.',
    });
    for (const title of ['Mappare gli strumenti in uso', 'Sentire i settori pilota']) {
      await demoApi<LabTask>(ctx, SARA, `/api/v1/labs/${lab.id}/tasks`, { title });
    }
  }, 60_000);

  it('lists the labs and moves a task on the board with the keyboard', async () => {
    const page = ctx.page;
    await recordSidewaysScroll(page);
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}`);
    await page.getByRole('tab', { name: 'Laboratori' }).click({ timeout: 30_000 });
    const list = page.getByRole('list', { name: 'Laboratori' });
    const entry = list.getByRole('button', { name: 'Planner comune per i settori' });
    await entry.waitFor({ timeout: 15_000 });
    await screenshot(page, 'labs-list-1280');
    await expectNoSidewaysScroll(page, 'labs-list');

    await entry.click();
    const todo = page.getByRole('list', { name: /^Da fare: 2/ });
    await todo.waitFor({ timeout: 15_000 });
    const task = page.getByRole('button', { name: 'Mappare gli strumenti in uso', exact: true });
    await task.focus();
    await page.keyboard.press('Shift+ArrowRight');

    const doing = page.getByRole('list', { name: /^In corso: 1/ });
    await doing
      .getByRole('button', { name: 'Mappare gli strumenti in uso', exact: true })
      .waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      '«Mappare gli strumenti in uso» spostata in In corso.',
    );
    // The keyboard focus moved with the task.
    await eventually(
      () => page.evaluate<string>('document.activeElement.textContent'),
      'Mappare gli strumenti in uso',
    );
    // Saved on the server, with the version the move was made on.
    await eventually(async () => {
      const stored = await demoApi<Lab>(ctx, SARA, `/api/v1/labs/${lab.id}`);
      return stored.tasks.find((t) => t.title === 'Mappare gli strumenti in uso')?.column;
    }, 'doing');
    await screenshot(page, 'labs-board-1280');
    await expectNoSidewaysScroll(page, 'labs-board');
  }, 120_000);

  it("configures a channel tab with teams-js's host played by the test, then opens the lab's board", async () => {
    const page = ctx.page;
    const base = ctx.app.botUrl;
    await openInTeamsHost(page, {
      base,
      tabRoute: `${base}/tab/?view=lab-config*`,
      user: SARA.objectId,
      hostPage: HOST_PAGE(`${base}/tab/?view=lab-config`),
    });
    const tab = page.frameLocator('#tab');
    const radio = tab.getByRole('radio', { name: /^Planner comune per i settori/ });
    await radio.waitFor({ timeout: 30_000 });
    expect(await page.evaluate<boolean[]>('window.host.valid')).toEqual([false]);

    await radio.check();
    const host = () => page.evaluate<HostWindow['host']>('window.host');
    await eventually(async () => (await host()).valid, [false, true]);
    // The bot does not know this team: the tab only opens the lab, it does not link the channel.
    await tab.getByRole('checkbox', { name: /in questo canale$/ }).uncheck();
    await page.evaluate('window.host.save()');
    await eventually(async () => (await host()).saveDone, true);
    const { saved } = await host();
    expect(saved).toEqual({
      entityId: `lab-${lab.id}`,
      contentUrl: `${base}/tab/?lab=${encodeURIComponent(lab.id)}`,
      websiteUrl: `${base}/tab/?lab=${encodeURIComponent(lab.id)}`,
      suggestedDisplayName: 'Planner comune per i settori',
    });
    await page.unrouteAll();

    // The saved tab (and the same URL outside Teams) opens the lab's board directly.
    await page.goto(`${saved!.contentUrl}&user=${SARA.objectId}&lang=it-IT`);
    await page.getByRole('heading', { name: 'Planner comune per i settori' }).waitFor();
    await page.getByRole('tab', { name: 'Bacheca', selected: true }).waitFor();
    await page.getByRole('list', { name: /^Fatto: 0/ }).waitFor();
    await screenshot(page, 'labs-channel-tab-1280');
  }, 120_000);
});

interface HostWindow {
  host: {
    valid: boolean[];
    saved: { contentUrl: string } | null;
    saveDone: boolean;
  };
}
