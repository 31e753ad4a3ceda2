import { startAppOverHttp, type AppOverHttp } from '../../../test/app-over-http';
import { type ConnectorSim } from '../../../bench/connector-sim/connector-sim';
import type { Campaign } from '../../../core/delivery/campaign';
import type { Person } from '../../../core/directory/person';
import {
  FACILITATOR_APPROVAL,
  FACILITATOR_DECISION,
} from '../../../core/facilitators/facilitator-messages';
import { CONSENT_ITEM, type ShortlistEntry } from '../../../core/facilitators/facilitators';
import { FACILITATORS_TABLE } from '../../../core/facilitators/facilitators.repository';
import { DEFAULT_ABUSE_LIMITS } from '../../../core/util/abuse-limits';
import type { FacilitatorsNearMe, Me } from '../../../tab/api/contract';
import { createServices, type Services } from '../../../server/app';
import { botHarness, cardsOf, cardText, personalActivity } from '../../../test/bot-harness';
import { submitAssessment } from '../../../test/assessment';
import { cardButtons } from '../../../test/card-buttons';
import { freshStore, TEST_CONFIG } from '../../../test/store';
import { type TestTokenIssuer } from '../../../test/test-tokens';
import type { AdaptiveCard } from '../../cards/card';
import { cardProblems } from '../../cards/card-validation';
import { translator } from '../../../core/i18n/translator';
import { invitationCard } from './facilitators.cards';

jest.setTimeout(120_000);

/** The roster's table, until the composition lists it with the training records. */
const COMMUNITY_TABLES = [FACILITATORS_TABLE] as const;

