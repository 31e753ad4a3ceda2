import { z } from 'zod';
import type { BotAuthSettings } from '../bot/adapter';
import type { AbuseLimitSettings } from '../core/util/abuse-limits';
import { DEFAULT_K, MIN_K, privacyPolicy, type PrivacyPolicy } from '../core/privacy/suppression';
import { DEFAULT_RETENTION, type RetentionPeriods } from '../core/retention/retention';
import { DEFAULT_TRAINING_TARGET_HOURS } from '../core/facilitators/training-path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A retention period in days: shorter than the default if wanted, never longer. */
const days = (max: number, promise: string) =>
  z.coerce.number().int().min(1).max(max, `at most ${max} days: ${promise} no longer`).default(max);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOG_PRETTY: bool.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    TABLES_CONNECTION_STRING: z.string().min(1).optional(),
    // The account's table endpoint: its blob endpoint is derived from it (core/store/blobs.ts).
    TABLES_ENDPOINT: z
      .url({ protocol: /^https$/, abort: true })
      .refine(
        (url) => /^[a-z0-9]+\.table\.[^/]+$/.test(new URL(url).hostname),
        "the storage account's table endpoint, https://<account>.table.core.windows.net",
      )
      .optional(),
    TABLES_PREFIX: z
      .string()
      .regex(/^([A-Za-z][A-Za-z0-9]{0,19})?$/, 'letters and digits, starting with a letter')
      .default(''),
    SEED_DEMO_DATA: bool.optional(),
    PLAYGROUND: bool.optional(),
    PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
    DELIVERY_RATE_PER_SECOND: z.coerce.number().positive().max(1_000).default(50),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    PRIVACY_K: z.coerce.number().int().min(MIN_K).max(1_000).default(DEFAULT_K),
    RETENTION_RESULTS_DAYS: days(DEFAULT_RETENTION.resultsDays, 'the privacy notice promises'),
    RETENTION_ERASED_RESULTS_DAYS: days(DEFAULT_RETENTION.erasedResultsDays, 'ADR 0004 caps'),
    RETENTION_DELIVERIES_DAYS: days(
      DEFAULT_RETENTION.deliveriesDays,
      'the privacy notice promises',
    ),
    RETENTION_AUDIT_DAYS: days(DEFAULT_RETENTION.auditDays, 'ADR 0004 caps'),
    PSEUDONYM_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    TAB_SSO_CLIENT_ID: z.uuid().optional(),
    TAB_SSO_TENANT_ID: z.uuid().optional(),
    // Any GUID, as the app package's manifest id is (manifest/package-env.ts).
    TEAMS_APP_ID: z.guid('must be a GUID').optional(),
    MicrosoftAppId: z.uuid().optional(),
    MicrosoftAppPassword: z.string().min(1).optional(),
    MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: z.uuid().optional(),
    APPLICATIONINSIGHTS_CONNECTION_STRING: z
      .string()
      .regex(/InstrumentationKey=/i, 'an Application Insights connection string')
      .optional(),
    LIMIT_ANSWERS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    LIMIT_ERASURES_PER_HOUR: z.coerce.number().int().min(1).max(1_000).default(3),
    LIMIT_CAMPAIGN_STARTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(5),
    LIMIT_IDEA_POSTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
    LIMIT_IDEA_VOTES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    LIMIT_WORKSPACE_POSTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
    LIMIT_WORKSPACE_MARKS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
    PROGRAMME_CONTACT_UPN: z.email().max(256).toLowerCase().optional(),
    TRAINING_TARGET_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(400)
      .default(DEFAULT_TRAINING_TARGET_HOURS),
  })
  .superRefine((env, ctx) => {
    const issue = (path: string, message: string): void =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.TABLES_CONNECTION_STRING && env.TABLES_ENDPOINT) {
      issue('TABLES_ENDPOINT', 'set TABLES_CONNECTION_STRING or TABLES_ENDPOINT, not both');
    }
    const production = env.NODE_ENV === 'production';
    if (production && !env.MicrosoftAppId) {
      issue(
        'MicrosoftAppId',
        'required in production: without it the bot endpoint is unauthenticated',
      );
    }
    if (production && !env.TABLES_CONNECTION_STRING && !env.TABLES_ENDPOINT) {
      issue('TABLES_ENDPOINT', 'required in production: the embedded store is for local use only');
    }
    // App Service passes a Key Vault reference through verbatim when it cannot resolve it.
    for (const key of SECRET_KEYS) {
      if (env[key as keyof typeof env]?.toString().startsWith('@Microsoft.KeyVault(')) {
        issue(
          key,
          'is an unresolved Key Vault reference: check the app identity can read the vault',
        );
      }
    }
    if (production && !env.PSEUDONYM_SECRET) {
      issue('PSEUDONYM_SECRET', 'required in production: it keys the pseudonyms of answers');
    }
    if (production && !(env.TAB_SSO_CLIENT_ID && env.TAB_SSO_TENANT_ID)) {
      issue(
        'TAB_SSO_CLIENT_ID',
        'TAB_SSO_CLIENT_ID and TAB_SSO_TENANT_ID are required in production: without them the tab uses demo identities',
      );
    }
    if (Boolean(env.TAB_SSO_CLIENT_ID) !== Boolean(env.TAB_SSO_TENANT_ID)) {
      issue('TAB_SSO_TENANT_ID', 'set TAB_SSO_CLIENT_ID and TAB_SSO_TENANT_ID together');
    }
    if (production && env.PLAYGROUND) issue('PLAYGROUND', 'not allowed in production');
    if (production && env.SEED_DEMO_DATA) issue('SEED_DEMO_DATA', 'not allowed in production');
    if (env.MicrosoftAppId) {
      if (!env.MicrosoftAppType) issue('MicrosoftAppType', 'required with MicrosoftAppId');
      if (!env.MicrosoftAppTenantId) issue('MicrosoftAppTenantId', 'required with MicrosoftAppId');
      if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppPassword) {
        issue('MicrosoftAppPassword', 'required for a SingleTenant bot');
      }
    }
  });

