import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from './config';

const APP = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '66666666-7777-4888-9999-000000000000',
  MicrosoftAppPassword: 'very-secret-value',
  PSEUDONYM_SECRET: 'a-long-production-secret-of-40-characters',
  TAB_SSO_CLIENT_ID: '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60',
  TAB_SSO_TENANT_ID: '66666666-7777-4888-9999-000000000000',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs locally on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3978,
      store: { kind: 'embedded', dataDir: '.data' },
      seedDemoData: true,
      playground: { enabled: true, port: 56150 },
      botAuth: { mode: 'local' },
    });
  });

  it('keeps data for the periods the privacy notice states, and never longer', () => {
    expect(loadConfig({}).retention).toEqual({
      resultsDays: 730,
      erasedResultsDays: 30,
      deliveriesDays: 90,
      auditDays: 730,
    });
    const notice = (locale: string) =>
      (
        JSON.parse(
          readFileSync(path.join(__dirname, `../content/i18n/${locale}.json`), 'utf8'),
        ) as Record<string, string>
      )['privacy.retention'];
    expect(notice('it-IT')).toMatch(/24 mesi .* 90 giorni/);
    expect(notice('en-US')).toMatch(/24 months .* 90 days/);
    expect(loadConfig({ RETENTION_RESULTS_DAYS: '365' }).retention.resultsDays).toBe(365);
    expect(problems({ RETENTION_RESULTS_DAYS: '731', RETENTION_DELIVERIES_DAYS: '0' })).toEqual([
      'RETENTION_RESULTS_DAYS: at most 730 days: the privacy notice promises no longer',
      'RETENTION_DELIVERIES_DAYS: Too small: expected number to be >=1',
    ]);
  });

  it('sets the privacy threshold of new campaigns, never below 3', () => {
    expect(loadConfig({}).privacy).toEqual({ k: 5, freeTextK: 10 });
    expect(loadConfig({ PRIVACY_K: '12' }).privacy).toEqual({ k: 12, freeTextK: 12 });
    expect(problems({ PRIVACY_K: '2' })).toEqual([expect.stringMatching(/^PRIVACY_K: /)]);
  });

  it('turns telemetry on with an Application Insights connection string, never printing it', () => {
    expect(loadConfig({}).telemetry).toBeUndefined();
    const connectionString = 'InstrumentationKey=00000000-0000-4000-8000-000000000000';
    expect(
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }).telemetry,
    ).toEqual({ connectionString });
    expect(problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' })).toEqual([
      'APPLICATIONINSIGHTS_CONNECTION_STRING: invalid value',
    ]);
  });

  it('reads the per-person write limits, at least one of each', () => {
    expect(loadConfig({}).abuseLimits).toEqual({
      answersPerMinute: 60,
      erasuresPerHour: 3,
      campaignStartsPerMinute: 5,
      ideaPostsPerHour: 30,
      ideaVotesPerMinute: 60,
      workspacePostsPerHour: 60,
      workspaceMarksPerMinute: 60,
    });
    expect(loadConfig({ LIMIT_ERASURES_PER_HOUR: '10' }).abuseLimits.erasuresPerHour).toBe(10);
    expect(problems({ LIMIT_ANSWERS_PER_MINUTE: '0' })).toEqual([
      expect.stringMatching(/^LIMIT_ANSWERS_PER_MINUTE: /),
    ]);
  });

  it('reads the Teams app id that deep links into the tab name, a GUID, and needs none', () => {
    expect(loadConfig({}).teamsAppId).toBeUndefined();
    const id = '4f8a2c1e-9b3d-4e7a-8c6f-2d1b0a9e8f70';
    expect(loadConfig({ TEAMS_APP_ID: id }).teamsAppId).toBe(id);
    expect(problems({ TEAMS_APP_ID: 'oibo-app' })).toEqual(['TEAMS_APP_ID: must be a GUID']);
  });

  it('reads the programme contact the facilitator invitation opens a chat with, an address', () => {
    expect(loadConfig({}).programmeContactUpn).toBeUndefined();
    const upn = 'Facilitazione.Digitale@Comune.example';
    expect(loadConfig({ PROGRAMME_CONTACT_UPN: upn }).programmeContactUpn).toBe(
      'facilitazione.digitale@comune.example',
    );
    expect(() => loadConfig({ PROGRAMME_CONTACT_UPN: 'facilitazione' })).toThrow(ConfigError);
  });

  it('reads the yearly training target of facilitators, 40 hours by default', () => {
    expect(loadConfig({}).trainingTargetHours).toBe(40);
    expect(loadConfig({ TRAINING_TARGET_HOURS: '60' }).trainingTargetHours).toBe(60);
    expect(problems({ TRAINING_TARGET_HOURS: '0' })).toEqual([
      expect.stringMatching(/^TRAINING_TARGET_HOURS: /),
    ]);
  });

  it('uses a configured store instead of the embedded one', () => {
    expect(loadConfig({ TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true' }).store.kind).toBe(
      'connectionString',
    );
    const config = loadConfig({ TABLES_ENDPOINT: 'https://acct.table.core.windows.net' });
    expect(config.store).toEqual({
      kind: 'endpoint',
      endpoint: 'https://acct.table.core.windows.net',
      prefix: '',
    });
    expect(config.seedDemoData).toBe(false);
  });

  it('refuses local auth-off mode and the embedded store in production', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'MicrosoftAppId: required in production: without it the bot endpoint is unauthenticated',
      'TABLES_ENDPOINT: required in production: the embedded store is for local use only',
      'PSEUDONYM_SECRET: required in production: it keys the pseudonyms of answers',
      'TAB_SSO_CLIENT_ID: TAB_SSO_CLIENT_ID and TAB_SSO_TENANT_ID are required in production: without them the tab uses demo identities',
    ]);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      TABLES_ENDPOINT: 'https://a.table.core.windows.net',
      ...APP,
    });
    expect(config.botAuth).toEqual({
      mode: 'entra',
      appId: APP.MicrosoftAppId,
      appType: 'SingleTenant',
      tenantId: APP.MicrosoftAppTenantId,
      password: APP.MicrosoftAppPassword,
    });
    expect(config.playground.enabled).toBe(false);
    expect(config.tabAuth).toEqual({
      mode: 'entra',
      tenantId: APP.TAB_SSO_TENANT_ID,
      clientId: APP.TAB_SSO_CLIENT_ID,
    });
    expect(config.seedDemoData).toBe(false);
  });

  it('lists every problem at once', () => {
    expect(
      problems({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        TABLES_ENDPOINT: 'http://plain',
        MicrosoftAppId: APP.MicrosoftAppId,
      }),
    ).toEqual([
      expect.stringMatching(/^PORT: /),
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^TABLES_ENDPOINT: /),
    ]);
    expect(
      problems({ MicrosoftAppId: APP.MicrosoftAppId, MicrosoftAppType: 'SingleTenant' }),
    ).toEqual([
      'MicrosoftAppTenantId: required with MicrosoftAppId',
      'MicrosoftAppPassword: required for a SingleTenant bot',
    ]);
  });

  it('never prints secret values', () => {
    const error = (() => {
      try {
        loadConfig({
          TABLES_CONNECTION_STRING: 'AccountKey=hunter2',
          TABLES_ENDPOINT: 'https://x.example',
          MicrosoftAppPassword: 'hunter2',
          NODE_ENV: 'production',
        });
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses the Playground and demo data in production', () => {
    expect(
      problems({
        NODE_ENV: 'production',
        TABLES_ENDPOINT: 'https://a.table.core.windows.net',
        PLAYGROUND: 'true',
        SEED_DEMO_DATA: 'true',
        ...APP,
      }),
    ).toEqual([
      'PLAYGROUND: not allowed in production',
      'SEED_DEMO_DATA: not allowed in production',
    ]);
  });
});

describe('.env.example', () => {
  it('documents every setting and nothing else', () => {
    const text = readFileSync(path.resolve(__dirname, '../.env.example'), 'utf8');
    const keys = [...text.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);
    expect([...keys].sort()).toEqual([...CONFIG_KEYS].sort());
  });
});

describe('secrets from Key Vault', () => {
  it('refuses an unresolved Key Vault reference instead of using it as the secret', () => {
    expect(
      problems({
        PSEUDONYM_SECRET: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/p)',
      }),
    ).toEqual([
      'PSEUDONYM_SECRET: is an unresolved Key Vault reference: check the app identity can read the vault',
    ]);
  });
});
