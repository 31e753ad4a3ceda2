import { AuthError } from './auth-error';
import { fakeDirectory, testPerson as person } from '../../../test/fake-directory';
import { authorize, hasRole, resolveIdentity, withinScope } from './identity';

const AREA = 'Area Welfare';
const UNIT = 'Settore Servizi Sociali';

const employee = person({ displayName: 'E', objectId: '00000000-0000-4000-8000-00000000000e' });
const manager = person({
  displayName: 'M',
  objectId: '00000000-0000-4000-8000-00000000000a',
  orgUnitPath: [AREA],
  manager: true,
});
const admin = person({
  displayName: 'A',
  objectId: '00000000-0000-4000-8000-00000000000d',
  orgUnitPath: ['Area Personale e Organizzazione'],
  roles: ['admin'],
});
const upnOnly = person({ displayName: 'U', upn: 'u@comune-demo.example' });
const stale = person({
  displayName: 'S',
  objectId: '00000000-0000-4000-8000-000000000005',
  upn: 'reused@comune-demo.example',
});
const directory = fakeDirectory([employee, manager, admin, upnOnly, stale]);

describe('resolveIdentity', () => {
  it('finds a person by object id, whatever its case, with their roles', async () => {
    const identity = await resolveIdentity(
      { objectId: manager.objectId!.toUpperCase() },
      directory,
    );
    expect(identity).toEqual({
      objectId: manager.objectId,
      person: manager,
      roles: ['employee', 'manager'],
      managerScope: [AREA],
    });
  });

  it('falls back to the UPN for people imported without an object id', async () => {
    const objectId = '00000000-0000-4000-8000-0000000000aa';
    const identity = await resolveIdentity({ objectId, upn: 'U@comune-demo.example' }, directory);
    expect(identity).toMatchObject({ objectId, person: upnOnly, roles: ['employee'] });
  });

  it('ignores a UPN match that belongs to another object id', async () => {
    const objectId = '00000000-0000-4000-8000-0000000000bb';
    const identity = await resolveIdentity({ objectId, upn: stale.upn }, directory);
    expect(identity).toEqual({ objectId, roles: ['employee'] });
  });

  it('treats an unknown person as an employee with no org unit', async () => {
    const objectId = '00000000-0000-4000-8000-0000000000cc';
    const identity = await resolveIdentity({ objectId, tenantId: 't' }, directory);
    expect(identity).toEqual({ objectId, tenantId: 't', roles: ['employee'] });
  });
});

describe('authorize', () => {
  it('refuses an employee a manager-only action with 403', async () => {
    const identity = await resolveIdentity({ objectId: employee.objectId! }, directory);
    expect(() => authorize(identity, 'manager')).toThrow(
      expect.objectContaining({ status: 403, reason: 'forbidden' }),
    );
    expect(() => authorize(identity, 'manager')).toThrow(AuthError);
    expect(() => authorize(identity, 'employee')).not.toThrow();
  });

  it('lets a manager act as manager but not as admin', async () => {
    const identity = await resolveIdentity({ objectId: manager.objectId! }, directory);
    expect(() => authorize(identity, 'manager')).not.toThrow();
    expect(() => authorize(identity, 'admin')).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('lets an admin pass every role check', async () => {
    const identity = await resolveIdentity({ objectId: admin.objectId! }, directory);
    for (const role of ['employee', 'facilitator', 'manager', 'admin'] as const) {
      expect(hasRole(identity, role)).toBe(true);
      expect(() => authorize(identity, role)).not.toThrow();
    }
  });
});

describe('withinScope', () => {
  it('gives a manager their own subtree and nothing outside it', async () => {
    const identity = await resolveIdentity({ objectId: manager.objectId! }, directory);
    expect(withinScope(identity, [AREA])).toBe(true);
    expect(withinScope(identity, [AREA, UNIT])).toBe(true);
    expect(withinScope(identity, ['Area Personale e Organizzazione'])).toBe(false);
    expect(withinScope(identity, [`${AREA} bis`])).toBe(false);
  });

  it('gives an employee no scope, not even their own unit', async () => {
    const identity = await resolveIdentity({ objectId: employee.objectId! }, directory);
    expect(withinScope(identity, [AREA, UNIT])).toBe(false);
  });

  it('gives an admin every unit', async () => {
    const identity = await resolveIdentity({ objectId: admin.objectId! }, directory);
    expect(withinScope(identity, [AREA, UNIT])).toBe(true);
    expect(withinScope(identity, ['Anything'])).toBe(true);
  });
});
