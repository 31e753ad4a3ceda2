import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import { createBotServer, type Services } from '../../server/app';
import { silentLogger } from '../../test/bot-harness';
import { demoServices } from '../../test/store';
import users from '../../content/demo/playground-users.json';
import { createAuthenticator } from './auth/authenticator';
import type { MyResults } from './contract';
import { createTestTokenIssuer, type TestTokenIssuer } from '../../test/test-tokens';
import { submitAssessment } from '../../test/assessment';
import { PARTICIPANTS } from '../../core/assessment/aggregates';
import { campaignOf } from '../../core/assessment/assessment-campaigns.repository';
import { privacyPolicy } from '../../core/privacy/suppression';

const TENANT = '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00';
const CLIENT = '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60';
const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin

describe('tab API over HTTP with Entra tokens', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;
  let issuer: TestTokenIssuer;

  const call = async (path: string, as?: { objectId: string }, init: RequestInit = {}) => {
    const token = as ? await issuer.mint({ claims: { oid: as.objectId } }) : undefined;
    return fetch(`${base}${path}`, {
      ...init,
      headers: {
        'accept-language': 'it-IT',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  };

  const submit = (person: { objectId?: string; orgUnitPath: string[] }, value: 1 | 2 | 3 | 4 | 5) =>
    submitAssessment(services, person, value);

  /**
   * Two campaigns of the past, top-level units U1…U6, written straight to the store: 2025 locked
   * with k = 5, 2024 with k = 8 and without the questionnaire's second dimension.
   */
  const seedEarlierCampaigns = async () => {
    const { questionnaire, assessmentCampaigns, aggregates } = services;
    const [first, second] = questionnaire.dimensions.map((d) => d.id);
    const editions = [
      {
        id: 'earlier-2025',
        k: 5,
        units: { U1: [10, 60], U2: [9, 70], U3: [3, 50], U4: [6, 50], U6: [8, 40] },
      },
      {
        id: 'earlier-2024',
        k: 8,
        units: { U1: [15, 50], U2: [7, 65], U3: [12, 50], U5: [20, 55] },
      },
    ];
    for (const { id, k, units } of editions) {
      const year = id.slice(-4);
      const campaign = campaignOf(
        questionnaire,
        id,
        privacyPolicy(k),
        new Date(`${year}-03-10T09:00:00Z`),
      );
      const dimensions = year === '2024' ? [first!] : [first!, second!];
      await assessmentCampaigns.lock({
        ...campaign,
        dimensions: campaign.dimensions.filter((d) => dimensions.includes(d.id)),
      });
      const rows = Object.entries(units).flatMap(([unit, [count, mean]]) =>
        [PARTICIPANTS, ...dimensions].map((dimension) => ({
          campaignId: id,
          orgUnitPath: [unit],
          dimension,
          count: count!,
          sumTenths: count! * mean! * 10,
          sumSqHundredths: count! * mean! * mean! * 100,
          bands: { base: 0, intermediate: count!, advanced: 0 },
        })),
      );
      await aggregates.replaceCampaign(id, rows);
    }
  };

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
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
  });
  afterAll(async () => {
    server.close();
    await drop();
  });

  it('refuses calls without a token with a localised 401 problem', async () => {
    const response = await call('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toMatchObject({
      status: 401,
      reason: 'missing',
      title: expect.stringContaining('Teams'),
    });
  });

  it('refuses a token signed by another key', async () => {
    const token = await issuer.mint({ claims: { oid: GIULIA.objectId }, untrustedKey: 'sameKid' });
    const response = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(401);
  });

  it('tells an employee who they are, with the language the tab speaks to them', async () => {
    const response = await call('/api/v1/me', GIULIA);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      displayName: 'Giulia Ferri',
      roles: ['employee'],
      locale: 'it-IT',
    });
  });

  it("serves an employee's own result only once it exists, and erases it", async () => {
    expect((await call('/api/v1/me/results', GIULIA)).status).toBe(404);
    await submit(GIULIA, 4);
    const response = await call('/api/v1/me/results', GIULIA);
    expect(response.status).toBe(200);
    const body = (await response.json()) as MyResults;
    expect(body.dimensions).toHaveLength(6);
    // The thresholds a chart of the scores marks, from the questionnaire, in the caller's language.
    expect(body.bands).toEqual([
      { id: 'base', min: 0, label: 'Base' },
      { id: 'intermediate', min: 50, label: 'Intermedio' },
      { id: 'advanced', min: 75, label: 'Avanzato' },
    ]);
    expect(body.dimensions[0]).toMatchObject({
      bandLabel: expect.stringMatching(/Base|Intermedio|Avanzato/),
    });

    const data = await call('/api/v1/me/data', GIULIA);
    expect(data.headers.get('content-disposition')).toContain('attachment');
    expect(((await data.json()) as { assessments: unknown[] }).assessments).toHaveLength(1);

    expect((await call('/api/v1/me/data', GIULIA, { method: 'DELETE' })).status).toBe(204);
    expect((await call('/api/v1/me/results', GIULIA)).status).toBe(404);
  });

  it('keeps the dashboard from employees', async () => {
    const response = await call('/api/v1/dashboard/heatmap', GIULIA);
    expect(response.status).toBe(403);
  });

  it('shows a manager their subtree only, never a group under 5', async () => {
    const area = MARCO.orgUnitPath[0]!;
    const people = generateDemoDirectory().filter(
      (p) => p.orgUnitPath[0] === area && p.orgUnitPath.length === 2,
    );
    const byUnit = new Map<string, typeof people>();
    for (const p of people)
      byUnit.set(p.orgUnitPath[1]!, [...(byUnit.get(p.orgUnitPath[1]!) ?? []), p]);
    const [big, small] = [...byUnit.values()];
    for (const p of big!.slice(0, 6)) await submit(p, 5);
    for (const p of small!.slice(0, 2)) await submit(p, 2);
    const outside = generateDemoDirectory().find((p) => p.orgUnitPath[0] !== area)!;
    await submit(outside, 3);
    await services.publisher.publishAll();

    const response = await call('/api/v1/dashboard/heatmap', MARCO);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      scope: string[];
      dimensions: {
        units: {
          orgUnitPath: string[];
          hidden: boolean;
          count: number | null;
          mean: number | null;
        }[];
      }[];
    };
    expect(body.scope).toEqual([area]);
    const units = body.dimensions[0]!.units;
    expect(units.every((u) => u.orgUnitPath[0] === area)).toBe(true);
    expect(units.filter((u) => !u.hidden).every((u) => (u.count ?? 0) >= 5)).toBe(true);
    expect(units.find((u) => u.orgUnitPath[1] === big![0]!.orgUnitPath[1])?.count).toBe(6);
    // Two people are fewer than k: their answers wait, unpublished, for more in their unit.
    expect(units.find((u) => u.orgUnitPath[1] === small![0]!.orgUnitPath[1])).toBeUndefined();
  });

  it('lets a manager open the units of their subtree only, and admins any unit', async () => {
    const area = MARCO.orgUnitPath[0]!;
    // As the tab writes it (URLSearchParams: spaces as "+").
    const unit = new URLSearchParams([
      ['unit', area],
      ['unit', "Settore Servizi per l'Infanzia"],
    ]);
    const own = await call(`/api/v1/dashboard/heatmap?${unit.toString()}`, MARCO);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      scope: [area, "Settore Servizi per l'Infanzia"],
      root: [area],
    });
    const elsewhere = `unit=${encodeURIComponent('Gabinetto del Sindaco')}`;
    const refused = await call(`/api/v1/dashboard/heatmap?${elsewhere}`, MARCO);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const admin = await call(`/api/v1/dashboard/heatmap?${elsewhere}`, SARA);
    expect(await admin.json()).toMatchObject({ scope: ['Gabinetto del Sindaco'], root: [] });
    expect((await call('/api/v1/dashboard/heatmap?unit=', SARA)).status).toBe(400);
  });

  it('gives the trend of a unit of the caller’s scope only, to managers and admins', async () => {
    const area = MARCO.orgUnitPath[0]!;
    expect((await call('/api/v1/dashboard/trend', GIULIA)).status).toBe(403);
    const own = await call('/api/v1/dashboard/trend', MARCO);
    expect(await own.json()).toMatchObject({ scope: [area], root: [area] });
    const elsewhere = `unit=${encodeURIComponent('Gabinetto del Sindaco')}`;
    expect((await call(`/api/v1/dashboard/trend?${elsewhere}`, MARCO)).status).toBe(403);
    const admin = await call(`/api/v1/dashboard/trend?${elsewhere}`, SARA);
    expect(await admin.json()).toMatchObject({ scope: ['Gabinetto del Sindaco'], root: [] });
    expect((await call('/api/v1/dashboard/trend?depth=1', SARA)).status).toBe(400);
  });

  it('shows admins the whole organisation and validates the query', async () => {
    const response = await call('/api/v1/dashboard/heatmap', SARA);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { scope: string[] }).scope).toEqual([]);
    expect((await call('/api/v1/dashboard/heatmap?depth=9', SARA)).status).toBe(400);
    for (const query of ['campaign=%F0%9F%98%80', 'compare=%F0%9F%98%80', 'campaign=a%20b']) {
      const refused = await call(`/api/v1/dashboard/heatmap?${query}`, SARA);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('lists the campaigns with results to managers and admins, with their locked k', async () => {
    expect((await call('/api/v1/dashboard/campaigns', GIULIA)).status).toBe(403);
    expect((await call('/api/v1/dashboard/campaigns', MARCO)).status).toBe(200);
    await seedEarlierCampaigns();
    const response = await call('/api/v1/dashboard/campaigns', SARA);
    const body = (await response.json()) as {
      current: { id: string };
      campaigns: { id: string; k: number; lockedAt: string; title: Record<string, string> }[];
    };
    expect(body.current.id).toBe(services.assessment.campaignId);
    const earlier = body.campaigns.filter((c) => c.id.startsWith('earlier-'));
    expect(earlier).toEqual([
      expect.objectContaining({ id: 'earlier-2025', k: 5, lockedAt: '2025-03-10T09:00:00.000Z' }),
      expect.objectContaining({ id: 'earlier-2024', k: 8, lockedAt: '2024-03-10T09:00:00.000Z' }),
    ]);
    expect(earlier[0]!.title['it-IT']).toBe(services.questionnaire.title['it-IT']);
  });

  it('compares two campaigns only where a unit is visible in both, each with its own k', async () => {
    await seedEarlierCampaigns();
    const response = await call(
      '/api/v1/dashboard/heatmap?campaign=earlier-2025&compare=earlier-2024',
      SARA,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      campaign: { id: string; k: number };
      compare: { id: string; k: number };
      dimensions: {
        id: string;
        units: { orgUnitPath: string[]; mean: number | null; comparison: unknown }[];
      }[];
    };
    expect([body.campaign, body.compare]).toMatchObject([
      { id: 'earlier-2025', k: 5 },
      { id: 'earlier-2024', k: 8 },
    ]);
    const [first, second] = body.dimensions;
    expect(first!.units.map((u) => [u.orgUnitPath[0], u.mean, u.comparison])).toEqual([
      ['U1', 60, { mean: 50, delta: 10, reason: null }],
      // 7 people in 2024: enough for k = 5, but 2024 was locked with k = 8.
      ['U2', 70, { mean: null, delta: null, reason: 'hiddenThere' }],
      ['U3', null, { mean: null, delta: null, reason: 'hidden' }],
      ['U4', null, { mean: null, delta: null, reason: 'hidden' }],
      ['U6', 40, { mean: null, delta: null, reason: 'noData' }],
    ]);
    // A dimension that 2024 did not have is compared nowhere.
    expect(second!.units.every((u) => (u.comparison as { delta: null }).delta === null)).toBe(true);
    expect(second!.units.some((u) => u.mean !== null)).toBe(true);
  });

  it('answers an unknown campaign with a localised 404 problem', async () => {
    for (const query of ['campaign=nessuna', 'compare=nessuna']) {
      const response = await call(`/api/v1/dashboard/heatmap?${query}`, SARA);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        code: 'unknownCampaign',
        title: expect.stringContaining('Rilevazione sconosciuta'),
      });
    }
    expect((await call('/api/v1/dashboard/heatmap?campaign=', SARA)).status).toBe(400);
  });

  const post = async (path: string, as: { objectId: string }, body?: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'accept-language': 'en-US',
        'content-type': 'application/json',
        authorization: `Bearer ${await issuer.mint({ claims: { oid: as.objectId } })}`,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('lets only admins see and run campaigns', async () => {
    expect((await call('/api/v1/campaigns')).status).toBe(401);
    expect((await call('/api/v1/campaigns', GIULIA)).status).toBe(403);
    expect((await call('/api/v1/campaigns', MARCO)).status).toBe(403);
    expect((await post('/api/v1/campaigns', MARCO, { audience: { kind: 'all' } })).status).toBe(
      403,
    );
    expect((await call('/api/v1/campaigns', SARA)).status).toBe(200);
  });

  it('previews an invitation for admins only: how many it would reach, skip and miss, writing nothing', async () => {
    const department = GIULIA.orgUnitPath[0]!;
    const colleague = generateDemoDirectory().find(
      (p) => p.orgUnitPath[0] === department && p.objectId && p.objectId !== GIULIA.objectId,
    )!;
    for (const objectId of [GIULIA.objectId, colleague.objectId!]) {
      await services.conversationRefs.save({
        scope: 'personal',
        conversationId: `a:${objectId}`,
        userObjectId: objectId,
        reference: JSON.stringify({
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          conversation: { id: `a:${objectId}`, tenantId: TENANT },
          user: { id: `29:${objectId}` },
          bot: { id: '28:oibo' },
        }),
        updatedAt: new Date(),
      });
    }
    const { pseudonyms, respondents, assessment } = services;
    await respondents.record(
      pseudonyms.pseudonymOf(GIULIA.objectId),
      assessment.campaignId,
      new Date(),
    );
    const body = { audience: { kind: 'departments', departments: [department] } };
    const before = await (await call('/api/v1/campaigns', SARA)).json();

    expect((await post('/api/v1/campaigns/preview', MARCO, body)).status).toBe(403);
    expect(
      (await post('/api/v1/campaigns/preview', SARA, { audience: { kind: 'x' } })).status,
    ).toBe(400);
    const preview = await post('/api/v1/campaigns/preview', SARA, body);

    expect(preview.status).toBe(200);
    const people = generateDemoDirectory().filter((p) => p.orgUnitPath[0] === department).length;
    expect(await preview.json()).toEqual({
      audience: people,
      reachable: 1,
      alreadyCompleted: 1,
      unreachable: people - 2,
    });
    expect(await (await call('/api/v1/campaigns', SARA)).json()).toEqual(before);
  });

  it('starts a campaign, reports its progress and refuses what its state does not allow', async () => {
    const { departments } = (await (await call('/api/v1/campaigns/departments', SARA)).json()) as {
      departments: string[];
    };
    expect(departments).toContain(GIULIA.orgUnitPath[0]);

    expect((await post('/api/v1/campaigns', SARA, { audience: { kind: 'everyone' } })).status).toBe(
      400,
    );
    const unknown = await post('/api/v1/campaigns', SARA, {
      audience: { kind: 'departments', departments: ['Area Inesistente'] },
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({
      code: 'unknownDepartments',
      title: expect.stringContaining('Area Inesistente'),
    });

    const started = await post('/api/v1/campaigns', SARA, {
      audience: { kind: 'departments', departments: [GIULIA.orgUnitPath[0]] },
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const status = await call(`/api/v1/campaigns/${id}`, SARA);
    expect(await status.json()).toMatchObject({
      id,
      state: 'preparing',
      counts: { total: 0, pending: 0 },
      sending: false,
    });

    const resume = await post(`/api/v1/campaigns/${id}/resume`, SARA);
    expect(resume.status).toBe(409);
    expect(await resume.json()).toMatchObject({
      code: 'notAllowed',
      title: 'Not possible for a campaign that is "preparing".',
    });
    expect(await (await call(`/api/v1/campaigns/${id}/unreachable`, SARA)).json()).toEqual({
      people: [],
    });
    expect((await post(`/api/v1/campaigns/${id}/pause`, SARA)).status).toBe(200);
    expect((await post(`/api/v1/campaigns/${id}/cancel`, SARA)).status).toBe(200);
    expect((await post(`/api/v1/campaigns/${id}/reminders`, SARA, { afterHours: 72 })).status).toBe(
      422,
    );
    expect((await post(`/api/v1/campaigns/${id}/reminders`, SARA, { afterHours: -1 })).status).toBe(
      400,
    );
    expect((await call('/api/v1/campaigns/c20991231t235959000000', SARA)).status).toBe(404);
    expect((await call('/api/v1/campaigns/..%2Fpeople', SARA)).status).toBe(404);
  });
});
