import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import type { Person } from '../../core/directory/person';
import { TrainingRecordsRepository } from '../../core/facilitators/training-records.repository';
import type { Actor as IdeaActor } from '../../core/ideas/ideas.service';
import { IDEA_STATUSES } from '../../core/ideas/idea';
import type { Actor as LabActor } from '../../core/labs/lab';
import { OverviewRepository } from '../../core/overview/overview.repository';
import { isWithin } from '../../core/privacy/org-tree';
import { createBotServer, type Services } from '../../server/app';
import { submitAssessment } from '../../test/assessment';
import { silentLogger } from '../../test/bot-harness';
import { demoServices } from '../../test/store';
import users from '../../content/demo/playground-users.json';
import { createAuthenticator } from './auth/authenticator';
import { DEMO_USER_HEADER } from './auth/demo-identity';
import type * as Api from './contract';

const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const K = 5;
const DAY_MS = 86_400_000;

const IDEA = {
  procedure: 'Rilascio certificati anagrafici',
  office: 'Settore Anagrafe',
  problem: 'Le persone fanno la coda allo sportello per un certificato che potrebbero scaricare.',
  proposal: 'Un servizio online con SPID che rilascia i certificati anagrafici con bollo digitale.',
  benefits: 'Cittadinanza: niente code. Colleghe e colleghi: meno sportello.',
  beneficiaries: ['citizens' as const],
  links: [],
  theme: 'onlineServices' as const,
};

