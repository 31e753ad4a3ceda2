import { BlobServiceClient } from '@azure/storage-blob';
import type restify from 'restify';
import sharp from 'sharp';
import users from '../../content/demo/playground-users.json';
import { CONTEST_IMAGES_CONTAINER, CONTEST_WINNER } from '../../core/contests/contests.service';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import { createBotServer, createServices, type Services } from '../../server/app';
import { silentLogger } from '../../test/bot-harness';
import {
  HTML_PAYLOAD,
  jpegWithGps,
  logoPng,
  oversized,
  pngBomb,
  polyglotPng,
  SVG_WITH_SCRIPT,
} from '../../test/images';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { createAuthenticator } from './auth/authenticator';
import { DEMO_USER_HEADER } from './auth/demo-identity';
import type { ContestEntry, ContestResults, ContestSummary, Created } from './contract';

const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const DAY = 24 * 3_600_000;
const START = new Date('2026-09-01T08:00:00Z');

const contestInput = {
  title: 'Il logo di óiBO',
  description: 'Disegna il logo del programma di trasformazione digitale.',
  rules: 'Immagini originali, PNG o JPEG. In caso di parità vince la proposta inviata prima.',
  entriesOpenAt: START.toISOString(),
  entriesCloseAt: new Date(START.getTime() + 7 * DAY).toISOString(),
  votingOpenAt: new Date(START.getTime() + 7 * DAY).toISOString(),
  votingCloseAt: new Date(START.getTime() + 14 * DAY).toISOString(),
  maxEntriesPerPerson: 3,
};

