import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The official Teams JSON schemas shipped inside @microsoft/app-manifest (no network needed). */
const SCHEMA_ROOT = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

export type SchemaKind = 'MicrosoftTeams' | 'MicrosoftTeams.Localization';

function loadSchema(manifestVersion: string, kind: SchemaKind): object {
  const file = join(SCHEMA_ROOT, `v${manifestVersion}`, `${kind}.schema.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as object;
  } catch {
    throw new Error(`${kind} schema v${manifestVersion} is not bundled in @microsoft/app-manifest`);
  }
}

/**
 * The same Ajv draft-04 set-up as AppManifestUtils.validateAgainstSchema, built here because
 * that package loads an ESM-only dependency Jest cannot require on Node 20, and because the
 * localisation schema has patterns (`…\b]\.description$`) that only compile without the `u` flag.
 */
function compile(schema: object): Ajv['compile'] extends (s: object) => infer V ? V : never {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(schema);
}

/** Schema errors as `<file>: <json pointer> <message>`; empty when the document is valid. */
export function schemaErrors(
  file: string,
  document: unknown,
  manifestVersion: string,
  kind: SchemaKind,
): string[] {
  const validate = compile(loadSchema(manifestVersion, kind));
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => {
    const details = error.params ? ` ${JSON.stringify(error.params)}` : '';
    return `${file}: ${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}.${details}`;
  });
}
