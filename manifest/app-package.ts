import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamsManifestV1D28 } from '@microsoft/app-manifest';
import { strToU8, zipSync } from 'fflate';
import { COMMAND_SPECS } from '../server/registry';
import { findCommand, type CommandSpec } from '../bot/commands';
import packageJson from '../package.json';
import localeTemplate from './en-US.template.json';
import { ACCENT_COLOR, iconProblems } from './icons';
import template from './manifest.template.json';
import { fillPlaceholders, PackageError, type PackageEnv } from './package-env';
import { schemaErrors } from './schema-validation';
import { BOT_COMMANDS, CHANNEL_TAB, STATIC_TABS, type Localised } from './surfaces';
import { uploadRuleProblems } from './upload-rules';

export type Manifest = TeamsManifestV1D28.TeamsManifestV1D28;
/** A Teams localisation file: `$schema` plus index-based keys such as `staticTabs[0].name`. */
export type LanguageFile = Record<string, string>;

export interface AppPackage {
  manifest: Manifest;
  /** Additional-language files by file name, e.g. `en-US.json`. */
  languages: Record<string, LanguageFile>;
}

const ADDITIONAL_LANGUAGE: keyof Localised = 'en-US';
const LANGUAGE_FILE = `${ADDITIONAL_LANGUAGE}.json`;
const ICON_FILES = ['color.png', 'outline.png'] as const;

/** Fills the templates from the environment and adds the tabs and bot menu from surfaces.ts. */
export function buildAppPackage(env: PackageEnv): AppPackage {
  const values: Record<string, string> = {
    ...env,
    APP_VERSION: packageJson.version,
    ACCENT_COLOR,
    TAB_DOMAIN: new URL(env.TAB_BASE_URL).host,
  };
  const manifest = fillPlaceholders(template, values) as Manifest;
  const language: LanguageFile = fillPlaceholders(localeTemplate, values);

  manifest.staticTabs = [
    ...STATIC_TABS.map((tab) => ({
      entityId: tab.entityId,
      name: tab.name['it-IT'],
      contentUrl: `${env.TAB_BASE_URL}${tab.path}`,
      websiteUrl: `${env.TAB_BASE_URL}${tab.path}`,
      scopes: ['personal' as const],
    })),
    // Teams' built-in tabs: the bot chat and the app's About page.
    { entityId: 'conversations', scopes: ['personal'] },
    { entityId: 'about', scopes: ['personal'] },
  ];
  manifest.configurableTabs = [
    {
      configurationUrl: `${env.TAB_BASE_URL}${CHANNEL_TAB.configurationPath}`,
      canUpdateConfiguration: true,
      scopes: ['team'],
      context: ['channelTab'],
    },
  ];
  STATIC_TABS.forEach((tab, i) => (language[`staticTabs[${i}].name`] = tab.name['en-US']));

  // One menu for the 1:1 chat, one for teams and group chats (Teams allows 10 commands in each).
  const menus = [
    { scopes: ['personal' as const], commands: BOT_COMMANDS.filter((c) => c.personal) },
    {
      scopes: ['team' as const, 'groupChat' as const],
      commands: BOT_COMMANDS.filter((c) => c.team),
    },
  ];
  const commandLists = menus.map((menu, list) => ({
    scopes: menu.scopes,
    commands: menu.commands.map((command, i) => {
      const key = `bots[0].commandLists[${list}].commands[${i}]`;
      language[`${key}.title`] = command.title[ADDITIONAL_LANGUAGE];
      language[`${key}.description`] = command.description[ADDITIONAL_LANGUAGE];
      return { title: command.title['it-IT'], description: command.description['it-IT'] };
    }),
  }));
  const bot = manifest.bots?.[0];
  if (bot) bot.commandLists = commandLists;

  return { manifest, languages: { [LANGUAGE_FILE]: language } };
}

const COMMAND_TITLE_KEY = /^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/;

/** Every command title shown in the Teams menu, in every language, must reach a real command. */
export function unhandledCommandProblems(
  pkg: AppPackage,
  specs: readonly CommandSpec[] = COMMAND_SPECS,
): string[] {
  const titles = [
    ...(pkg.manifest.bots ?? []).flatMap((bot) =>
      (bot.commandLists ?? []).flatMap((list) =>
        list.commands.map((command) => ({ file: 'manifest.json', title: command.title })),
      ),
    ),
    ...Object.entries(pkg.languages).flatMap(([file, strings]) =>
      Object.entries(strings)
        .filter(([key]) => COMMAND_TITLE_KEY.test(key))
        .map(([, title]) => ({ file, title })),
    ),
  ];
  return titles
    .filter(({ title }) => !findCommand(specs, title))
    .map(
      ({ file, title }) =>
        `${file}: bot command "${title}" matches no command in server/registry.ts`,
    );
}

/** Schema errors of the manifest and of each language file, against the official schemas. */
export function validationProblems(pkg: AppPackage): string[] {
  const version = pkg.manifest.manifestVersion;
  return [
    ...schemaErrors('manifest.json', pkg.manifest, version, 'MicrosoftTeams'),
    ...Object.entries(pkg.languages).flatMap(([file, strings]) =>
      schemaErrors(file, strings, version, 'MicrosoftTeams.Localization'),
    ),
  ];
}

/** Builds, checks and zips the package; throws a PackageError listing every problem. */
export function createAppPackageZip(env: PackageEnv): Uint8Array {
  const pkg = buildAppPackage(env);
  const icons = Object.fromEntries(
    ICON_FILES.map((file) => [file, readFileSync(join(__dirname, file))]),
  );
  const problems = [
    ...validationProblems(pkg),
    ...uploadRuleProblems(pkg.manifest),
    ...unhandledCommandProblems(pkg),
    ...iconProblems(icons['color.png']!, icons['outline.png']!),
  ];
  if (problems.length > 0) throw new PackageError(problems);

  const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  // A fixed timestamp keeps the zip byte-for-byte reproducible for the same inputs.
  const mtime = new Date('2020-01-01T00:00:00Z');
  return zipSync(
    {
      'manifest.json': [json(pkg.manifest), { mtime }],
      ...Object.fromEntries(
        Object.entries(pkg.languages).map(([file, strings]) => [file, [json(strings), { mtime }]]),
      ),
      ...Object.fromEntries(
        Object.entries(icons).map(([file, bytes]) => [file, [bytes, { mtime }]]),
      ),
    },
    { level: 9 },
  );
}
