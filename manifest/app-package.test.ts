import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  buildAppPackage,
  createAppPackageZip,
  unhandledCommandProblems,
  validationProblems,
  type AppPackage,
} from './app-package';
import { fillPlaceholders, PackageError, parsePackageEnv } from './package-env';

const sampleText = readFileSync(join(__dirname, '..', '.env.sample'), 'utf8');
const sample = (): AppPackage => buildAppPackage(parsePackageEnv(sampleText));

const problemsOf = (fn: () => unknown): readonly string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error('expected a PackageError');
};

describe('Teams app package', () => {
  it('builds a sample package that passes the official schemas', () => {
    const pkg = sample();
    expect(validationProblems(pkg)).toEqual([]);
    expect(unhandledCommandProblems(pkg)).toEqual([]);
    expect(pkg.manifest.webApplicationInfo).toEqual({
      id: '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60',
      resource: 'api://oibo-sample.azurewebsites.net/8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60',
    });
    expect(pkg.manifest.staticTabs?.[0]?.contentUrl).toBe(
      'https://oibo-sample.azurewebsites.net/tab/',
    );
  });

  it("declares one channel tab, a lab's board, configured from the tab's lab-config page", () => {
    const { manifest } = sample();
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: 'https://oibo-sample.azurewebsites.net/tab/?view=lab-config',
        canUpdateConfiguration: true,
        scopes: ['team'],
        context: ['channelTab'],
      },
    ]);
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(manifest.bots?.[0]?.scopes).toContain('team');
  });

  it("offers the 1:1 chat's commands in its menu and the channels' in teams' (≤ 10 each)", () => {
    const lists = sample().manifest.bots![0]!.commandLists!;
    const titles = (i: number) => lists[i]!.commands.map((command) => command.title);
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team', 'groupChat']]);
    expect(titles(0)).toContain('questionario');
    expect(titles(0)).not.toContain('aggiornamento');
    expect(titles(1)).toContain('aggiornamento');
    expect(titles(1)).not.toContain('questionario');
    expect(Math.max(...lists.map((list) => list.commands.length))).toBeLessThanOrEqual(10);
  });

  it('zips the manifest, the English strings and both icons at the root', () => {
    const files = unzipSync(createAppPackageZip(parsePackageEnv(sampleText)));
    expect(Object.keys(files).sort()).toEqual([
      'color.png',
      'en-US.json',
      'manifest.json',
      'outline.png',
    ]);
    const english = JSON.parse(strFromU8(files['en-US.json']!)) as Record<string, string>;
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('questionnaire');
  });

  it('fails validation for a broken manifest', () => {
    const pkg = sample();
    const broken = pkg.manifest as unknown as Record<string, unknown>;
    broken.accentColor = 'blue';
    delete broken.developer;
    const problems = validationProblems(pkg);
    expect(problems).toContainEqual(
      expect.stringMatching(/^manifest\.json: \/accentColor must match/),
    );
    expect(problems).toContainEqual(
      expect.stringContaining("must have required property 'developer'"),
    );
  });

  it('fails validation for a language file key Teams does not know', () => {
    const pkg = sample();
    pkg.languages['en-US.json']!['staticTabs[99].name'] = 'Too many';
    expect(validationProblems(pkg)).toEqual([
      expect.stringMatching(/^en-US\.json: \(root\) must NOT have additional properties/),
    ]);
  });

  it('rejects a menu command the bot does not handle, in either language', () => {
    const pkg = sample();
    pkg.manifest.bots![0]!.commandLists![0]!.commands.push({
      title: 'sondaggio',
      description: 'x',
    });
    pkg.languages['en-US.json']!['bots[0].commandLists[0].commands[1].title'] = 'survey';
    expect(unhandledCommandProblems(pkg)).toEqual([
      'manifest.json: bot command "sondaggio" matches no command in server/registry.ts',
      'en-US.json: bot command "survey" matches no command in server/registry.ts',
    ]);
  });

  it('names every missing or invalid environment key at once', () => {
    expect(problemsOf(() => parsePackageEnv('BOT_ID=\nTEAMS_APP_ID=x'))).toEqual([
      'TEAMS_APP_ID: must be a GUID',
      'BOT_ID: missing',
      'AAD_APP_CLIENT_ID: missing',
      'TAB_BASE_URL: missing',
      'DEVELOPER_NAME: missing',
      'DEVELOPER_WEBSITE_URL: missing',
      'PRIVACY_URL: missing',
      'TERMS_OF_USE_URL: missing',
    ]);
  });

  it('names invalid environment values without failing on the valid ones', () => {
    const text = sampleText
      .replace(/^BOT_ID=.*$/m, 'BOT_ID=not-a-guid')
      .replace(/^TAB_BASE_URL=.*$/m, 'TAB_BASE_URL=http://oibo.example');
    expect(problemsOf(() => parsePackageEnv(text))).toEqual([
      'BOT_ID: must be a GUID',
      'TAB_BASE_URL: must be an https:// URL',
    ]);
  });

  it('reports template placeholders that have no value', () => {
    expect(
      problemsOf(() => fillPlaceholders({ a: ['${{KNOWN}}', '${{NOPE}}'] }, { KNOWN: 'k' })),
    ).toEqual(['template placeholder ${{NOPE}} has no value']);
  });
});
