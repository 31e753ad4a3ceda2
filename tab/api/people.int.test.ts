import type restify from 'restify';
import type { Person } from '../../core/directory/person';
import { createBotServer, createServices } from '../../server/app';
import { silentLogger } from '../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { createAuthenticator } from './auth/authenticator';
import type * as Api from './contract';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const person = (n: number, displayName: string, extra: Partial<Person> = {}): Person => ({
  objectId: id(n),
  displayName,
  orgUnitPath: ['Area Servizi', 'Settore Uno'],
  manager: false,
  roles: [],
  locale: 'it-IT',
  ...extra,
});

const ADMIN = person(1, 'Sara Conti', { roles: ['admin'] });
const FACILITATOR = person(2, 'Davide Marchetti', { roles: ['facilitator'] });
const MANAGER = person(3, 'Marco Bianchi', { manager: true });
const EMPLOYEE = person(4, 'Giulia Ferri');
const PEOPLE: Person[] = [
  ADMIN,
  FACILITATOR,
  MANAGER,
  EMPLOYEE,
  person(10, 'Niccolò Rossi', { orgUnitPath: ['Area Tributi'] }),
  person(11, 'Anna Niccolini'),
  person(12, 'Nicola De Rossi'),
  person(13, 'Veronica Bianchi'),
  { ...person(14, 'Nico Senza Identificativo'), objectId: undefined, upn: 'nico@example.org' },
  ...Array.from({ length: 25 }, (_, n) => person(100 + n, `Lucia Numero ${n + 10}`)),
];

describe('GET /api/v1/people', () => {
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;

  const search = (q: string, as: Person) =>
    fetch(`${base}/api/v1/people?${new URLSearchParams({ q }).toString()}`, {
      headers: { 'x-oibo-demo-user': as.objectId! },
    });
  const found = async (q: string, as: Person = FACILITATOR) => {
    const response = await search(q, as);
    expect(response.status).toBe(200);
    return ((await response.json()) as Api.PeopleSearch).people;
  };

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    const services = createServices(fresh.store, TEST_CONFIG);
    await services.directory.importPeople(PEOPLE);
    const authenticate = createAuthenticator(
      { mode: 'demo', production: false },
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

  it('answers facilitators and admins, and refuses managers and employees', async () => {
    expect((await search('ros', ADMIN)).status).toBe(200);
    expect((await search('ros', FACILITATOR)).status).toBe(200);
    expect((await search('ros', MANAGER)).status).toBe(403);
    expect((await search('ros', EMPLOYEE)).status).toBe(403);
  });

  it('needs two characters', async () => {
    expect((await search('n', FACILITATOR)).status).toBe(400);
    expect((await search(' n ', FACILITATOR)).status).toBe(400);
  });

  it('matches the start of any word of the name, accents and case ignored, by name', async () => {
    expect((await found('NICCOLO')).map((p) => p.displayName)).toEqual(['Niccolò Rossi']);
    expect((await found('nicc')).map((p) => p.displayName)).toEqual([
      'Anna Niccolini',
      'Niccolò Rossi',
    ]);
    // A word inside a name is not a prefix: «ossi» finds nobody.
    expect(await found('ossi')).toEqual([]);
    // Every word must start a word of the name, in any order.
    expect((await found('rossi nic')).map((p) => p.displayName)).toEqual([
      'Niccolò Rossi',
      'Nicola De Rossi',
    ]);
  });

  it('gives name, department and object id only, never someone without an object id', async () => {
    expect(await found('niccolò ro')).toEqual([
      { objectId: id(10), displayName: 'Niccolò Rossi', department: 'Area Tributi' },
    ]);
    expect(await found('senza')).toEqual([]);
  });

  it('gives at most 20', async () => {
    expect(await found('lucia')).toHaveLength(20);
  });
});