describe('GET /api/v1/overview (Azurite)', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;

  const people = generateDemoDirectory().filter((p) => p.objectId);
  const area = MARCO.orgUnitPath[0]!;
  const departments = [...new Set(people.map((p) => p.orgUnitPath[0]!))];
  const others = departments.filter((d) => d !== area);
  const inDepartment = (department: string) =>
    people.filter((p) => p.orgUnitPath[0] === department && !p.roles.includes('facilitator'));
  /** Who answered the assessment, per department. */
  const submitted = new Map<string, Person[]>();

  const get = (as: { objectId: string } | null, path = '/api/v1/overview') =>
    fetch(`${base}${path}`, { headers: as ? { [DEMO_USER_HEADER]: as.objectId } : {} });
  const overviewOf = async (as: { objectId: string }): Promise<Api.Overview> => {
    const response = await get(as);
    expect(response.status).toBe(200);
    return (await response.json()) as Api.Overview;
  };

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
    server = createBotServer(
      {
        botAuth: { mode: 'local' },
        authenticate: createAuthenticator({ mode: 'demo', production: false }, services.directory),
      },
      services,
      silentLogger,
    );
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;

    // The assessment: k or more people in three departments (the manager's among them).
    for (const [department, count] of [
      [area, 7],
      [others[0]!, 6],
      [others[1]!, 5],
    ] as const) {
      // Publications count a unit once k people wait there: one unit of the department each.
      const byUnit = new Map<string, Person[]>();
      for (const person of inDepartment(department)) {
        const key = person.orgUnitPath.join('>');
        byUnit.set(key, [...(byUnit.get(key) ?? []), person]);
      }
      const who = [...byUnit.values()].find((unit) => unit.length >= count)!.slice(0, count);
      for (const person of who) await submitAssessment(services, person, 3);
      submitted.set(department, who);
    }
    await services.publisher.publishAll();

    // Labs: one public with a done and an overdue task, one private.
    const sara: LabActor = { objectId: SARA.objectId, roles: ['employee', 'facilitator', 'admin'] };
    const [theme, other] = await services.labs.themes.all();
    const open = await services.labs.labs.create(
      { theme: theme!.id, title: 'Pagamenti agli sportelli', goal: 'Ovunque con pagoPA' },
      sara,
    );
    await services.labs.board.addTask(open.id, { title: 'Censire i POS', column: 'done' }, sara);
    await services.labs.board.addTask(
      open.id,
      { title: 'Guida per il personale', column: 'doing', dueDate: '2020-01-01' },
      sara,
    );
    await services.labs.labs.create(
      { theme: other!.id, title: 'Laboratorio riservato', goal: 'Prove interne', private: true },
      sara,
    );

    // Ideas: four in two areas, one voted, one under review, one hidden.
    const admin: IdeaActor = { objectId: SARA.objectId, name: null, department: null, admin: true };
    await services.ideas.saveCall(admin, {
      title: 'Call4Ideas',
      question: 'Che cosa digitalizzare?',
      opensAt: new Date(Date.now() - DAY_MS),
      closesAt: new Date(Date.now() + 30 * DAY_MS),
    });
    const ideaIds: string[] = [];
    for (const [i, ideaArea] of [area, area, others[0]!, others[0]!].entries()) {
      const author = inDepartment(ideaArea)[i]!;
      const actor = { objectId: author.objectId!, name: null, department: ideaArea, admin: false };
      const idea = await services.ideas.propose(actor, {
        ...IDEA,
        title: `Idea numero ${i + 1}`,
        area: ideaArea,
      });
      ideaIds.push(idea.id);
    }
    for (const voter of inDepartment(others[1]!).slice(0, 3)) {
      const actor = { objectId: voter.objectId!, name: null, department: null, admin: false };
      await services.ideas.vote(actor, ideaIds[2]!, true);
    }
    await services.ideas.setStatus(admin, ideaIds[1]!, { status: 'underReview' });
    await services.ideas.hide(admin, ideaIds[3]!, 'Contiene dati personali');

    // Facilitators: two in a department (their hours must not show), k and k + 1 in others.
    const year = new Date().getUTCFullYear();
    for (const [department, count] of [
      [others[0]!, K + 1],
      [others[1]!, 2],
      [others[2]!, K],
    ] as const) {
      for (const [i, person] of inDepartment(department).slice(-count).entries()) {
        await services.facilitators.add({
          objectId: person.objectId!,
          department,
          roundId: 'test',
          since: new Date(),
        });
        await new TrainingRecordsRepository(services.store).record(person.objectId!, [
          {
            moduleId: 'facilitazione-fondamenti',
            date: `${year}-01-1${i}`,
            hours: 2 + i,
            source: 'import',
            recordedAt: new Date(),
          },
        ]);
      }
    }
    expect(await services.overviewRefresh.refreshIfDue()).toBe(true);
  }, 180_000);

  afterAll(async () => {
    server.close();
    await drop();
  });

  it('answers 401 without an identity and 403 to an employee, for the overview and its CSV', async () => {
    expect((await get(null)).status).toBe(401);
    expect((await get(GIULIA)).status).toBe(403);
    expect((await get(GIULIA, '/api/v1/overview.csv?tile=labs')).status).toBe(403);
    expect((await get(SARA, '/api/v1/overview.csv?tile=nope')).status).toBe(400);
  });

  it('equals a recount from the raw rows', async () => {
    const overview = await overviewOf(SARA);
    for (const [department, who] of submitted) {
      const unit = overview.participation.units.find((u) => u.orgUnitPath[0] === department)!;
      expect(unit).toMatchObject({ hidden: false, completed: who.length });
      expect(unit.invited).toBe(people.filter((p) => p.orgUnitPath[0] === department).length);
    }
    expect(overview.participation.total.completed).toBe(7 + 6 + 5);
    expect(overview.dimensions.total.scores.length).toBeGreaterThan(0);

    const labs = await services.labs.labRows.all();
    const tasks = await services.labs.boardRows.allTasks();
    expect(overview.labs.total).toMatchObject({
      labs: labs.length,
      members: labs.reduce((sum, lab) => sum + lab.members.length, 0),
      tasksDone: tasks.filter((t) => t.column === 'done').length,
      tasksOverdue: 1,
    });

    const call = (await services.ideas.allCalls())[0]!;
    const ideas = (await services.ideas.list(call.id, { withHidden: true })).filter(
      (idea) => idea.hidden === null,
    );
    expect(overview.ideas.total).toBe(ideas.length);
    for (const status of IDEA_STATUSES) {
      expect(overview.ideas.funnel[status]).toBe(ideas.filter((i) => i.status === status).length);
    }
    expect(overview.ideas.top[0]).toMatchObject({ title: 'Idea numero 3', votes: 3 });
    expect(overview.ideas.areas.map((a) => [a.area, a.ideas])).toEqual(
      [...new Set(ideas.map((i) => i.area))]
        .map((a) => [a, ideas.filter((i) => i.area === a).length])
        .sort((x, y) => Number(y[1]) - Number(x[1]) || String(x[0]).localeCompare(String(y[0]))),
    );

    const roster = await services.facilitators.all();
    expect(overview.facilitators.total.facilitators).toBe(roster.length);
    const staffed = overview.facilitators.units.find((u) => u.orgUnitPath[0] === others[0])!;
    // 2 + 3 + … + 7 hours, one module each.
    expect(staffed).toMatchObject({ facilitators: K + 1, hidden: false, trainingHours: 27 });
  });

  it('hides every group below k, and enough others that it cannot be subtracted', async () => {
    const overview = await overviewOf(SARA);
    for (const unit of overview.participation.units) {
      if (!unit.hidden) expect(unit.completed).toBeGreaterThanOrEqual(K);
      else expect([unit.completed, unit.invited, unit.rate]).toEqual([null, null, null]);
    }
    const staffed = overview.facilitators.units.filter((u) => u.facilitators > 0);
    const small = staffed.find((u) => u.orgUnitPath[0] === others[1])!;
    expect(small).toMatchObject({ facilitators: 2, hidden: true, trainingHours: null });
    // With the total shown, one hidden department would be the total minus the others.
    const hidden = staffed.filter((u) => u.hidden);
    if (!overview.facilitators.total.hidden) expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const unit of staffed.filter((u) => !u.hidden)) {
      expect(unit.facilitators).toBeGreaterThanOrEqual(K);
    }
  });

  it('shows a manager their subtree only, and the labs without private ones', async () => {
    const [admin, manager] = [await overviewOf(SARA), await overviewOf(MARCO)];
    expect(manager.scope).toEqual(MARCO.orgUnitPath);
    for (const unit of [...manager.participation.units, ...manager.dimensions.units]) {
      expect(isWithin(unit.orgUnitPath, MARCO.orgUnitPath)).toBe(true);
    }
    expect(manager.participation.total.completed).toBe(7);
    expect(manager.facilitators.units).toEqual([]);
    expect(manager.facilitators.total.orgUnitPath).toEqual([area]);
    expect(manager.labs.total.labs).toBe(admin.labs.total.labs - 1);
    expect(manager.ideas).toEqual(admin.ideas);
  });

  it('gives identical numbers after a rebuild from the raw rows', async () => {
    const rows = new OverviewRepository(services.store);
    const answer = await overviewOf(SARA);
    const before = (await rows.readFacts())!.value.facts;
    const weeks = await rows.weeksOf(services.assessment.campaignId);
    expect(weeks).toHaveLength(1);
    // Rows lost or damaged: the rebuild recounts them from the features' own rows.
    await rows.saveFacts({
      facts: { ...before, labs: [], facilitators: [] },
      refreshedAt: new Date(0),
    });
    await services.overviewRefresh.rebuild();
    expect((await rows.readFacts())!.value.facts).toEqual(before);
    expect(await rows.weeksOf(services.assessment.campaignId)).toEqual(weeks);
    const after = await overviewOf(SARA);
    expect({ ...after, refreshedAt: null }).toEqual({ ...answer, refreshedAt: null });
  });

  it("exports each tile as CSV in the caller's spreadsheet dialect", async () => {
    const response = await get(SARA, '/api/v1/overview.csv?tile=labs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFTema;Laboratori;Attivi;Partecipanti;Attività completate;Attività scadute;Ultimo aggiornamento',
    );
    const tiles = ['participation', 'weeks', 'surveys', 'dimensions', 'facilitators', 'ideas'];
    for (const tile of tiles) {
      const csv = await get(MARCO, `/api/v1/overview.csv?tile=${tile}`);
      expect({ tile, status: csv.status }).toEqual({ tile, status: 200 });
    }
  });
});
