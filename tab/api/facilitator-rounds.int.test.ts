import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import { DirectoryHeadcounts } from '../../core/directory/headcounts';
import { CONSENT_ITEM } from '../../core/facilitators/facilitators';
import {
  PREPARATION_LEASE_MS,
  preparationLease,
  RoundPreparation,
} from '../../core/facilitators/round-preparation';
import { invertedTimestamp } from '../../core/store/keys';
import { Leases } from '../../core/store/leases';
import users from '../../content/demo/playground-users.json';
import { createBotServer, type Services } from '../../server/app';
import { submitAssessment } from '../../test/assessment';
import { silentLogger } from '../../test/bot-harness';
import { demoServices } from '../../test/store';
import { createAuthenticator } from './auth/authenticator';
import type { AuditPage, FacilitatorRound, FacilitatorRoundList } from './contract';

const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const REASON = 'Segnalata dal settore per la sua esperienza con i servizi online';

describe('facilitator rounds over HTTP', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;

  // Two departments of the demo organisation (25 people each: a default target of 1).
  const staff = generateDemoDirectory().filter((p) => p.objectId && p.orgUnitPath.length > 1);
  const [x, y] = [...new Set(staff.map((p) => p.orgUnitPath[0]!))];
  const [strongX, goodX] = staff.filter((p) => p.orgUnitPath[0] === x);
  const [goodY, refusingY, weakY] = staff.filter((p) => p.orgUnitPath[0] === y);

  const call = (path: string, as: { objectId: string }, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        'accept-language': 'it-IT',
        'x-oibo-demo-user': as.objectId,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  const post = (path: string, body: unknown, as = SARA) =>
    call(path, as, { method: 'POST', body: JSON.stringify(body) });
  const create = async (body: unknown = { thresholds: { digitalSkills: 70, motivation: 70 } }) => {
    const response = await post('/api/v1/facilitator-rounds', body);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await services.roundPreparation.settled(id);
    return id;
  };
  const view = async (id: string) => {
    const response = await call(`/api/v1/facilitator-rounds/${id}`, SARA);
    expect(response.status).toBe(200);
    return (await response.json()) as FacilitatorRound;
  };
  const audit = async () =>
    ((await (await call('/api/v1/audit', SARA)).json()) as AuditPage).entries;

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
    const authenticate = createAuthenticator(
      { mode: 'demo', production: false },
      services.directory,
    );
    server = createBotServer({ botAuth: { mode: 'local' }, authenticate }, services, silentLogger);
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
    await submitAssessment(services, strongX!, 5); // 80/80
    await submitAssessment(services, goodX!, 4); // 65/65
    await submitAssessment(services, goodY!, 4);
    await submitAssessment(services, refusingY!, 5, { [CONSENT_ITEM]: false });
    await submitAssessment(services, weakY!, 2);
  });
  afterAll(async () => {
    server.close();
    await drop();
  });

  it('shortlists who consented above the thresholds, then the best for coverage, never who refused', async () => {
    const round = await view(await create());
    const expected = [
      [x!, strongX!.objectId, 'aboveThresholds', 'proposed'],
      [y!, goodY!.objectId, 'coverage', 'proposed'],
    ].sort(([a], [b]) => a!.localeCompare(b!, 'it'));
    expect(round.candidates.map((c) => [c.department, c.objectId, c.reason, c.status])).toEqual(
      expected,
    );
    expect(round.candidates[0]).toEqual(
      expect.objectContaining({ displayName: expect.any(String), department: expect.any(String) }),
    );
    expect(JSON.stringify(round)).not.toContain(refusingY!.objectId);
    expect(round.coverage.find((c) => c.department === x)).toEqual({
      department: x,
      employees: generateDemoDirectory().filter((p) => p.orgUnitPath[0] === x).length,
      target: 1,
      candidates: 1,
      invited: 0,
      accepted: 0,
      belowTarget: false,
    });
    expect(round.coverage.every((c) => c.target >= 1)).toBe(true);
    expect(round.coverage.filter((c) => c.belowTarget).length).toBe(round.coverage.length - 2);
  });

  it('answers a round still preparing with its progress, refuses its changes, and a restarted instance prepares it', async () => {
    // As a crashed instance leaves it: created, preparing, one entry of its attempt written.
    const at = new Date();
    const id = `r${invertedTimestamp(at)}c0ffee`;
    await services.rounds.create({
      id,
      createdAt: at,
      createdBy: SARA.objectId,
      thresholds: { digitalSkills: 70, motivation: 70 },
      targets: { [x!]: 1, [y!]: 1 },
      managerApproval: true,
      preparing: { done: 3, total: 8 },
    });
    await services.rounds.writeEntries([
      {
        roundId: id,
        objectId: weakY!.objectId!,
        displayName: weakY!.displayName,
        department: y!,
        digitalSkills: 40,
        motivation: 40,
        interested: true,
        reason: 'coverage',
        status: 'proposed',
        changedAt: at,
      },
    ]);
    expect(await view(id)).toMatchObject({
      status: 'preparing',
      progress: { done: 3, total: 8 },
      candidates: [],
      coverage: [],
    });
    const refused = [
      await call(`/api/v1/facilitator-rounds/${id}`, SARA, {
        method: 'PATCH',
        body: JSON.stringify({ targets: { [x!]: 2 } }),
      }),
      await post(`/api/v1/facilitator-rounds/${id}/shortlist`, {
        action: 'remove',
        objectId: weakY!.objectId,
        reason: REASON,
      }),
      await post(`/api/v1/facilitator-rounds/${id}/invitations`, {}),
    ];
    for (const response of refused) {
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: 'preparing' });
    }

    // The crashed instance's lease holds it until it lapses; then another instance redoes it.
    const leases = new Leases(services.store);
    await leases.claim(preparationLease(id), 'crashed', at.getTime(), at.getTime() + 60_000);
    await services.roundPreparation.resume();
    expect((await view(id)).status).toBe('preparing');
    const restarted = new RoundPreparation({
      ...services,
      headcounts: new DirectoryHeadcounts(services),
      leases,
      owner: 'restarted',
      now: () => new Date(at.getTime() + PREPARATION_LEASE_MS),
    });
    await restarted.resume();
    const round = await view(id);
    expect(round).toMatchObject({ status: 'ready', progress: null });
    expect(round.candidates.map((c) => [c.objectId, c.reason])).toEqual(
      [
        [x!, strongX!.objectId, 'aboveThresholds'],
        [y!, goodY!.objectId, 'coverage'],
      ]
        .sort(([a], [b]) => a!.localeCompare(b!, 'it'))
        .map(([, objectId, reason]) => [objectId, reason]),
    );
    // Its targets as given, and every other department's default, set by the preparation.
    expect(round.targets).toMatchObject({ [x!]: 1, [y!]: 1 });
    expect(round.coverage.length).toBeGreaterThan(2);
    expect(round.coverage.every((c) => c.target >= 1)).toBe(true);
  });

  it('answers 403 to employees and managers on every route', async () => {
    const id = await create();
    for (const who of [GIULIA, MARCO]) {
      const refused = [
        await call('/api/v1/facilitator-rounds', who),
        await call(`/api/v1/facilitator-rounds/${id}`, who),
        await post(
          '/api/v1/facilitator-rounds',
          { thresholds: { digitalSkills: 1, motivation: 1 } },
          who,
        ),
        await post(
          `/api/v1/facilitator-rounds/${id}/shortlist`,
          { action: 'remove', objectId: strongX!.objectId, reason: REASON },
          who,
        ),
        await call(`/api/v1/facilitator-rounds/${id}`, who, {
          method: 'PATCH',
          body: JSON.stringify({ targets: {} }),
        }),
        await call('/api/v1/audit', who),
        await call('/api/v1/audit.csv', who),
      ];
      expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
    }
  });

  it('refuses thresholds outside 0–100 and unknown departments with a localised problem', async () => {
    const before = (
      (await (await call('/api/v1/facilitator-rounds', SARA)).json()) as FacilitatorRoundList
    ).rounds.length;
    const outside = await post('/api/v1/facilitator-rounds', {
      thresholds: { digitalSkills: 101, motivation: 70 },
    });
    expect(outside.status).toBe(422);
    expect(await outside.json()).toMatchObject({
      code: 'invalidThresholds',
      title: expect.stringContaining('0 a 100'),
    });
    const unknown = await post('/api/v1/facilitator-rounds', {
      thresholds: { digitalSkills: 70, motivation: 70 },
      targets: { 'Area Inesistente': 2 },
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({
      code: 'unknownDepartments',
      title: expect.stringContaining('Area Inesistente'),
    });
    const after = (
      (await (await call('/api/v1/facilitator-rounds', SARA)).json()) as FacilitatorRoundList
    ).rounds.length;
    expect(after).toBe(before);
  });

  it('adds a consenting person and removes one by hand, each change audited with its reason', async () => {
    const id = await create();
    const added = await post(`/api/v1/facilitator-rounds/${id}/shortlist`, {
      action: 'add',
      objectId: goodX!.objectId,
      reason: REASON,
    });
    expect(added.status).toBe(200);
    expect(((await added.json()) as FacilitatorRound).candidates).toContainEqual(
      expect.objectContaining({ objectId: goodX!.objectId, reason: 'manual', status: 'proposed' }),
    );
    const removed = await post(`/api/v1/facilitator-rounds/${id}/shortlist`, {
      action: 'remove',
      objectId: goodY!.objectId,
      reason: 'Ha già altri incarichi',
    });
    expect(((await removed.json()) as FacilitatorRound).candidates).toContainEqual(
      expect.objectContaining({ objectId: goodY!.objectId, status: 'removed' }),
    );
    const [last, first] = await audit();
    expect(last).toMatchObject({
      actor: SARA.objectId,
      action: 'facilitators.shortlist.remove',
      reason: id,
      subject: goodY!.objectId,
      note: 'Ha già altri incarichi',
    });
    expect(first).toMatchObject({
      action: 'facilitators.shortlist.add',
      subject: goodX!.objectId,
      note: REASON,
    });
    const csv = await call('/api/v1/audit.csv', SARA);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFFData e ora (UTC);')).toBe(true);
    expect(text).toContain(`facilitators.shortlist.add;${id};${goodX!.objectId};${REASON}`);
  });

  it('refuses who did not consent, unknown people and a missing reason, writing nothing', async () => {
    const id = await create();
    const entries = (await audit()).length;
    const shortlist = async (body: object) =>
      post(`/api/v1/facilitator-rounds/${id}/shortlist`, body);
    const refusing = await shortlist({
      action: 'add',
      objectId: refusingY!.objectId,
      reason: REASON,
    });
    expect(refusing.status).toBe(422);
    expect(await refusing.json()).toMatchObject({
      code: 'notConsenting',
      title: expect.stringContaining('consenso'),
    });
    const unknown = await shortlist({
      action: 'add',
      objectId: '00000000-0000-4000-8000-000000000000',
      reason: REASON,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'unknownPerson' });
    const noReason = await shortlist({
      action: 'remove',
      objectId: strongX!.objectId,
      reason: '  ok ',
    });
    expect(noReason.status).toBe(422);
    expect(await noReason.json()).toMatchObject({ code: 'invalidReason' });
    const notThere = await shortlist({
      action: 'remove',
      objectId: weakY!.objectId,
      reason: REASON,
    });
    expect(notThere.status).toBe(409);
    expect((await audit()).length).toBe(entries);
    expect((await view(id)).candidates.map((c) => c.status)).toEqual(['proposed', 'proposed']);
  });

  it('keeps a round as created: later submissions and rounds do not change it, and once invited it is frozen', async () => {
    const id = await create({
      thresholds: { digitalSkills: 60, motivation: 60 },
      managerApproval: false,
    });
    const first = await view(id);
    const newcomer = staff.find((p) => p.orgUnitPath[0] === x && p !== strongX && p !== goodX)!;
    await submitAssessment(services, newcomer, 5);
    const later = await create({ thresholds: { digitalSkills: 60, motivation: 60 } });
    expect((await view(later)).candidates.map((c) => c.objectId)).toContain(newcomer.objectId);
    const again = await view(id);
    expect(again).toEqual(first);
    expect(again).toMatchObject({
      thresholds: { digitalSkills: 60, motivation: 60 },
      managerApproval: false,
    });

    const patched = await call(`/api/v1/facilitator-rounds/${id}`, SARA, {
      method: 'PATCH',
      body: JSON.stringify({ targets: { [x!]: 3 } }),
    });
    expect(
      ((await patched.json()) as FacilitatorRound).coverage.find((c) => c.department === x),
    ).toMatchObject({ target: 3, belowTarget: true });
    expect((await audit())[0]).toMatchObject({
      action: 'facilitators.round.targets',
      counts: { [x!]: 3 },
    });

    await services.rounds.modifyRound(id, (round) => ({
      ...round,
      invitationCampaignId: 'c20260301t090000abcdef',
    }));
    const frozen = await call(`/api/v1/facilitator-rounds/${id}`, SARA, {
      method: 'PATCH',
      body: JSON.stringify({ targets: { [x!]: 1 } }),
    });
    expect(frozen.status).toBe(409);
    expect(await frozen.json()).toMatchObject({ code: 'alreadyInvited' });
    const change = await post(`/api/v1/facilitator-rounds/${id}/shortlist`, {
      action: 'remove',
      objectId: strongX!.objectId,
      reason: REASON,
    });
    expect(change.status).toBe(409);
    expect((await view(id)).invitationCampaignId).toBe('c20260301t090000abcdef');
  });

  it('shows a status change made by another writer at once (the cached view follows the version)', async () => {
    const id = await create();
    await view(id);
    await services.rounds.modifyEntry(
      id,
      strongX!.objectId!,
      (entry) => entry && { ...entry, status: 'approved' },
    );
    const round = await view(id);
    expect(round.candidates.find((c) => c.objectId === strongX!.objectId)?.status).toBe('approved');
    expect(round.coverage.find((c) => c.department === x)).toMatchObject({ accepted: 1 });
  });

  it('sends a round gzip-ed to a caller that accepts it, the same JSON to one that does not', async () => {
    const id = await create();
    const raw = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        get(
          `${base}/api/v1/facilitator-rounds/${id}`,
          { headers: { 'x-oibo-demo-user': SARA.objectId, 'accept-encoding': acceptEncoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ).on('error', reject);
      });
    const plain = await raw('identity');
    const zipped = await raw('br;q=1, gzip;q=0.5');
    const refused = await raw('gzip;q=0');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString()) as FacilitatorRound).toEqual(await view(id));
  });

  it('lists rounds newest first and pages the audit log', async () => {
    const { rounds } = (await (
      await call('/api/v1/facilitator-rounds', SARA)
    ).json()) as FacilitatorRoundList;
    const times = rounds.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const page = (await (await call('/api/v1/audit?limit=2', SARA)).json()) as AuditPage;
    expect(page.entries).toHaveLength(2);
    const next = (await (
      await call(`/api/v1/audit?limit=2&after=${encodeURIComponent(page.next!)}`, SARA)
    ).json()) as AuditPage;
    expect(next.entries[0]!.at <= page.entries[1]!.at).toBe(true);
    expect(next.entries.map((e) => e.id)).not.toContain(page.entries[1]!.id);
  });
});