let n = 0;
function person(name: string, path: string[], extra: Partial<Person> = {}): Person {
  n++;
  return {
    objectId: `0f1ce000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    upn: `${name.toLowerCase()}@comune-demo.example`,
    displayName: name,
    orgUnitPath: path,
    manager: false,
    roles: [],
    locale: 'it-IT',
    ...extra,
  };
}

const WELFARE = ['Area Welfare'];
const ANZIANI = ['Area Welfare', 'Settore Anziani'];
const director = person('Dora', WELFARE, { manager: true });
const head = person('Enzo', ANZIANI, { manager: true });
const otherManager = person('Fabio', ['Area Cultura'], { manager: true });
const admin = person('Gaia', ['Agenda Digitale'], { roles: ['admin'] });
const anna = person('Anna', ANZIANI);
const bruno = person('Bruno', ANZIANI, { locale: 'en-US' });
const carla = person('Carla', ['Area Welfare', 'Settore Casa']);
const olga = person('Olga', ANZIANI);
const colleague = person('Ugo', ['Area Welfare', 'Settore Minori'], { upn: undefined });
const sergio = person('Sergio', ['Area Sport']);
const lia = person('Lia', ['Area Cultura', 'Settore Biblioteche']);
const PEOPLE = [
  director,
  head,
  otherManager,
  admin,
  anna,
  bruno,
  carla,
  olga,
  colleague,
  sergio,
  lia,
];

const oid = (p: Person) => p.objectId!;
const ROUND = 'r20261204t090000';

function entry(p: Person, status: ShortlistEntry['status']): ShortlistEntry {
  return {
    roundId: ROUND,
    objectId: oid(p),
    displayName: p.displayName,
    department: p.orgUnitPath[0]!,
    digitalSkills: 80,
    motivation: 75,
    interested: true,
    reason: 'aboveThresholds',
    status,
    changedAt: new Date('2026-12-04T09:00:00Z'),
  };
}

describe('facilitator invitations, approvals and consent (Azurite + connector simulator)', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let sim: ConnectorSim;
  let app: AppOverHttp;
  let base: string;
  let issuer: TestTokenIssuer;
  let bot: ReturnType<typeof botHarness>;

  beforeAll(async () => {
    const fresh = await freshStore();
    await fresh.store.ensureTables(COMMUNITY_TABLES);
    drop = async () => {
      await fresh.store.deleteTables(COMMUNITY_TABLES);
      await fresh.drop();
    };
    services = createServices(fresh.store, {
      ...TEST_CONFIG,
      delivery: { ratePerSecond: 100, maxAttempts: 3 },
      programmeContactUpn: 'facilitazione@comune-demo.example',
      abuseLimits: { ...DEFAULT_ABUSE_LIMITS, campaignStartsPerMinute: 1_000 },
    });
    app = await startAppOverHttp(services, PEOPLE);
    ({ sim, base, issuer } = app);
    bot = botHarness(services);
    await services.rounds.create(
      {
        id: ROUND,
        createdAt: new Date('2026-12-04T09:00:00Z'),
        createdBy: oid(admin),
        thresholds: { digitalSkills: 70, motivation: 70 },
        targets: { 'Area Welfare': 2 },
        managerApproval: true,
      },
      [
        entry(anna, 'proposed'),
        entry(bruno, 'proposed'),
        entry(carla, 'proposed'),
        entry(olga, 'removed'),
      ],
    );
  });

  afterAll(async () => {
    await app.stop();
    await drop();
  });

  const call = async (path: string, as: Person, init: RequestInit = {}) => {
    const token = await issuer.mint({ claims: { oid: oid(as) } });
    return fetch(`${base}${path}`, {
      ...init,
      headers: {
        'accept-language': 'it-IT',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        authorization: `Bearer ${token}`,
      },
    });
  };
  const post = (path: string, as: Person, body: unknown = {}) =>
    call(path, as, { method: 'POST', body: JSON.stringify(body) });
  const rolesOf = async (p: Person) => ((await (await call('/api/v1/me', p)).json()) as Me).roles;

  /** Who the simulator delivered to since `from` (a campaign's sends may precede its startedAt). */
  const deliveredTo = (from: number) =>
    [...sim.deliveries()]
      .filter((d) => d.at >= from)
      .map((d) => d.conversationId.slice(2))
      .sort();

  const completed = async (id: string): Promise<Campaign> => {
    for (;;) {
      const { campaign } = await services.campaigns.status(id);
      if (campaign.state === 'completed') return campaign;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** The one campaign of `kind` about `subject`, once it has finished sending. */
  const campaignOf = async (kind: string, subject: string) => {
    const found = (await services.campaigns.list()).filter(
      (c) => c.kind === kind && c.subject === subject,
    );
    expect(found).toHaveLength(1);
    return completed(found[0]!.id);
  };

  /** The card `campaign` brought to `p`, as the engine built it. */
  const cardFor = async (campaign: Campaign, p: Person): Promise<AdaptiveCard> => {
    const activity = await services.kinds.build(campaign, {
      campaignId: campaign.id,
      bucket: 0,
      personId: `oid:${oid(p)}`,
      locale: p.locale,
      status: 'pending',
      attempts: 0,
      throttled: 0,
      notBefore: 0,
      inDoubt: false,
      updatedAt: new Date(),
    });
    const [card] = cardsOf([activity]);
    expect(cardProblems(card!)).toEqual([]);
    return card!;
  };

  /** Clicks `title` on `card` as `p` (with `inputs` typed in) and returns what replaced it. */
  const click = async (p: Person, card: AdaptiveCard, title: string, inputs = {}) => {
    const button = cardButtons(card).find((b) => b.title === title);
    if (!button) throw new Error(`no button "${title}" in: ${cardText(card)}`);
    const replies = await bot.turn(
      personalActivity(
        { objectId: oid(p) },
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: {
            action: {
              type: 'Action.Execute',
              verb: button.verb,
              data: { ...button.data, ...inputs },
            },
          },
        },
      ),
    );
    const response = replies.find((a) => a.type === 'invokeResponse')?.value as {
      body: { type: string; value: AdaptiveCard | string };
    };
    return response.body.value;
  };

  const status = async (p: Person) => (await services.rounds.entry(ROUND, oid(p)))?.status;

  let invitation: Campaign;

  it('invites exactly the shortlist, once: 202 with the campaign, then 409; 404 and 422 refused', async () => {
    expect((await post(`/api/v1/facilitator-rounds/${ROUND}/invitations`, anna)).status).toBe(403);
    expect((await post('/api/v1/facilitator-rounds/r-unknown/invitations', admin)).status).toBe(
      404,
    );
    await services.rounds.create({ ...(await services.rounds.round(ROUND))!, id: 'r-empty' }, [
      { ...entry(olga, 'removed'), roundId: 'r-empty' },
    ]);
    const empty = await post('/api/v1/facilitator-rounds/r-empty/invitations', admin);
    expect(empty.status).toBe(422);
    expect(await services.rounds.round('r-empty')).not.toHaveProperty('invitationCampaignId');

    const from = Date.now();
    const response = await post(`/api/v1/facilitator-rounds/${ROUND}/invitations`, admin);
    expect(response.status).toBe(202);
    const { campaignId } = (await response.json()) as { campaignId: string };
    expect((await services.rounds.round(ROUND))!.invitationCampaignId).toBe(campaignId);
    invitation = await completed(campaignId);

    expect(deliveredTo(from)).toEqual([oid(anna), oid(bruno), oid(carla)].sort());
    expect(sim.stats()).toMatchObject({ duplicates: 0 });
    expect(await status(olga)).toBe('removed');
    const again = await post(`/api/v1/facilitator-rounds/${ROUND}/invitations`, admin);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { title: string }).title).toContain('già stati inviati');
  });

  it("the card is in the person's language, with Accept, Decline and a chat with the programme contact", async () => {
    const italian = await cardFor(invitation, anna);
    expect(cardText(italian)).toContain('facilitatore o facilitatrice digitale');
    expect(cardText(italian)).toContain('40 ore');
    expect(cardButtons(italian).map((b) => b.title)).toEqual(['Accetto', 'Rinuncio']);
    expect(italian.actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Fai una domanda',
      url: 'https://teams.microsoft.com/l/chat/0/0?users=facilitazione%40comune-demo.example',
    });
    expect(cardText(await cardFor(invitation, bruno))).toContain('become a digital facilitator');
  });

  it('a retry after a crash between marking and starting continues the same campaign', async () => {
    const round = 'r-crash';
    await services.rounds.create({ ...(await services.rounds.round(ROUND))!, id: round }, [
      { ...entry(olga, 'proposed'), roundId: round },
    ]);
    // The process died after recording the id and marking Olga invited, before the campaign.
    const recorded = 'c20261204t091500abcdef';
    await services.rounds.modifyRound(round, (r) => ({ ...r, invitationCampaignId: recorded }));
    await services.rounds.modifyEntry(round, oid(olga), (e) => e && { ...e, status: 'invited' });
    const from = Date.now();
    const retried = await post(`/api/v1/facilitator-rounds/${round}/invitations`, admin);
    expect(retried.status).toBe(202);
    expect(await retried.json()).toEqual({ campaignId: recorded });
    await completed(recorded);
    expect(deliveredTo(from)).toEqual([oid(olga)]);
    expect((await post(`/api/v1/facilitator-rounds/${round}/invitations`, admin)).status).toBe(409);
    // Olga's answers to this round do not matter below.
    await services.rounds.modifyEntry(round, oid(olga), (e) => e && { ...e, status: 'declined' });
  });

  it('accept → the manager of her own unit gets the approval card → approve → she is a facilitator', async () => {
    const annaInvitation = await cardFor(invitation, anna);
    const from = Date.now();
    const replaced = await click(anna, annaInvitation, 'Accetto');
    expect(cardText(replaced)).toContain("Abbiamo chiesto l'approvazione");
    expect(await status(anna)).toBe('awaitingApproval');

    const approval = await campaignOf(FACILITATOR_APPROVAL, `${ROUND}/${oid(anna)}`);
    expect(deliveredTo(from)).toEqual([oid(head)]);
    const card = await cardFor(approval, head);
    expect(cardText(card)).toContain('Anna vuole diventare facilitatore o facilitatrice digitale');

    // Only her own manager: another manager's answer is refused and writes nothing.
    expect(cardText(await click(otherManager, card, 'Approvo'))).toContain(
      'Solo chi è responsabile',
    );
    expect(cardText(await click(director, card, 'Approvo'))).toContain('Solo chi è responsabile');
    expect(await status(anna)).toBe('awaitingApproval');
    expect(await rolesOf(anna)).not.toContain('facilitator');

    expect(cardText(await click(head, card, 'Approvo'))).toContain('da ora Anna fa parte');
    expect(await status(anna)).toBe('approved');
    expect(await rolesOf(anna)).toContain('facilitator');
    expect(await services.facilitators.find(oid(anna))).toMatchObject({ roundId: ROUND });
    const decision = await campaignOf(FACILITATOR_DECISION, `${ROUND}/${oid(anna)}`);
    expect(cardText(await cardFor(decision, anna))).toContain('Sei nella comunità');
    const audit = await services.audit.byActor(oid(head));
    expect(audit.map((e) => e.action).sort()).toEqual([
      'facilitators.approve',
      'facilitators.grant.approval',
    ]);

    // The card clicked again, or the old invitation: no longer applies, nothing written.
    expect(cardText(await click(head, card, 'Approvo'))).toContain('da ora Anna fa parte');
    expect(await services.audit.byActor(oid(head))).toHaveLength(2);
    expect(cardText(await click(anna, annaInvitation, 'Accetto'))).toContain('non è più valida');
  });

  it('with no manager above them, the programme team gets the approval card', async () => {
    const round = 'r-sport';
    await services.rounds.create({ ...(await services.rounds.round(ROUND))!, id: round }, [
      { ...entry(sergio, 'invited'), roundId: round },
    ]);
    const card = invitationCard(translator('it-IT'), {
      roundId: round,
      managerApproval: true,
      reminder: false,
    });
    const from = Date.now();
    expect(cardText(await click(sergio, card, 'Accetto'))).toContain(
      'decide il gruppo di programma',
    );
    const approval = await campaignOf(FACILITATOR_APPROVAL, `${round}/${oid(sergio)}`);
    expect(deliveredTo(from)).toEqual([oid(admin)]);
    expect(cardText(await cardFor(approval, admin))).toContain('decide il gruppo di programma');
    expect(cardText(await click(admin, await cardFor(approval, admin), 'Approvo'))).toContain(
      'da ora Sergio fa parte',
    );
  });

  it('not now needs a reason; then no role, and the person is told', async () => {
    await click(bruno, await cardFor(invitation, bruno), 'Accept');
    const approval = await campaignOf(FACILITATOR_APPROVAL, `${ROUND}/${oid(bruno)}`);
    const card = await cardFor(approval, head);
    expect(await click(head, card, 'Non ora', { reason: ' ' })).toContain('serve il motivo');
    expect(await status(bruno)).toBe('awaitingApproval');
    const refused = await click(head, card, 'Non ora', { reason: 'Carico di lavoro del servizio' });
    expect(cardText(refused)).toContain('Bruno non diventa');
    expect(await status(bruno)).toBe('notApproved');
    expect(await rolesOf(bruno)).not.toContain('facilitator');
    expect(await services.facilitators.find(oid(bruno))).toBeUndefined();
    expect(await services.audit.byActor(oid(head))).toContainEqual(
      expect.objectContaining({
        action: 'facilitators.notApproved',
        subject: oid(bruno),
        note: 'Carico di lavoro del servizio',
      }),
    );
    const decision = await campaignOf(FACILITATOR_DECISION, `${ROUND}/${oid(bruno)}`);
    expect(cardText(await cardFor(decision, bruno))).toContain('not joining');
  });

  it('reminds only who has not answered', async () => {
    const from = Date.now();
    const response = await post(`/api/v1/campaigns/${invitation.id}/reminders`, admin, {
      afterHours: 0,
    });
    expect(response.status).toBe(201);
    const reminder = (await response.json()) as { id: string; remindable: boolean };
    expect(reminder.remindable).toBe(false);
    const sent = await completed(reminder.id);
    expect(deliveredTo(from)).toEqual([oid(carla)]);
    expect(cardText(await cardFor(sent, carla))).toContain('Promemoria');
    const list = (await (await call('/api/v1/campaigns', admin)).json()) as {
      campaigns: { id: string; remindable: boolean }[];
    };
    expect(list.campaigns.find((c) => c.id === invitation.id)?.remindable).toBe(true);
  });

  it('consent withdrawn: every open entry withdrawn, the invitation answers stale, nothing granted', async () => {
    const sent = await cardFor(invitation, carla);
    const at = new Date('2026-12-01T10:00:00Z');
    await services.candidates.submitted(oid(carla), at, {
      objectId: oid(carla),
      department: 'Area Welfare',
      digitalSkills: 80,
      motivation: 75,
      interested: true,
      submittedAt: at,
    });
    const response = await call('/api/v1/me/facilitator-consent', carla, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ withdrawn: 1, facilitator: false });
    expect(await status(carla)).toBe('withdrawn');
    expect(await services.candidates.find(oid(carla))).toBeUndefined();
    const card = await cardFor(invitation, carla);
    expect(cardText(card)).toContain('non è più valida');
    // A card she still has from before says so too, and writes nothing.
    const clicked = await click(carla, sent, 'Accetto');
    expect(cardText(clicked)).toContain('non è più valida');
    expect(await status(carla)).toBe('withdrawn');
  });

  it('a later submission without consent withdraws her open entries and invitation, audited', async () => {
    const other = 'r20261204t110000';
    await submitAssessment(services, lia, 5);
    expect(await services.candidates.find(oid(lia))).toBeDefined();
    await services.rounds.create(
      { ...(await services.rounds.round(ROUND))!, id: other, invitationCampaignId: undefined },
      [{ ...entry(lia, 'proposed'), roundId: other }],
    );
    await services.rounds.modifyEntry(ROUND, oid(lia), () => entry(lia, 'invited'));
    // Her next assessment (a later campaign, or after her answers were erased) says no.
    await services.assessment.erase(services.pseudonyms.pseudonymOf(oid(lia)));
    await submitAssessment(services, lia, 5, { [CONSENT_ITEM]: false });
    expect(await services.candidates.find(oid(lia))).toBeUndefined();
    expect(await status(lia)).toBe('withdrawn');
    expect((await services.rounds.entry(other, oid(lia)))?.status).toBe('withdrawn');
    expect(cardText(await cardFor(invitation, lia))).toContain('non è più valida');
    const [audited] = await services.audit.bySubject(oid(lia));
    expect(audited?.value).toMatchObject({
      action: 'facilitators.consent.withdraw',
      reason: 'assessment',
      counts: { entries: 2 },
    });
  });

  it("withdrawing consent in chat keeps a facilitator's role and says so", async () => {
    const replies = await bot.turn(
      personalActivity(
        { objectId: oid(anna) },
        { type: 'message', text: 'revoca consenso facilitatori' },
      ),
    );
    const text = cardText(cardsOf(replies));
    expect(text).toContain('il consenso è revocato');
    expect(text).toContain('Resti facilitatore o facilitatrice');
    expect(await rolesOf(anna)).toContain('facilitator');
  });

  it('a directory re-import keeps the granted role', async () => {
    await services.directory.importPeople(PEOPLE);
    expect(await rolesOf(anna)).toContain('facilitator');
  });

  it("finds the facilitators of the caller's unit, else of their area, with a Teams chat", async () => {
    const near = (await (
      await call('/api/v1/facilitators/near-me', colleague)
    ).json()) as FacilitatorsNearMe;
    expect(near).toEqual({
      scope: 'area',
      unit: 'Area Welfare',
      facilitators: [
        {
          objectId: oid(anna),
          displayName: 'Anna',
          department: 'Area Welfare',
          unit: ANZIANI,
          upn: anna.upn,
        },
      ],
    });
    const replies = await bot.turn(
      personalActivity({ objectId: oid(olga) }, { type: 'message', text: 'facilitatore' }),
    );
    const [card] = cardsOf(replies);
    expect(cardText(card)).toContain('Facilitatori digitali del tuo settore');
    expect(JSON.stringify(card)).toContain(
      'https://teams.microsoft.com/l/chat/0/0?users=anna%40comune-demo.example',
    );
  });

  it('an admin revokes the role with a reason: gone, audited, the person told', async () => {
    const path = `/api/v1/facilitators/${oid(anna)}/revocation`;
    expect((await post(path, head, { reason: 'Trasferimento' })).status).toBe(403);
    expect((await post(path, admin, { reason: 'no' })).status).toBe(400);
    expect((await post(path, admin, { reason: 'Trasferita ad altro ente' })).status).toBe(204);
    expect(await rolesOf(anna)).not.toContain('facilitator');
    expect(await services.facilitators.find(oid(anna))).toBeUndefined();
    expect((await services.audit.byActor(oid(admin))).map((e) => e.action)).toContain(
      'facilitators.revoke',
    );
    const told = (await services.campaigns.list()).find(
      (c) => c.kind === 'facilitator-revocation' && c.subject === oid(anna),
    );
    expect(cardText(await cardFor(await completed(told!.id), anna))).toContain('è concluso');
    expect((await post(path, admin, { reason: 'Di nuovo' })).status).toBe(404);
  });

  it('lists the campaigns of the kinds asked for, so decisions do not flood the invitations', async () => {
    const kindsOf = async (query: string) => {
      const response = await call(`/api/v1/campaigns${query}`, admin);
      expect(response.status).toBe(200);
      const { campaigns } = (await response.json()) as { campaigns: { kind: string }[] };
      return new Set(campaigns.map((c) => c.kind));
    };
    const every = await kindsOf('');
    expect(every).toEqual(
      new Set([
        'facilitator-invitation',
        'facilitator-reminder',
        'facilitator-approval',
        'facilitator-decision',
        'facilitator-revocation',
      ]),
    );
    expect(await kindsOf('?kind=facilitator-invitation&kind=facilitator-reminder')).toEqual(
      new Set(['facilitator-invitation', 'facilitator-reminder']),
    );
    expect(await kindsOf('?kind=assessment')).toEqual(new Set());
    // The workspace's kinds have a dot in their name.
    expect(await kindsOf('?kind=workspace.post')).toEqual(new Set());
    for (const query of ['?kind=', '?kind=Not%20a%20kind', '?other=1']) {
      expect((await call(`/api/v1/campaigns${query}`, admin)).status).toBe(400);
    }
  });
});

/** A 1:1 chat with the bot at the simulator, as if the person had installed the app. */
