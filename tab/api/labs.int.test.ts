import type { Activity } from 'botbuilder';
import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import {
  createBotServer,
  createChannelPoster,
  createServices,
  type Services,
} from '../../server/app';
import {
  start as startSimulator,
  type ConnectorSim,
} from '../../bench/connector-sim/connector-sim';
import { botHarness, cardsOf, cardText, silentLogger } from '../../test/bot-harness';
import type { AdaptiveCard } from '../../bot/cards/card';
import { freshStore, TEST_CONFIG } from '../../test/store';
import users from '../../content/demo/playground-users.json';
import type { ChannelPoster } from '../../core/labs/channel-poster';
import { createAuthenticator } from './auth/authenticator';
import type * as Api from './contract';
import { createTestTokenIssuer, type TestTokenIssuer } from '../../test/test-tokens';

const TENANT = '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00';
const CLIENT = '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60';
// employee, manager, admin + facilitator, facilitator, employee
const [GIULIA, MARCO, SARA, DAVIDE, ELENA] = [
  users[0]!,
  users[1]!,
  users[2]!,
  users[3]!,
  users[4]!,
];
const TEAM = '19:labs-team@thread.tacv2';
const CHANNEL = '19:labs-channel@thread.tacv2';

/** What Teams sends when the app is added to a team (teamMemberAdded for the bot). */
function teamEvent(serviceUrl: string, extra: Record<string, unknown>): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    from: { id: `29:${SARA.objectId}`, name: 'Sara Conti', aadObjectId: SARA.objectId },
    recipient: { id: '28:oibo', name: 'óiBO' },
    conversation: {
      id: TEAM,
      name: '',
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT,
    },
    serviceUrl,
    ...extra,
    channelData: {
      team: { id: TEAM, name: 'Laboratorio pagamenti' },
      tenant: { id: TENANT },
      ...(extra.channelData as object),
    },
  };
}