/** Every environment variable the app reads. */
export const CONFIG_KEYS = Object.keys(EnvSchema.shape);

export type StoreConfig =
  | { kind: 'embedded'; dataDir: string; prefix: string }
  | { kind: 'connectionString'; connectionString: string; prefix: string }
  | { kind: 'endpoint'; endpoint: string; prefix: string };

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  log: { level: string; pretty: boolean };
  dataDir: string;
  store: StoreConfig;
  seedDemoData: boolean;
  playground: { enabled: boolean; port: number };
  pseudonymSecret: string;
  /** Proactive delivery: the tenant-wide rate all instances share, and attempts per recipient. */
  delivery: DeliverySettings;
  /** Thresholds for campaigns not locked yet; a campaign keeps the ones it was locked with. */
  privacy: PrivacyPolicy;
  /** How long each kind of data is kept before the daily purge deletes it. */
  retention: RetentionPeriods;
  botAuth: BotAuthSettings;
  /** Entra SSO for the tab API; demo identities (local only) without it. */
  tabAuth: { mode: 'entra'; tenantId: string; clientId: string } | { mode: 'demo' };
  /** The id Teams knows the app by, for deep links into the tab; cards offer none without it. */
  teamsAppId: string | undefined;
  /** Application Insights; nothing is collected or loaded without it. */
  telemetry: { connectionString: string } | undefined;
  /** Writes one person may make, counted per instance (core/util/abuse-limits.ts). */
  abuseLimits: AbuseLimitSettings;
  /** Who the facilitator invitation's "Ask a question" opens a Teams chat with; no button without. */
  programmeContactUpn: string | undefined;
  /** Hours of training each facilitator aims at per calendar year. */
  trainingTargetHours: number;
}

export interface DeliverySettings {
  ratePerSecond: number;
  maxAttempts: number;
}

/** Teams' documented per-tenant limit for an app (PLATFORM.md). */
export const DEFAULT_DELIVERY: DeliverySettings = { ratePerSecond: 50, maxAttempts: 6 };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Keys whose values must never appear in messages or logs. */
const SECRET_KEYS = new Set([
  'MicrosoftAppPassword',
  'TABLES_CONNECTION_STRING',
  'PSEUDONYM_SECRET',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
]);

