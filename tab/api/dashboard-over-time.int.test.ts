import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import type { Person } from '../../core/directory/person';
import { createBotServer, type Services } from '../../server/app';
import { submitAssessment } from '../../test/assessment';
import { silentLogger } from '../../test/bot-harness';
import { demoServices } from '../../test/store';
import users from '../../content/demo/playground-users.json';
import { createAuthenticator } from './auth/authenticator';
import { DEMO_USER_HEADER } from './auth/demo-identity';

const [, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const K = 5;

interface Cell {
  orgUnitPath: string[];
  hidden: boolean;
  count: number | null;
  mean: number | null;
}
interface Screen {
  participants: { total: number | null; units: Cell[] };
  dimensions: { id: string; units: Cell[] }[];
}

/** Every cell of a screen, by dimension and unit. */
function cellsOf(screen: Screen): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const add = (dimension: string, units: Cell[]) => {
    for (const cell of units) cells.set(`${dimension}|${cell.orgUnitPath.join('>')}`, cell);
  };
  add('participants', screen.participants.units);
  for (const { id, units } of screen.dimensions) add(id, units);
  return cells;
}

/**
 * What a person comparing two screens of the same scope could learn: for a cell shown in both,
 * the difference; it must cover no people or at least k. A cell hidden in the first stays hidden.
 */
function differencingProblems(before: Screen, after: Screen): string[] {
  const problems: string[] = [];
  const later = cellsOf(after);
  for (const [key, cell] of cellsOf(before)) {
    const next = later.get(key);
    if (!next) continue;
    if (cell.hidden && !next.hidden) problems.push(`${key}: hidden, then shown`);
    if (!cell.hidden && !next.hidden) {
      const delta = Math.abs((next.count ?? 0) - (cell.count ?? 0));
      if (delta > 0 && delta < K) problems.push(`${key}: changed by ${delta} people`);
      if (delta === 0 && next.mean !== cell.mean) problems.push(`${key}: mean moved, same count`);
    }
  }
  const total = (s: Screen) => s.participants.total;
  if (total(before) !== null && total(after) !== null) {
    const delta = Math.abs(total(after)! - total(before)!);
    if (delta > 0 && delta < K) problems.push(`total: changed by ${delta} people`);
  }
  return problems;
}

describe('the heat map over time', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;

  const screen = async (as: { objectId: string }, depth: number): Promise<Screen> => {
    const response = await fetch(`${base}/api/v1/dashboard/heatmap?depth=${depth}`, {
      headers: { [DEMO_USER_HEADER]: as.objectId },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Screen;
  };
  /** The screens a curious manager and admin take: their scopes at depth 1 and 2. */
  const screens = async () => ({
    adminDepth1: await screen(SARA, 1),
    adminDepth2: await screen(SARA, 2),
    managerDepth1: await screen(MARCO, 1),
    managerDepth2: await screen(MARCO, 2),
  });
  const publish = async () => {
    await services.publisher.publishAll();
    // Each instance keeps a screen for 5 s: the next one shows the publication.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
  };

  const people = generateDemoDirectory();
  const area = MARCO.orgUnitPath[0]!;
  const settori = new Map<string, Person[]>();
  for (const person of people) {
    if (person.orgUnitPath[0] !== area || person.orgUnitPath.length !== 2) continue;
    const key = person.orgUnitPath[1]!;
    settori.set(key, [...(settori.get(key) ?? []), person]);
  }
  const [first, second, third] = [...settori.values()];
  const elsewhere = people.filter((p) => p.orgUnitPath[0] !== area);

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
    // A baseline: two settori of the manager's area, and people elsewhere.
    for (const person of first!.slice(0, 5)) await submitAssessment(services, person, 4);
    for (const person of second!.slice(0, 5)) await submitAssessment(services, person, 2);
    for (const person of elsewhere.slice(0, 12)) await submitAssessment(services, person, 3);
    await publish();
  }, 120_000);
  afterAll(async () => {
    server.close();
    await drop();
  });

  it('shows nothing new when one person submits, in any scope or depth', async () => {
    const before = await screens();
    expect(before.managerDepth1.participants.total).toBe(10);
    await submitAssessment(services, second![5]!, 1);
    await publish();
    expect(await screens()).toEqual(before);
  }, 60_000);

  it('moves a unit only by at least k people, and keeps hidden what was hidden', async () => {
    const before = await screens();
    // k people in a third settore; the one from the test above still waits in the second.
    for (const person of third!.slice(0, K)) await submitAssessment(services, person, 5);
    await publish();
    const after = await screens();
    for (const view of Object.keys(before) as (keyof typeof before)[]) {
      expect({ view, problems: differencingProblems(before[view], after[view]) }).toEqual({
        view,
        problems: [],
      });
    }
    expect(after.managerDepth1.participants.total).toBe(15);
  }, 60_000);

  it("keeps an erased person's scores out of reach until k changes come together", async () => {
    const before = await screens();
    await services.privacy.erase(first![0]!.objectId!);
    await publish();
    expect(await screens()).toEqual(before);
    for (const person of first!.slice(1, 5)) await services.privacy.erase(person.objectId!);
    await publish();
    const after = await screens();
    for (const view of Object.keys(before) as (keyof typeof before)[]) {
      expect(differencingProblems(before[view], after[view])).toEqual([]);
    }
    expect(after.managerDepth1.participants.total).toBe(10);
  }, 60_000);
});
