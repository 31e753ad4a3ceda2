import { startAppOverHttp, type AppOverHttp } from '../../test/app-over-http';
import type { ConnectorSim } from '../../bench/connector-sim/connector-sim';
import type { Person } from '../../core/directory/person';
import type { ChannelPoster } from '../../core/labs/channel-poster';
import { createChannelPoster, createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import type { TestTokenIssuer } from '../../test/test-tokens';
import { BlobServiceClient } from '@azure/storage-blob';
import { request } from 'node:http';
import { WORKSPACE_FILES_CONTAINER } from '../../core/workspace/attachments';
import { logoPng } from '../../test/images';
import type * as Api from './contract';

jest.setTimeout(120_000);

let n = 0;
function person(name: string, extra: Partial<Person> = {}): Person {
  n++;
  return {
    objectId: `9057a000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    upn: `${name.toLowerCase()}@comune-demo.example`,
    displayName: name,
    orgUnitPath: ['Area Servizi Civici', 'Settore Anagrafe'],
    manager: false,
    roles: [],
    locale: 'it-IT',
    ...extra,
  };
}
const elena = person('Elena', { roles: ['facilitator'] });
const franco = person('Franco', { roles: ['facilitator'], orgUnitPath: ['Area Cultura'] });
const giulia = person('Giulia');
const ugo = person('Ugo', { orgUnitPath: ['Area Cultura'], locale: 'en-US' });
const admin = person('Gaia', { roles: ['admin'], orgUnitPath: ['Agenda Digitale'] });
const PEOPLE = [elena, franco, giulia, ugo, admin];

const TEAM = '19:team-comunita@thread.tacv2';
const CHANNEL = '19:canale-facilitatori@thread.tacv2';

const GUIDE = {
  title: 'Come condividere un calendario',
  summary: 'I passi per condividere il calendario del settore.',
  body: '# Calendari condivisi\n\nLe **prenotazioni** delle sale si gestiscono dal calendario del settore.\n\n- apri Outlook\n- scegli *Condividi*',
  category: 'guide',
  tags: ['Calendario', 'Outlook'],
};

describe('the facilitators’ workspace over HTTP (Azurite + connector simulator)', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let app: AppOverHttp;
  let sim: ConnectorSim;
  let base: string;
  let issuer: TestTokenIssuer;
  let poster: ChannelPoster;
  let blobNames: () => Promise<string[]>;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, {
      ...TEST_CONFIG,
      delivery: { ratePerSecond: 100, maxAttempts: 3 },
    });
    app = await startAppOverHttp(services, PEOPLE);
    ({ sim, base, issuer } = app);
    poster = createChannelPoster(services, { mode: 'local' });
    const container = BlobServiceClient.fromConnectionString(
      process.env.OIBO_TEST_TABLES!,
    ).getContainerClient(`${fresh.store.prefix}${WORKSPACE_FILES_CONTAINER}`.toLowerCase());
    blobNames = async () => {
      const names: string[] = [];
      for await (const blob of container.listBlobsFlat()) names.push(blob.name);
      return names;
    };
    const since = new Date();
    for (const f of [elena, franco]) {
      await services.facilitators.add({
        objectId: f.objectId!,
        department: f.orgUnitPath[0]!,
        roundId: 'r1',
        since,
      });
    }
    await services.labs.teams.saveTeam({
      teamId: TEAM,
      name: 'Comunità',
      serviceUrl: sim.url,
      removed: false,
      updatedAt: since,
    });
    await services.labs.teams.saveChannels([
      { teamId: TEAM, channelId: CHANNEL, name: 'Facilitatori', deleted: false, updatedAt: since },
    ]);
  });

  afterAll(async () => {
    await poster.stop();
    await app.stop();
    await drop();
  });

  const call = async (
    path: string,
    as: Person,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const token = await issuer.mint({ claims: { oid: as.objectId! } });
    const body = init.json !== undefined ? JSON.stringify(init.json) : undefined;
    return fetch(`${base}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'accept-language': as.locale ?? 'it-IT',
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(body !== undefined ? { body } : {}),
    });
  };
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status).toBe(status);
    return (await response.json()) as T;
  };
  const write = async (as: Person = elena, body: object = GUIDE) =>
    (await json<Api.CreatedId>(await call('/api/v1/posts', as, { json: body }), 201)).id;
  const publish = (id: string, as: Person = elena, body: object = {}) =>
    call(`/api/v1/posts/${id}/publish`, as, { json: body });
  const detail = (id: string, as: Person = giulia) => call(`/api/v1/posts/${id}`, as);
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(check()).toBe(true);
  };

  it('answers the acceptance routes: write, publish, find by a stemmed word of the body, read', async () => {
    const created = await call('/api/v1/posts', elena, {
      json: {
        title: 'Firma digitale',
        body: 'Come si firmano i documenti digitali.',
        category: 'news',
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Api.CreatedId;
    expect((await publish(id)).status).toBe(200);

    const found = await json<Api.PostList>(await call('/api/v1/posts?q=firmare', giulia));
    expect(found.posts.map((p) => p.id)).toEqual([id]);
    const read = await json<Api.PostDetail>(await detail(id));
    expect(read).toMatchObject({
      body: 'Come si firmano i documenti digitali.',
      state: 'published',
      author: { displayName: 'Elena', former: false },
      links: { tab: `/tab/?post=${id}` },
    });
  });

  it('lists the departments an announcement may go to, to facilitators and admins only', async () => {
    for (const as of [elena, admin]) {
      const { departments } = await json<Api.Departments>(
        await call('/api/v1/campaigns/departments', as),
      );
      expect(departments).toEqual(expect.arrayContaining(['Area Servizi Civici', 'Area Cultura']));
    }
    expect((await call('/api/v1/campaigns/departments', giulia)).status).toBe(403);
  });

  it('lets only facilitators and admins write: an employee gets 403 and nothing is stored', async () => {
    const refused = await call('/api/v1/posts', giulia, { json: GUIDE });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { title: string }).title).toMatch(/facilitat/);
    const drafts = await json<Api.PostList>(await call('/api/v1/posts?state=draft', admin));
    expect(drafts.posts.some((p) => p.author.displayName === 'Giulia')).toBe(false);
    expect((await call('/api/v1/posts', admin, { json: GUIDE })).status).toBe(201);
  });

  it('keeps drafts to their author and admins, and lets only them publish', async () => {
    const id = await write();
    expect((await detail(id, giulia)).status).toBe(404);
    expect((await detail(id, franco)).status).toBe(404);
    expect((await detail(id, admin)).status).toBe(200);
    expect((await publish(id, franco)).status).toBe(404);
    expect((await publish(id, giulia)).status).toBe(404);
    expect((await publish(id)).status).toBe(200);
    expect((await publish(id)).status).toBe(409);
    const list = await json<Api.PostList>(await call('/api/v1/posts?tag=calendario', giulia));
    expect(list.posts.map((p) => p.id)).toContain(id);
    expect(list.tags).toEqual(expect.arrayContaining(['calendario', 'outlook']));
  });

  it('refuses a body over 20,000 characters with a localised error, writing nothing', async () => {
    const before = (await json<Api.PostList>(await call('/api/v1/posts?state=draft', admin))).total;
    const response = await call('/api/v1/posts', elena, {
      json: { ...GUIDE, body: 'x'.repeat(20_001) },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path: 'body' }] });
    expect((await json<Api.PostList>(await call('/api/v1/posts?state=draft', admin))).total).toBe(
      before,
    );
  });

  it('keeps the history of edits, and answers a stale edit 412 with the post as it is now', async () => {
    const id = await write();
    const first = await detail(id, elena);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const edit = (body: object, ifMatch?: string, as: Person = elena) =>
      call(`/api/v1/posts/${id}`, as, {
        method: 'PUT',
        json: body,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    expect((await edit({ ...GUIDE, title: 'Senza versione' })).status).toBe(428);
    const edited = await json<Api.PostDetail>(await edit({ ...GUIDE, title: 'Calendari' }, etag));
    expect(edited).toMatchObject({ title: 'Calendari', version: 2 });

    const stale = await edit({ ...GUIDE, title: 'Vecchia base' }, etag);
    expect(stale.status).toBe(412);
    const conflict = (await stale.json()) as Api.PostConflict;
    expect(conflict).toMatchObject({ code: 'posts.stale', current: { title: 'Calendari' } });
    expect(conflict.title).toMatch(/modificato/);
    // Another facilitator does not see the draft; once published, may read but not edit it.
    expect((await edit({ ...GUIDE }, edited.etag, franco)).status).toBe(404);
    const published = await json<Api.PostDetail>(await publish(id));
    expect((await edit({ ...GUIDE }, published.etag, franco)).status).toBe(403);

    const { versions } = await json<Api.PostVersions>(
      await call(`/api/v1/posts/${id}/versions`, elena),
    );
    expect(versions.map((v) => [v.version, v.title, v.editor.displayName])).toEqual([
      [2, 'Calendari', 'Elena'],
      [1, GUIDE.title, 'Elena'],
    ]);
  });

  it('counts "utile" once per person, withdrawable, on published posts only', async () => {
    const id = await write();
    expect((await call(`/api/v1/posts/${id}/useful`, elena, { method: 'PUT' })).status).toBe(409);
    await publish(id);
    const mark = (as: Person, on = true) =>
      call(`/api/v1/posts/${id}/useful`, as, { method: on ? 'PUT' : 'DELETE' });
    await json(await mark(giulia));
    await json(await mark(giulia));
    expect(await json<Api.PostUseful>(await mark(ugo))).toEqual({ useful: 2, marked: true });
    expect(await json<Api.PostUseful>(await mark(ugo, false))).toEqual({
      useful: 1,
      marked: false,
    });
    expect(await json<Api.PostDetail>(await detail(id))).toMatchObject({
      useful: 1,
      marked: true,
    });
  });

  it("shows the facilitators of the reader's department beside a post", async () => {
    const id = await write();
    await publish(id);
    const forGiulia = await json<Api.PostDetail>(await detail(id, giulia));
    expect(forGiulia.facilitators.map((f) => f.displayName)).toEqual(['Elena']);
    const forUgo = await json<Api.PostDetail>(await detail(id, ugo));
    expect(forUgo.facilitators.map((f) => f.displayName)).toEqual(['Franco']);
  });

  it('lets an admin delete another’s post only with a reason, told to the author in chat', async () => {
    const id = await write();
    await publish(id);
    expect((await call(`/api/v1/posts/${id}`, franco, { method: 'DELETE' })).status).toBe(403);
    const noReason = await call(`/api/v1/posts/${id}`, admin, { method: 'DELETE' });
    expect(noReason.status).toBe(400);
    const from = Date.now();
    const removed = await call(`/api/v1/posts/${id}`, admin, {
      method: 'DELETE',
      json: { reason: 'Contenuto duplicato' },
    });
    expect(removed.status).toBe(204);
    expect((await detail(id)).status).toBe(404);
    await waitFor(() =>
      [...sim.deliveries()].some((d) => d.at >= from && d.conversationId === `a:${elena.objectId}`),
    );
    const list = await json<Api.PostList>(await call('/api/v1/posts', giulia));
    expect(list.posts.map((p) => p.id)).not.toContain(id);
  });

  it('announces a publication in the linked channel and in chat to the audience', async () => {
    const unlinked = await publish(await write(), elena, {
      announce: { channels: ['facilitators'] },
    });
    expect(unlinked.status).toBe(409);
    expect((await call('/api/v1/posts/channels', elena)).status).toBe(403);
    const linked = await call('/api/v1/posts/channels', admin, {
      method: 'PUT',
      json: { facilitators: { teamId: TEAM, channelId: CHANNEL }, organisation: null },
    });
    expect(await json<Api.PostChannels>(linked)).toEqual({
      facilitators: { teamId: TEAM, channelId: CHANNEL },
      organisation: null,
    });

    const from = Date.now();
    const id = await write();
    const published = await publish(id, elena, {
      announce: {
        channels: ['facilitators'],
        chat: { kind: 'departments', departments: ['Area Cultura'] },
      },
    });
    expect(published.status).toBe(200);
    await poster.drain();
    const posted = [...sim.deliveries()].filter(
      (d) => d.at >= from && d.conversationId === CHANNEL,
    );
    expect(posted).toHaveLength(1);
    expect(posted[0]!.summary).toMatch(/^attachments: application\/vnd\.microsoft\.card\.adaptive/);
    const chats = () =>
      [...sim.deliveries()]
        .filter((d) => d.at >= from && d.conversationId.startsWith('a:'))
        .map((d) => d.conversationId.slice(2))
        .sort();
    await waitFor(() => chats().length === 2);
    expect(chats()).toEqual([franco.objectId, ugo.objectId].sort());
  });

  it('keeps the community board to facilitators and admins: questions, replies, risolto', async () => {
    expect((await call('/api/v1/workspace/questions', giulia)).status).toBe(403);
    const asked = await call('/api/v1/workspace/questions', elena, {
      json: { title: 'Chi usa Planner?', text: 'Cerco esempi di piani condivisi.' },
    });
    const { id } = await json<Api.CreatedId>(asked, 201);
    expect(
      (await call(`/api/v1/workspace/questions/${id}/replies`, giulia, { json: { text: 'io' } }))
        .status,
    ).toBe(403);
    const reply = await json<Api.CreatedId>(
      await call(`/api/v1/workspace/questions/${id}/replies`, franco, {
        json: { text: 'Noi, per la biblioteca.' },
      }),
      201,
    );
    const solve = (as: Person) =>
      call(`/api/v1/workspace/questions/${id}/solved`, as, {
        method: 'PUT',
        json: { solved: true, replyId: reply.id },
      });
    expect((await solve(franco)).status).toBe(403);
    const solved = await json<Api.BoardQuestion>(await solve(elena));
    expect(solved).toMatchObject({ solved: true, replies: 1 });
    expect(solved.replyList).toEqual([
      expect.objectContaining({ text: 'Noi, per la biblioteca.', solution: true }),
    ]);
    const list = await json<Api.BoardQuestionList>(
      await call('/api/v1/workspace/questions', admin),
    );
    expect(list.questions[0]).toMatchObject({ id, solved: true, replies: 1 });
  });

  describe('attachments', () => {
    const upload = (id: string, data: Buffer, filename: string, type: string, as = elena) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type }), filename);
      return issuer.mint({ claims: { oid: as.objectId! } }).then((token) =>
        fetch(`${base}/api/v1/posts/${id}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'accept-language': 'it-IT' },
          body: form,
        }),
      );
    };

    it('stores a PDF and an image under generated names, served to readers as files', async () => {
      const id = await write();
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      const doc = await json<Api.PostAttachment>(
        await upload(id, pdf, '../../Verbale riunione.pdf', 'application/pdf'),
        201,
      );
      expect(doc).toMatchObject({
        name: 'Verbale riunione.pdf',
        kind: 'document',
        bytes: pdf.length,
      });
      const image = await json<Api.PostAttachment>(
        await upload(id, await logoPng(), 'schema.png', 'image/png'),
        201,
      );
      expect(image.kind).toBe('image');
      expect((await upload(id, pdf, 'x.pdf', 'application/pdf', franco)).status).toBe(404);
      await publish(id);

      const file = await call(doc.url, giulia);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toBe(
        "attachment; filename*=UTF-8''Verbale%20riunione.pdf",
      );
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
      const read = await json<Api.PostDetail>(await detail(id));
      expect(read.attachments.map((a) => a.id)).toEqual([doc.id, image.id]);
      for (const name of await blobNames())
        expect(name).toMatch(new RegExp(`^${id}/[0-9a-f]{32}$`));
    });

    it('refuses an executable renamed .pdf with a clear localised error, storing nothing', async () => {
      const id = await write();
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4096, 1)]);
      const before = await blobNames();
      const response = await upload(id, exe, 'modulo.pdf', 'application/pdf');
      expect(response.status).toBe(415);
      expect(((await response.json()) as { title: string }).title).toContain('PDF');
      expect(await blobNames()).toEqual(before);
      expect((await json<Api.PostDetail>(await detail(id, elena))).attachments).toEqual([]);
    });

    it('refuses a body going past 20 MB as it streams, without reading it to its end', async () => {
      const id = await write();
      const token = await issuer.mint({ claims: { oid: elena.objectId! } });
      const boundary = 'oibo-boundary';
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${base}/api/v1/posts/${id}/attachments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'transfer-encoding': 'chunked',
          },
        });
        req.on('response', (response) => {
          resolve(response.statusCode ?? 0);
          response.resume();
        });
        req.on('error', reject);
        req.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
            'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
        );
        // 64 MB offered, 1 MB at a time, only while the server keeps reading.
        let sent = 0;
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const more = () => {
          while (sent < 64) {
            sent++;
            if (!req.write(chunk)) return void req.once('drain', more);
          }
          req.end();
        };
        more();
      });
      expect(status).toBe(413);
      expect((await json<Api.PostDetail>(await detail(id, elena))).attachments).toEqual([]);
    });
  });
});