/** Local runs only (production requires its own): pseudonyms of demo data need no secrecy. */
const LOCAL_PSEUDONYM_SECRET = 'local-development-only-not-a-secret-0000';

/**
 * Reads the whole configuration from `env`, listing every problem at once.
 * Error messages name keys, never secret values.
 */
export function loadConfig(env: NodeJS.ProcessEnv, { isTty = false } = {}): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        // Our own rules never quote values; zod's built-in messages may, so secrets get a generic one.
        const message =
          SECRET_KEYS.has(key) && issue.code !== 'custom' ? 'invalid value' : issue.message;
        return key ? `${key}: ${message}` : message;
      }),
    );
  }
  const e = parsed.data;
  const store: StoreConfig = e.TABLES_CONNECTION_STRING
    ? {
        kind: 'connectionString',
        connectionString: e.TABLES_CONNECTION_STRING,
        prefix: e.TABLES_PREFIX,
      }
    : e.TABLES_ENDPOINT
      ? { kind: 'endpoint', endpoint: e.TABLES_ENDPOINT, prefix: e.TABLES_PREFIX }
      : { kind: 'embedded', dataDir: e.DATA_DIR, prefix: e.TABLES_PREFIX };
  const local = e.NODE_ENV !== 'production';
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? (local && isTty) },
    dataDir: e.DATA_DIR,
    store,
    seedDemoData: e.SEED_DEMO_DATA ?? store.kind === 'embedded',
    playground: {
      enabled: e.PLAYGROUND ?? (local && e.NODE_ENV !== 'test'),
      port: e.PLAYGROUND_PORT,
    },
    pseudonymSecret: e.PSEUDONYM_SECRET ?? LOCAL_PSEUDONYM_SECRET,
    delivery: { ratePerSecond: e.DELIVERY_RATE_PER_SECOND, maxAttempts: e.DELIVERY_MAX_ATTEMPTS },
    privacy: privacyPolicy(e.PRIVACY_K),
    retention: {
      resultsDays: e.RETENTION_RESULTS_DAYS,
      erasedResultsDays: e.RETENTION_ERASED_RESULTS_DAYS,
      deliveriesDays: e.RETENTION_DELIVERIES_DAYS,
      auditDays: e.RETENTION_AUDIT_DAYS,
    },
    tabAuth:
      e.TAB_SSO_CLIENT_ID && e.TAB_SSO_TENANT_ID
        ? { mode: 'entra', tenantId: e.TAB_SSO_TENANT_ID, clientId: e.TAB_SSO_CLIENT_ID }
        : { mode: 'demo' },
    teamsAppId: e.TEAMS_APP_ID,
    telemetry: e.APPLICATIONINSIGHTS_CONNECTION_STRING
      ? { connectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING }
      : undefined,
    abuseLimits: {
      answersPerMinute: e.LIMIT_ANSWERS_PER_MINUTE,
      erasuresPerHour: e.LIMIT_ERASURES_PER_HOUR,
      campaignStartsPerMinute: e.LIMIT_CAMPAIGN_STARTS_PER_MINUTE,
      ideaPostsPerHour: e.LIMIT_IDEA_POSTS_PER_HOUR,
      ideaVotesPerMinute: e.LIMIT_IDEA_VOTES_PER_MINUTE,
      workspacePostsPerHour: e.LIMIT_WORKSPACE_POSTS_PER_HOUR,
      workspaceMarksPerMinute: e.LIMIT_WORKSPACE_MARKS_PER_MINUTE,
    },
    programmeContactUpn: e.PROGRAMME_CONTACT_UPN,
    trainingTargetHours: e.TRAINING_TARGET_HOURS,
    botAuth: e.MicrosoftAppId
      ? {
          mode: 'entra',
          appId: e.MicrosoftAppId,
          appType: e.MicrosoftAppType!,
          tenantId: e.MicrosoftAppTenantId!,
          ...(e.MicrosoftAppPassword ? { password: e.MicrosoftAppPassword } : {}),
        }
      : { mode: 'local' },
  };
}
