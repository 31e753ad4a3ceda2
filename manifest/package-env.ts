import { parseEnv } from 'node:util';
import { z } from 'zod';

const guid = z.guid('must be a GUID');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/** The values a `.env.<name>` file must give the packager; ids come from Entra and Teams. */
const PackageEnvSchema = z.object({
  TEAMS_APP_ID: guid,
  BOT_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  TAB_BASE_URL: httpsUrl.transform((url) => url.replace(/\/+$/, '')),
  DEVELOPER_NAME: z.string().max(32, 'at most 32 characters'),
  DEVELOPER_WEBSITE_URL: httpsUrl,
  PRIVACY_URL: httpsUrl,
  TERMS_OF_USE_URL: httpsUrl,
});

export type PackageEnv = z.infer<typeof PackageEnvSchema>;

export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'PackageError';
  }
}

/** Parses `.env` text; every missing or invalid key is reported at once, by name. */
export function parsePackageEnv(text: string): PackageEnv {
  // Empty values count as missing, as in server/config.ts.
  const values = Object.fromEntries(Object.entries(parseEnv(text)).filter(([, v]) => v));
  const parsed = PackageEnvSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0]);
    if (!problems.has(key)) problems.set(key, key in values ? issue.message : 'missing');
  }
  throw new PackageError([...problems].map(([key, message]) => `${key}: ${message}`));
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Replaces `${{KEY}}` (the Agents Toolkit's placeholder syntax) inside every string of a JSON
 * value. Substituting after parsing means a value can never break the JSON around it.
 */
export function fillPlaceholders<T>(template: T, values: Record<string, string>): T {
  const unknown = new Set<string>();
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => {
        const value = values[key];
        if (value === undefined) unknown.add(key);
        return value ?? match;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  const filled = fill(template as Json);
  if (unknown.size > 0) {
    throw new PackageError(
      [...unknown].map((key) => `template placeholder \${{${key}}} has no value`),
    );
  }
  return filled as T;
}
