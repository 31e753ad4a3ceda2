import { readFileSync } from 'node:fs';
import path from 'node:path';
import playgroundUsers from '../../content/demo/playground-users.json';
import { generateDemoDirectory } from './demo-directory';
import { departmentOf, personId } from './person';

describe('demo directory', () => {
  const people = generateDemoDirectory();

  it('is a synthetic organisation of about 300 people in 12 departments', () => {
    expect(people.length).toBeGreaterThanOrEqual(290);
    expect(people.length).toBeLessThanOrEqual(320);
    expect(new Set(people.map(departmentOf)).size).toBe(12);
    expect(new Set(people.map(personId)).size).toBe(people.length);
  });

  it('has managers in every department, and some facilitators and admins', () => {
    const departments = new Set(people.map(departmentOf));
    for (const department of departments) {
      expect(people.some((p) => departmentOf(p) === department && p.manager)).toBe(true);
    }
    expect(people.filter((p) => p.roles.includes('facilitator')).length).toBeGreaterThanOrEqual(12);
    expect(people.filter((p) => p.roles.includes('admin')).length).toBeGreaterThanOrEqual(2);
  });

  it('is the same on every run', () => {
    expect(generateDemoDirectory()).toEqual(people);
  });

  it('includes every mock user of the Agents Playground configuration', () => {
    const yml = readFileSync(path.resolve(__dirname, '../../.m365agentsplayground.yml'), 'utf8');
    for (const user of playgroundUsers) {
      expect(people.map((p) => p.objectId)).toContain(user.objectId);
      expect(yml).toContain(user.objectId);
    }
  });
});