describe('labs over HTTP, the team registry and channel posts', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;
  let issuer: TestTokenIssuer;
  let sim: ConnectorSim;
  let poster: ChannelPoster;
  let bot: ReturnType<typeof botHarness>;

  const call = async (
    path: string,
    as: { objectId: string },
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const token = await issuer.mint({ claims: { oid: as.objectId } });
    const body = init.json !== undefined ? JSON.stringify(init.json) : undefined;
    return fetch(`${base}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'accept-language': 'it-IT',
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(body !== undefined ? { body } : {}),
    });
  };
  const lab = async (id: string, as = SARA) =>
    (await (await call(`/api/v1/labs/${id}`, as)).json()) as Api.Lab;
  const newLab = async (as = DAVIDE, extra: object = {}) => {
    const response = await call('/api/v1/labs', as, {
      json: {
        theme: 'online-payments',
        title: 'Pagamenti allo sportello',
        goal: 'POS ovunque',
        ...extra,
      },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as Api.CreatedLab).id;
  };

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    await services.directory.importPeople(generateDemoDirectory());
    issuer = await createTestTokenIssuer({ tenantId: TENANT, clientId: CLIENT });
    const authenticate = createAuthenticator(
      { mode: 'entra', tenantId: TENANT, clientId: CLIENT, jwks: issuer.jwks },
      services.directory,
    );
    server = createBotServer({ botAuth: { mode: 'local' }, authenticate }, services, silentLogger);
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
    sim = await startSimulator();
    poster = createChannelPoster(services, { mode: 'local' });
    bot = botHarness(services);
  });
  afterAll(async () => {
    await poster.stop();
    await sim.stop();
    server.close();
    await drop();
  });

  it('records the team, its serviceUrl and channels on install, and keeps channels current', async () => {
    await bot.turn(
      teamEvent(sim.url, {
        membersAdded: [{ id: '28:oibo' }],
        channelData: { eventType: 'teamMemberAdded' },
      }),
    );
    await bot.turn(
      teamEvent(sim.url, {
        channelData: { eventType: 'channelCreated', channel: { id: CHANNEL, name: 'Lavori' } },
      }),
    );
    await bot.turn(
      teamEvent(sim.url, {
        channelData: {
          eventType: 'channelRenamed',
          channel: { id: CHANNEL, name: 'Aggiornamenti' },
        },
      }),
    );
    const gone = '19:gone@thread.tacv2';
    await bot.turn(
      teamEvent(sim.url, {
        channelData: { eventType: 'channelCreated', channel: { id: gone, name: 'Vecchio' } },
      }),
    );
    await bot.turn(
      teamEvent(sim.url, { channelData: { eventType: 'channelDeleted', channel: { id: gone } } }),
    );
    const known = (await (await call('/api/v1/labs/teams', DAVIDE)).json()) as Api.KnownTeams;
    expect(known.teams).toEqual([
      {
        teamId: TEAM,
        name: 'Laboratorio pagamenti',
        channels: expect.arrayContaining([
          { channelId: TEAM, name: null },
          { channelId: CHANNEL, name: 'Aggiornamenti' },
        ]) as unknown,
      },
    ]);
    expect(known.teams[0]!.channels).toHaveLength(2);
    expect((await services.labs.teams.team(TEAM))?.serviceUrl).toBe(sim.url);
  });

  it('creates a lab for a facilitator (201) and refuses an employee (403)', async () => {
    const id = await newLab();
    const refused = await call('/api/v1/labs', GIULIA, {
      json: { theme: 'online-payments', title: 'Altro', goal: 'Altro obiettivo' },
    });
    expect(refused.status).toBe(403);
    const view = await lab(id, GIULIA);
    expect(view).toMatchObject({
      title: 'Pagamenti allo sportello',
      status: 'active',
      members: [
        { role: 'lead', person: { objectId: DAVIDE.objectId, displayName: 'Davide Marchetti' } },
      ],
      tasks: [],
      updates: [],
      permissions: { manage: false, editBoard: false, join: true },
    });
  });

  it('gives the task an ETag and answers a stale If-Match with 412 and the current task', async () => {
    const id = await newLab();
    const created = await call(`/api/v1/labs/${id}/tasks`, DAVIDE, {
      json: { title: 'Censire i POS' },
    });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;
    const task = (await created.json()) as Api.LabTask;
    expect(task.etag).toBe(etag);
    const path = `/api/v1/labs/${id}/tasks/${task.id}`;
    const moved = await call(path, DAVIDE, {
      method: 'PATCH',
      json: { column: 'doing' },
      headers: { 'if-match': etag },
    });
    expect(moved.status).toBe(200);
    const stale = await call(path, DAVIDE, {
      method: 'PATCH',
      json: { title: 'Sovrascritto' },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    const problem = (await stale.json()) as Api.LabTaskConflict;
    expect(problem).toMatchObject({
      code: 'labs.task.stale',
      current: { column: 'doing', title: 'Censire i POS' },
    });
    expect(stale.headers.get('etag')).toBe(moved.headers.get('etag'));
    const missing = await call(path, DAVIDE, { method: 'PATCH', json: { title: 'x' } });
    expect(missing.status).toBe(428);
  });

  it('posts an update to the linked channel as a new conversation and stores it', async () => {
    const id = await newLab();
    const link = await call(`/api/v1/labs/${id}/channel`, DAVIDE, {
      method: 'PUT',
      json: { teamId: TEAM, channelId: CHANNEL },
    });
    expect(link.status).toBe(200);
    expect(await link.json()).toMatchObject({ channelName: 'Aggiornamenti', available: true });
    const posted = await call(`/api/v1/labs/${id}/updates`, DAVIDE, {
      json: { title: 'Primo mese', text: '**Non** in grassetto <b>né HTML</b>' },
    });
    expect(posted.status).toBe(201);
    await poster.drain();
    const delivered = [...sim.deliveries()].filter((d) => d.conversationId === CHANNEL);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.summary).toMatch(
      /^attachments: application\/vnd\.microsoft\.card\.adaptive/,
    );
    const view = await lab(id);
    expect(view.updates).toEqual([
      expect.objectContaining({
        title: 'Primo mese',
        post: expect.objectContaining({ state: 'posted' }) as unknown,
      }),
    ]);
    expect(view.lastUpdateAt).not.toBeNull();
  });

  it('keeps a failed post with its reason and posts it on retry once fixed', async () => {
    const id = await newLab();
    await call(`/api/v1/labs/${id}/channel`, DAVIDE, {
      method: 'PUT',
      json: { teamId: TEAM, channelId: CHANNEL },
    });
    await bot.turn(
      teamEvent(sim.url, {
        membersRemoved: [{ id: '28:oibo' }],
        channelData: { eventType: 'teamMemberRemoved' },
      }),
    );
    const posted = (await (
      await call(`/api/v1/labs/${id}/updates`, DAVIDE, {
        json: { title: 'Rimosso', text: 'Non arriva' },
      })
    ).json()) as Api.LabUpdate;
    await poster.drain();
    expect((await lab(id)).updates[0]!.post).toMatchObject({
      state: 'failed',
      reason: 'appRemoved',
    });
    const early = await call(`/api/v1/labs/${id}/updates/${posted.id}/retry`, GIULIA, { json: {} });
    expect(early.status).toBe(403);
    await bot.turn(
      teamEvent(sim.url, {
        membersAdded: [{ id: '28:oibo' }],
        channelData: { eventType: 'teamMemberAdded' },
      }),
    );
    const retried = await call(`/api/v1/labs/${id}/updates/${posted.id}/retry`, DAVIDE, {
      json: {},
    });
    expect(retried.status).toBe(202);
    await poster.drain();
    expect((await lab(id)).updates[0]!.post).toMatchObject({ state: 'posted' });
    const again = await call(`/api/v1/labs/${id}/updates/${posted.id}/retry`, DAVIDE, { json: {} });
    expect(again.status).toBe(409);
  });

  it('answers "aggiornamento" in the linked channel with or without the mention, and posts the form', async () => {
    const id = await newLab();
    await call(`/api/v1/labs/${id}/channel`, DAVIDE, {
      method: 'PUT',
      json: { teamId: TEAM, channelId: CHANNEL },
    });
    const inChannel = (extra: Partial<Activity>): Partial<Activity> => ({
      from: { id: `29:${DAVIDE.objectId}`, name: 'Davide', aadObjectId: DAVIDE.objectId },
      recipient: { id: '28:oibo', name: 'óiBO' },
      conversation: {
        id: `${CHANNEL};messageid=1`,
        name: '',
        conversationType: 'channel',
        isGroup: true,
      },
      channelData: { team: { id: TEAM }, channel: { id: CHANNEL }, tenant: { id: TENANT } },
      serviceUrl: sim.url,
      ...extra,
    });
    for (const text of ['aggiornamento', '<at>óiBO</at> update', '@óiBO aggiornamento']) {
      const [form] = cardsOf(await bot.turn(inChannel({ type: 'message', text })));
      expect(cardText(form)).toContain('Pagamenti allo sportello');
    }
    const before = [...sim.deliveries()].length;
    const replies = await bot.turn(
      inChannel({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'labs.update',
            data: { labId: id, title: 'Dal canale', text: 'Scritto nella scheda', progress: '40' },
          },
        },
      }),
    );
    const answer = replies.find((a) => a.type === 'invokeResponse')?.value as {
      body: { value: AdaptiveCard };
    };
    expect(cardText(answer.body.value)).toContain('Aggiornamento salvato');
    await poster.drain();
    expect([...sim.deliveries()].length).toBe(before + 1);
    expect((await lab(id)).updates[0]).toMatchObject({ title: 'Dal canale', progress: 40 });
  });

  it('hides a private lab from everyone but its people and admins', async () => {
    const id = await newLab(DAVIDE, { private: true });
    expect((await call(`/api/v1/labs/${id}`, GIULIA)).status).toBe(404);
    expect((await call(`/api/v1/labs/${id}`, SARA)).status).toBe(200);
    const list = (await (await call('/api/v1/labs', GIULIA)).json()) as Api.LabList;
    expect(list.labs.map((l) => l.id)).not.toContain(id);
  });

  it('lets a person ask to join, a lead approve, and then the member edit tasks', async () => {
    const id = await newLab();
    expect((await call(`/api/v1/labs/${id}/tasks`, ELENA, { json: { title: 'No' } })).status).toBe(
      403,
    );
    expect((await call(`/api/v1/labs/${id}/join`, ELENA, { json: {} })).status).toBe(200);
    expect((await call(`/api/v1/labs/${id}/join`, ELENA, { json: {} })).status).toBe(409);
    const path = `/api/v1/labs/${id}/requests/${ELENA.objectId}/approve`;
    expect((await call(path, GIULIA, { json: {} })).status).toBe(403);
    const approved = (await (await call(path, DAVIDE, { json: {} })).json()) as Api.Lab;
    expect(approved.members.map((m) => m.person.objectId)).toContain(ELENA.objectId);
    expect((await call(`/api/v1/labs/${id}/tasks`, ELENA, { json: { title: 'Sì' } })).status).toBe(
      201,
    );
    expect(
      (await call(`/api/v1/labs/${id}/updates`, ELENA, { json: { title: 'Mio', text: 'x' } }))
        .status,
    ).toBe(403);
  });

  it('changes the person of the path: declines a request, makes a lead, removes a member, leaves', async () => {
    const id = await newLab();
    const members = async (path: string, as: typeof DAVIDE, init: object = { json: {} }) => {
      const response = await call(`/api/v1/labs/${id}${path}`, as, init);
      expect(response.status).toBe(200);
      return ((await response.json()) as Api.Lab).members.map((m) => [m.person.objectId, m.role]);
    };
    const elena = `/members/${ELENA.objectId}`;
    await members('/join', ELENA);
    expect(await members(`/requests/${ELENA.objectId}/decline`, DAVIDE)).toEqual([
      [DAVIDE.objectId, 'lead'],
    ]);
    await members('/join', ELENA);
    await members(`/requests/${ELENA.objectId}/approve`, DAVIDE);
    expect(
      await members(elena, DAVIDE, { method: 'PATCH', json: { role: 'lead' } }),
    ).toContainEqual([ELENA.objectId, 'lead']);
    expect(await members(elena, DAVIDE, { method: 'DELETE' })).toEqual([[DAVIDE.objectId, 'lead']]);
    await members('/join', ELENA);
    await members(`/requests/${ELENA.objectId}/approve`, DAVIDE);
    expect(await members('/leave', ELENA)).toEqual([[DAVIDE.objectId, 'lead']]);
  });

  it.each([
    ['PATCH', '', { title: 'Nuovo titolo' }],
    ['POST', '/close', { outcome: 'Concluso bene' }],
    ['POST', '/members', { objectIds: [ELENA.objectId] }],
    ['PUT', '/channel', { teamId: TEAM, channelId: CHANNEL }],
    ['POST', '/updates', { title: 'Titolo', text: 'Testo' }],
  ])('lets only leads and admins %s …%s', async (method, suffix, json) => {
    const id = await newLab();
    const path = `/api/v1/labs/${id}${suffix}`;
    for (const who of [GIULIA, MARCO]) {
      expect((await call(path, who, { method, json })).status).toBe(403);
    }
    const ok = method === 'POST' && suffix === '/updates' ? 201 : 200;
    expect((await call(path, SARA, { method, json })).status).toBe(ok);
  });

  it('shows managers and admins the cross-lab view and its CSV, nobody else', async () => {
    expect((await call('/api/v1/labs/overview', GIULIA)).status).toBe(403);
    const overview = (await (await call('/api/v1/labs/overview', MARCO)).json()) as Api.LabOverview;
    expect(overview.labs.length).toBeGreaterThan(0);
    expect(overview.labs[0]).toMatchObject({ theme: 'Pagamenti elettronici e online' });
    const csv = await call('/api/v1/labs/overview.csv', SARA);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/^\uFEFF?Tema;Laboratorio;Stato/);
  });

  it('after erasure, drops the person from members and assignees and signs their notes "former member"', async () => {
    const id = await newLab(SARA);
    await call(`/api/v1/labs/${id}/members`, SARA, { json: { objectIds: [ELENA.objectId] } });
    await call(`/api/v1/labs/${id}/join`, ELENA, { json: {} });
    const task = (await (
      await call(`/api/v1/labs/${id}/tasks`, ELENA, {
        json: { title: 'Mio', assignees: [ELENA.objectId] },
      })
    ).json()) as Api.LabTask;
    await call(`/api/v1/labs/${id}/notes`, ELENA, { json: { kind: 'decision', text: 'Si parte' } });
    expect((await call('/api/v1/me/data', ELENA, { method: 'DELETE' })).status).toBeLessThan(300);
    const view = await lab(id);
    expect(view.members.map((m) => m.person.objectId)).not.toContain(ELENA.objectId);
    expect(view.tasks.find((t) => t.id === task.id)!.assignees).toEqual([]);
    expect(view.notes[0]).toMatchObject({
      text: 'Si parte',
      author: { objectId: null, former: true },
    });
  });
});
