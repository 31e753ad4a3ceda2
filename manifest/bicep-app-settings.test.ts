import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../server/config';

// Lives in manifest/ because tsconfig (and so ESLint) covers manifest/ but not infra/.
const ROOT = join(__dirname, '..');
const INFRA = join(ROOT, 'infra');
const appServiceBicep = readFileSync(join(INFRA, 'modules', 'app-service.bicep'), 'utf8');

/** Settings App Service reads; the app never does. */
const PLATFORM_SETTINGS = [
  'ApplicationInsightsAgent_EXTENSION_VERSION',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
];

/** Stand-ins for settings whose Bicep value is an expression resolved at deployment. */
const DEPLOYMENT_VALUES: Record<string, string> = {
  LOG_LEVEL: 'info',
  TABLES_ENDPOINT: 'https://stoibodev.table.core.windows.net',
  TABLES_PREFIX: 'oibo',
  MicrosoftAppId: '0d6c7a2e-91b4-4f3a-8e25-3c1f6b9d4a70',
  MicrosoftAppTenantId: '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00',
  PSEUDONYM_SECRET: 'stand-in-for-the-key-vault-secret-of-48-characters',
  TAB_SSO_CLIENT_ID: '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60',
  TAB_SSO_TENANT_ID: '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00',
  TEAMS_APP_ID: '4f8a2c1e-9b3d-4e7a-8c6f-2d1b0a9e8f70',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-4000-8000-000000000000',
};

/** `key: value` entries of a top-level Bicep object variable, values as Bicep source text. */
function bicepObject(source: string, variable: string): Map<string, string> {
  const body = new RegExp(`^var ${variable} = \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(source)?.[1];
  if (body === undefined) throw new Error(`var ${variable} not found`);
  const entries = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .map((line): [string, string] => {
      const [, key, value] = /^(\w+):\s*(.+)$/.exec(line) ?? [];
      if (!key || !value) throw new Error(`cannot read "${line}" in var ${variable}`);
      return [key, value];
    });
  return new Map(entries);
}

const configSettings = bicepObject(appServiceBicep, 'configSettings');
const platformSettings = bicepObject(appServiceBicep, 'platformSettings');

/** The environment App Service gives the app: Bicep literals, stand-ins for expressions. */
function deployedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of configSettings) {
    // A plain quoted string is the deployed value; an interpolated one ('…${x}…') is resolved later.
    const literal = /^'([^'$]*)'$/.exec(value)?.[1];
    env[key] = literal ?? DEPLOYMENT_VALUES[key] ?? `<no stand-in for ${value}>`;
  }
  return env;
}

describe('Bicep app settings', () => {
  it('names only keys that server/config.ts reads', () => {
    const known = CONFIG_KEYS;
    expect(known).toContain('TABLES_ENDPOINT');
    expect([...configSettings.keys()].filter((key) => !known.includes(key))).toEqual([]);
    expect([...platformSettings.keys()].filter((key) => known.includes(key))).toEqual([]);
    expect([...platformSettings.keys()].filter((key) => !PLATFORM_SETTINGS.includes(key))).toEqual(
      [],
    );
  });

  it('starts the app in production with managed identities and no secrets', () => {
    const env = deployedEnv();
    expect(Object.values(env).filter((value) => value?.startsWith('<no stand-in'))).toEqual([]);

    const config = loadConfig(env);
    expect(config.env).toBe('production');
    expect(config.host).toBe('0.0.0.0');
    expect(config.store).toEqual({
      kind: 'endpoint',
      endpoint: DEPLOYMENT_VALUES.TABLES_ENDPOINT,
      prefix: 'oibo',
    });
    expect(config.botAuth).toEqual({
      mode: 'entra',
      appType: 'UserAssignedMSI',
      appId: DEPLOYMENT_VALUES.MicrosoftAppId,
      tenantId: DEPLOYMENT_VALUES.MicrosoftAppTenantId,
    });
    expect(configSettings.has('MicrosoftAppPassword')).toBe(false);
    expect(configSettings.has('TABLES_CONNECTION_STRING')).toBe(false);
    expect(configSettings.get('PSEUDONYM_SECRET')).toMatch(/^'@Microsoft\.KeyVault\(/);
  });

  it('gives the app the Teams app id of the app package, from the one key both read', () => {
    expect(configSettings.get('TEAMS_APP_ID')).toBe('teamsAppId');
    expect(loadConfig(deployedEnv()).teamsAppId).toBe(DEPLOYMENT_VALUES.TEAMS_APP_ID);
    const parameters = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: string }>;
    };
    const manifest = JSON.parse(
      readFileSync(join(ROOT, 'manifest', 'manifest.template.json'), 'utf8'),
    ) as { id: string };
    expect(parameters.parameters.teamsAppId?.value).toBe(manifest.id);
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    const main = readFileSync(join(INFRA, 'main.bicep'), 'utf8');
    expect(main).toMatch(/^\s+teamsAppId: teamsAppId$/m);
  });

  it('sets every key production cannot start without', () => {
    const required = [...configSettings.keys()].filter((key) => {
      const env = { ...deployedEnv(), [key]: undefined };
      try {
        loadConfig(env);
        return false;
      } catch (error) {
        if (error instanceof ConfigError) return true;
        throw error;
      }
    });
    expect(required).toEqual(
      expect.arrayContaining([
        'TABLES_ENDPOINT',
        'MicrosoftAppId',
        'MicrosoftAppTenantId',
        'PSEUDONYM_SECRET',
      ]),
    );
  });

  it('starts the compiled artifact as its own npm start does, with the Node flags of npm start', () => {
    const command = /^\s*appCommandLine: '([^']+)'$/m.exec(appServiceBicep)?.[1];
    const artifactStart = /^const START = '([^']+)';$/m.exec(
      readFileSync(join(ROOT, 'build.mjs'), 'utf8'),
    )?.[1];
    expect(command).toBe(artifactStart);
    const localStart = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts.start;
    // The flags between the runner and the entry point: the heap limit and how the heap grows.
    const flags = (text: string | undefined, runner: string, main: string) =>
      new RegExp(`\\b${runner}((?: --[\\w-]+(?:=\\S+)?)*) ${main}$`).exec(text ?? '')?.[1]?.trim();
    const appService = flags(command, 'node', 'server/main\\.js');
    expect(appService).toMatch(/--max-old-space-size=\d+/);
    expect(appService).toBe(flags(localStart, 'tsx', 'server/main\\.ts'));
    expect(platformSettings.get('SCM_DO_BUILD_DURING_DEPLOYMENT')).toBe("'false'");
  });

  it('describes every parameter of every Bicep file', () => {
    const files = ['main.bicep', ...readdirSync(join(INFRA, 'modules')).map((f) => `modules/${f}`)];
    const undocumented = files.flatMap((file) => {
      const lines = readFileSync(join(INFRA, file), 'utf8').split('\n');
      return lines.flatMap((line, i) => {
        if (!line.startsWith('param ')) return [];
        let j = i - 1;
        const decorators: string[] = [];
        while (j >= 0 && lines[j]!.startsWith('@')) decorators.push(lines[j--]!);
        return decorators.some((d) => d.startsWith('@description(')) ? [] : [`${file}: ${line}`];
      });
    });
    expect(undocumented).toEqual([]);
  });
});
