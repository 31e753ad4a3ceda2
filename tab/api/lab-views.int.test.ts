import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import { createBotServer, createServices, type Services } from '../../server/app';
import { silentLogger } from '../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../test/store';
import users from '../../content/demo/playground-users.json';
import { createAuthenticator } from './auth/authenticator';
import type * as Api from './contract';

// employee, admin + facilitator, facilitator, employee
const [GIULIA, SARA, DAVIDE, ELENA] = [users[0]!, users[2]!, users[3]!, users[4]!];

/**
 * Labs' cached views over two instances of the app on one store: a write through either is seen
 * by the other's next read, and what one caller may see never reaches another through the cache.
 */
describe('cached lab views', () => {
  let drop: () => Promise<void>;
  let first: Services;
  const servers: restify.Server[] = [];
  const bases: string[] = [];

  const call = async (
    instance: number,
    path: string,
    as: { objectId: string },
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const body = init.json !== undefined ? JSON.stringify(init.json) : undefined;
    return fetch(`${bases[instance]}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'x-oibo-demo-user': as.objectId,
        'accept-language': 'it-IT',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(body !== undefined ? { body } : {}),
    });
  };
  const lab = async (instance: number, id: string, as = SARA) => {
    const response = await call(instance, `/api/v1/labs/${id}`, as);
    expect(response.status).toBe(200);
    return (await response.json()) as Api.Lab;
  };
  const list = async (instance: number, as: { objectId: string }) =>
    ((await (await call(instance, '/api/v1/labs', as)).json()) as Api.LabList).labs;
  const newLab = async (extra: object = {}) => {
    const response = await call(0, '/api/v1/labs', DAVIDE, {
      json: { theme: 'online-payments', title: 'Pagamenti', goal: 'POS ovunque', ...extra },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as Api.CreatedLab).id;
  };

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    first = createServices(fresh.store, TEST_CONFIG);
    await first.directory.importPeople(generateDemoDirectory());
    for (const services of [first, createServices(fresh.store, TEST_CONFIG)]) {
      const authenticate = createAuthenticator(
        { mode: 'demo', production: false },
        services.directory,
      );
      const server = createBotServer(
        { botAuth: { mode: 'local' }, authenticate },
        services,
        silentLogger,
      );
      await new Promise<void>((resolve) => {
        server.listen(0, '127.0.0.1', resolve);
      });
      servers.push(server);
      bases.push(`http://127.0.0.1:${server.address().port}`);
    }
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await drop();
  });

  it("shows a board's and timeline's writes through one instance at the other's next read", async () => {
    const id = await newLab();
    expect((await lab(1, id)).tasks).toEqual([]);
    const created = await call(0, `/api/v1/labs/${id}/tasks`, DAVIDE, { json: { title: 'Uno' } });
    expect(created.status).toBe(201);
    expect((await lab(1, id)).tasks.map((t) => t.title)).toEqual(['Uno']);
    const task = (await created.json()) as Api.LabTask;
    const moved = await call(0, `/api/v1/labs/${id}/tasks/${task.id}`, DAVIDE, {
      method: 'PATCH',
      json: { column: 'done' },
      headers: { 'if-match': task.etag },
    });
    expect(moved.status).toBe(200);
    expect((await lab(1, id)).tasks[0]!.column).toBe('done');
    await call(0, `/api/v1/labs/${id}/notes`, DAVIDE, { json: { kind: 'decision', text: 'Sì' } });
    expect((await lab(1, id)).notes.map((n) => n.text)).toEqual(['Sì']);
    await call(0, `/api/v1/labs/${id}/updates`, DAVIDE, { json: { title: 'Avvio', text: 'Via' } });
    expect((await lab(1, id)).updates.map((u) => u.title)).toEqual(['Avvio']);
    await call(0, `/api/v1/labs/${id}`, DAVIDE, { method: 'PATCH', json: { title: 'Nuovo' } });
    expect((await lab(1, id)).title).toBe('Nuovo');
    expect((await list(1, SARA)).find((l) => l.id === id)?.title).toBe('Nuovo');
  });

  it('answers gzip-ed to a caller that accepts it, the same JSON otherwise', async () => {
    const id = await newLab({ goal: 'Un obiettivo lungo. '.repeat(100) });
    const zipped = await call(1, `/api/v1/labs/${id}`, SARA, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await call(1, `/api/v1/labs/${id}`, SARA, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await zipped.json()).toEqual(await plain.json());
  });

  it("keeps each caller's place and private labs their own", async () => {
    const id = await newLab({ private: true });
    await call(0, `/api/v1/labs/${id}/members`, DAVIDE, { json: { objectIds: [ELENA.objectId] } });
    // Giulia and Elena are both employees: the one copy shared by people in no lab must not
    // carry Elena's invitation, nor Elena's copy miss it.
    expect((await list(1, GIULIA)).map((l) => l.id)).not.toContain(id);
    const elenas = (await list(1, ELENA)).find((l) => l.id === id);
    expect(elenas?.membership).toBe('invited');
    expect((await list(1, GIULIA)).map((l) => l.id)).not.toContain(id);
    expect((await call(1, `/api/v1/labs/${id}`, GIULIA)).status).toBe(404);
    const davides = await lab(1, id, DAVIDE);
    expect(davides.permissions.manage).toBe(true);
    expect(davides.invitations.map((i) => i.person.objectId)).toEqual([ELENA.objectId]);
    const invited = await lab(1, id, ELENA);
    expect(invited.membership).toBe('invited');
    expect(invited.permissions.manage).toBe(false);
    expect(invited.invitations).toEqual([]);
  });

  it('names people as the directory says after an import', async () => {
    const id = await newLab();
    expect((await lab(1, id)).leads[0]!.displayName).toBe(DAVIDE.displayName);
    const people = generateDemoDirectory().map((p) =>
      p.objectId === DAVIDE.objectId ? { ...p, displayName: 'Davide Rinominato' } : p,
    );
    await first.directory.importPeople(people);
    expect((await lab(1, id)).leads[0]!.displayName).toBe('Davide Rinominato');
    expect((await list(1, SARA)).find((l) => l.id === id)?.leads[0]!.displayName).toBe(
      'Davide Rinominato',
    );
  });
});