describe('the logo contest over HTTP, images in Azurite', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;
  let clock = START;
  let blobNames: () => Promise<string[]>;

  const call = (
    path: string,
    as: { objectId: string },
    init: { method?: string; json?: unknown; form?: FormData; lang?: string } = {},
  ) => {
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.form;
    return fetch(`${base}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'accept-language': init.lang ?? 'it-IT',
        [DEMO_USER_HEADER]: as.objectId,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
  };
  const form = (image: Buffer, title: string, type = 'image/png', filename = 'logo.png') => {
    const data = new FormData();
    data.append('title', title);
    data.append('description', 'Una proposta di prova');
    data.append('image', new Blob([new Uint8Array(image)], { type }), filename);
    return data;
  };
  const open = async () => {
    clock = START;
    const response = await call('/api/v1/contests', SARA, { json: contestInput });
    expect(response.status).toBe(201);
    return ((await response.json()) as Created).id;
  };
  const submit = (contestId: string, as: { objectId: string }, image: Buffer, title = 'Logo') =>
    call(`/api/v1/contests/${contestId}/entries`, as, { form: form(image, title) });
  const entries = async (contestId: string, as: { objectId: string }) =>
    (await (await call(`/api/v1/contests/${contestId}/entries`, as)).json()) as ContestEntry[];

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, { ...TEST_CONFIG, now: () => clock });
    await services.directory.importPeople(generateDemoDirectory());
    const authenticate = createAuthenticator(
      { mode: 'demo', production: false },
      services.directory,
    );
    server = createBotServer({ botAuth: { mode: 'local' }, authenticate }, services, silentLogger);
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
    const container = BlobServiceClient.fromConnectionString(
      process.env.OIBO_TEST_TABLES!,
    ).getContainerClient(`${fresh.store.prefix}${CONTEST_IMAGES_CONTAINER}`.toLowerCase());
    blobNames = async () => {
      const names: string[] = [];
      for await (const blob of container.listBlobsFlat()) names.push(blob.name);
      return names;
    };
  });
  afterAll(async () => {
    server.close();
    await drop();
  });

  it('lets only admins open a contest, and checks its periods', async () => {
    const refused = await call('/api/v1/contests', GIULIA, { json: contestInput });
    expect(refused.status).toBe(403);
    const backwards = await call('/api/v1/contests', SARA, {
      json: { ...contestInput, votingCloseAt: contestInput.votingOpenAt },
    });
    expect(backwards.status).toBe(400);
    const contestId = await open();
    const summary = (await (
      await call(`/api/v1/contests/${contestId}`, GIULIA)
    ).json()) as ContestSummary;
    expect(summary).toMatchObject({ phase: 'entries', myEntries: 0, myVote: null });
  });

  describe('every upload is checked by content, limited before decoding, and re-encoded', () => {
    let contestId: string;
    beforeAll(async () => {
      contestId = await open();
    });

    const refusedWithNothingStored = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      const problem = (await response.json()) as { title: string };
      expect(problem.title).toEqual(expect.any(String));
      expect(await entries(contestId, SARA)).toEqual([]);
      expect(await blobNames()).toEqual([]);
      return problem;
    };

    it('refuses an SVG with a script, whatever its name and declared type (415)', async () => {
      const response = await call(`/api/v1/contests/${contestId}/entries`, GIULIA, {
        form: form(SVG_WITH_SCRIPT, 'Logo vettoriale', 'image/png', 'logo.png'),
      });
      const problem = await refusedWithNothingStored(response, 415);
      expect(problem.title).toContain('PNG o JPEG');
      const english = await call(`/api/v1/contests/${contestId}/entries`, GIULIA, {
        form: form(SVG_WITH_SCRIPT, 'Vector logo', 'image/svg+xml', 'logo.svg'),
        lang: 'en-US',
      });
      expect(((await english.json()) as { title: string }).title).toContain('PNG or JPEG');
    });

    it('refuses an HTML page sent as a PNG (415)', async () => {
      const response = await submit(contestId, GIULIA, Buffer.from(HTML_PAYLOAD));
      await refusedWithNothingStored(response, 415);
    });

    it('refuses a decompression bomb from its header, before decoding (422)', async () => {
      const response = await submit(contestId, GIULIA, await pngBomb());
      const problem = await refusedWithNothingStored(response, 422);
      expect(problem.title).toContain('4000');
    });

    it('refuses a 6 MB file before reading it (413)', async () => {
      const response = await submit(contestId, GIULIA, oversized(6));
      const problem = await refusedWithNothingStored(response, 413);
      expect(problem.title).toContain('5 MB');
    });

    it('refuses a form without an image, and a title too long, with nothing stored', async () => {
      const data = new FormData();
      data.append('title', 'Senza immagine');
      const missing = await call(`/api/v1/contests/${contestId}/entries`, GIULIA, { form: data });
      await refusedWithNothingStored(missing, 400);
      const long = await submit(contestId, GIULIA, await logoPng(), 'x'.repeat(81));
      await refusedWithNothingStored(long, 400);
    });

    it('refuses a body that is not a form (415)', async () => {
      const response = await call(`/api/v1/contests/${contestId}/entries`, GIULIA, {
        json: { title: 'JSON' },
      });
      expect(response.status).toBe(415);
    });

    it('keeps a polyglot PNG/HTML as a PNG without its HTML, served as an image only', async () => {
      const response = await submit(contestId, GIULIA, await polyglotPng(), 'Poliglotta');
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as Created;
      const image = await call(`/api/v1/contests/${contestId}/entries/${id}/image`, GIULIA);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(image.headers.get('content-security-policy')).toBe(
        "default-src 'none'; sandbox; frame-ancestors 'none'",
      );
      const bytes = Buffer.from(await image.arrayBuffer());
      expect(bytes.includes(Buffer.from('<script'))).toBe(false);
      expect((await sharp(bytes).metadata()).format).toBe('png');
      // Three variants under names the app generated, none from the upload's file name.
      const names = await blobNames();
      expect(names).toHaveLength(3);
      for (const name of names) expect(name).toMatch(new RegExp(`^${contestId}/${id}/\\w+\\.png$`));
    });

    it('strips the EXIF GPS position of a photo', async () => {
      const photo = await jpegWithGps();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const response = await call(`/api/v1/contests/${contestId}/entries`, GIULIA, {
        form: form(photo, 'Foto', 'image/jpeg', 'piazza.jpg'),
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as Created;
      for (const size of ['full', 'thumbnail']) {
        const image = await call(
          `/api/v1/contests/${contestId}/entries/${id}/image?size=${size}`,
          GIULIA,
        );
        expect(image.headers.get('content-type')).toBe('image/jpeg');
        const bytes = Buffer.from(await image.arrayBuffer());
        const metadata = await sharp(bytes).metadata();
        expect(metadata.exif).toBeUndefined();
        expect(bytes.includes(Buffer.from('OiboTestCamera'))).toBe(false);
      }
    });

    it('serves images only to who is signed in and may see the entry', async () => {
      const [entry] = await entries(contestId, GIULIA);
      const anonymous = await fetch(`${base}${entry!.imageUrl}`);
      expect(anonymous.status).toBe(401);
      // Before voting, only the author and moderators see an entry.
      const other = await call(entry!.imageUrl, MARCO);
      expect(other.status).toBe(404);
      expect((await call(entry!.imageUrl, SARA)).status).toBe(200);
    });
  });

  it('runs a contest: entries, anonymous gallery, one changeable vote, results at close, winner announced', async () => {
    const contestId = await open();
    const giulias = (await (
      await submit(contestId, GIULIA, await logoPng(), 'Onde')
    ).json()) as Created;
    // A minute later: entries of the same instant have no order between them.
    clock = new Date(clock.getTime() + 60_000);
    const saras = (await (
      await submit(contestId, SARA, await logoPng(), 'Torri')
    ).json()) as Created;
    expect((await entries(contestId, MARCO)).map((e) => e.title)).toEqual([]);
    expect((await entries(contestId, GIULIA)).map((e) => e.title)).toEqual(['Onde']);

    const early = await call(`/api/v1/contests/${contestId}/entries/${giulias.id}/vote`, MARCO, {
      method: 'PUT',
    });
    expect(early.status).toBe(409);

    clock = new Date(START.getTime() + 8 * DAY);
    const late = await submit(contestId, GIULIA, await logoPng(), 'Tardi');
    expect(late.status).toBe(409);
    const gallery = await entries(contestId, MARCO);
    expect(gallery.map((e) => e.title)).toEqual(['Onde', 'Torri']);
    expect(JSON.stringify(gallery)).not.toMatch(/author|Giulia|Sara/i);

    const vote = (entryId: string, as: { objectId: string }) =>
      call(`/api/v1/contests/${contestId}/entries/${entryId}/vote`, as, { method: 'PUT' });
    expect((await vote(giulias.id, MARCO)).status).toBe(200);
    expect((await vote(saras.id, MARCO)).status).toBe(200);
    expect((await vote(giulias.id, MARCO)).status).toBe(200);
    expect((await vote(saras.id, GIULIA)).status).toBe(200);
    const own = await vote(giulias.id, GIULIA);
    expect(own.status).toBe(422);
    const summary = (await (
      await call(`/api/v1/contests/${contestId}`, MARCO)
    ).json()) as ContestSummary;
    expect(summary).toMatchObject({ phase: 'voting', myVote: giulias.id });

    expect((await call(`/api/v1/contests/${contestId}/results`, MARCO)).status).toBe(409);
    expect((await call(`/api/v1/contests/${contestId}/close`, MARCO, { json: {} })).status).toBe(
      403,
    );

    clock = new Date(START.getTime() + 15 * DAY);
    expect((await vote(saras.id, MARCO)).status).toBe(409);
    const closed = await call(`/api/v1/contests/${contestId}/close`, SARA, { json: {} });
    expect(closed.status).toBe(200);
    const results = (await (
      await call(`/api/v1/contests/${contestId}/results`, MARCO)
    ).json()) as ContestResults;
    // One vote each: the tie goes to the entry submitted first.
    expect(results.winnerEntryId).toBe(giulias.id);
    expect(results.entries.map((e) => [e.title, e.votes, e.author])).toEqual([
      ['Onde', 1, GIULIA.displayName],
      ['Torri', 1, SARA.displayName],
    ]);

    // The announcement: a campaign to everyone, its card with an image Teams fetches unsigned.
    const campaigns = await services.delivery.campaigns.list();
    const announcement = campaigns.find((c) => c.kind === CONTEST_WINNER);
    expect(announcement).toMatchObject({ subject: contestId, audience: { kind: 'all' } });
    const activity = await services.kinds.build(announcement!, {
      locale: 'it-IT',
      personId: `oid:${MARCO.objectId}`,
    } as Parameters<Services['kinds']['build']>[1]);
    const card = JSON.stringify(activity);
    expect(card).toContain('Onde');
    const url = /"url":"([^"]+)"/.exec(card)![1]!;
    expect(url).toContain('sig=');
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    const { width, height } = await sharp(Buffer.from(await fetched.arrayBuffer())).metadata();
    expect(Math.max(width, height)).toBeLessThanOrEqual(1024);

    // Closing again announces nothing new.
    await call(`/api/v1/contests/${contestId}/close`, SARA, { json: {} });
    const again = await services.delivery.campaigns.list();
    expect(again.filter((c) => c.kind === CONTEST_WINNER)).toHaveLength(1);
  });

  it('lets a moderator hide an entry with a reason its author sees, and nobody else', async () => {
    const contestId = await open();
    const { id } = (await (
      await submit(contestId, GIULIA, await logoPng(), 'Copia')
    ).json()) as Created;
    const hidden = await call(`/api/v1/contests/${contestId}/entries/${id}/hide`, SARA, {
      json: { reason: 'Riproduce un marchio registrato.' },
    });
    expect(hidden.status).toBe(200);
    clock = new Date(START.getTime() + 8 * DAY);
    expect(await entries(contestId, MARCO)).toEqual([]);
    expect(await entries(contestId, GIULIA)).toMatchObject([
      { title: 'Copia', hidden: { reason: 'Riproduce un marchio registrato.' } },
    ]);
    const vote = await call(`/api/v1/contests/${contestId}/entries/${id}/vote`, MARCO, {
      method: 'PUT',
    });
    expect(vote.status).toBe(404);
  });

  it("erases a person's votes and entries with their images", async () => {
    const contestId = await open();
    const { id } = (await (
      await submit(contestId, MARCO, await logoPng(), 'Da cancellare')
    ).json()) as Created;
    clock = new Date(START.getTime() + 8 * DAY);
    await call(`/api/v1/contests/${contestId}/entries/${id}/vote`, GIULIA, { method: 'PUT' });
    const before = await blobNames();
    expect(before.filter((name) => name.startsWith(`${contestId}/`))).toHaveLength(3);

    await services.contests.erase(MARCO.objectId);
    await services.contests.erase(GIULIA.objectId);

    expect(await services.contests.dataOf(MARCO.objectId)).toEqual({ entries: [], votes: [] });
    expect((await services.contests.dataOf(GIULIA.objectId)).votes).toEqual([]);
    expect((await blobNames()).filter((name) => name.startsWith(`${contestId}/`))).toEqual([]);
  });

  it('closes a contest on its own once voting has ended: results and the winner announced', async () => {
    const contestId = await open();
    const { id } = (await (
      await submit(contestId, GIULIA, await logoPng(), 'Spirale')
    ).json()) as Created;
    clock = new Date(START.getTime() + 8 * DAY);
    await call(`/api/v1/contests/${contestId}/entries/${id}/vote`, MARCO, { method: 'PUT' });
    const announced = async () =>
      (await services.delivery.campaigns.list()).filter(
        (c) => c.kind === CONTEST_WINNER && c.subject === contestId,
      );

    // While voting, the round leaves it open.
    await services.contests.tick();
    expect((await call(`/api/v1/contests/${contestId}/results`, MARCO)).status).toBe(409);

    clock = new Date(START.getTime() + 14 * DAY + 60_000);
    await services.contests.tick();
    const results = (await (
      await call(`/api/v1/contests/${contestId}/results`, MARCO)
    ).json()) as ContestResults;
    expect(results.winnerEntryId).toBe(id);
    expect(await announced()).toHaveLength(1);
    // The next rounds (on this or another instance) announce nothing new.
    await Promise.all([services.contests.tick(), services.contests.tick()]);
    expect(await announced()).toHaveLength(1);
  });
});
