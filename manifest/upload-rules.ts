import type { Manifest } from './app-package';

/**
 * Rules Teams applies when a package is uploaded or opened that the JSON schema does not encode
 * (the schema only declares these properties). Each names its source; the packager refuses a
 * package that breaks one, so a manifest change cannot reintroduce a refused upload.
 */
export interface UploadRule {
  /** Where the rule is documented. */
  source: string;
  problems(manifest: Manifest): string[];
}

/** Whether `version` (`1.28`) is at least `major.minor`; `devPreview` counts as the newest. */
function atLeast(version: string, major: number, minor: number): boolean {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (!match) return true;
  const [mj, mn] = [Number(match[1]), Number(match[2])];
  return mj > major || (mj === major && mn >= minor);
}

/** Every scope the app's bots and tabs declare. */
function declaredScopes(manifest: Manifest): Set<string> {
  const lists: (readonly string[] | undefined)[] = [
    ...(manifest.bots ?? []).map((bot) => bot.scopes),
    ...(manifest.staticTabs ?? []).map((tab) => tab.scopes),
    ...(manifest.configurableTabs ?? []).map((tab) => tab.scopes),
  ];
  return new Set(lists.flatMap((scopes) => scopes ?? []));
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** A `validDomains` entry may start with `*.`, matching one or more labels. */
function allowedBy(validDomains: readonly string[], host: string): boolean {
  return validDomains.some((domain) =>
    domain.startsWith('*.') ? host.endsWith(domain.slice(1)) : domain === host,
  );
}

export const UPLOAD_RULES: readonly UploadRule[] = [
  {
    source:
      'Teams upload error "Applications with manifest version 1.25 or higher that support the ' +
      "'team' scope must include the 'supportsChannelFeatures' property\" " +
      '(OfficeDev/microsoft-365-agents-toolkit#15358, #15283)',
    problems: (manifest) =>
      atLeast(manifest.manifestVersion, 1, 25) &&
      declaredScopes(manifest).has('team') &&
      manifest.supportsChannelFeatures !== 'tier1'
        ? [
            `manifest.json: manifest ${manifest.manifestVersion} with the "team" scope needs "supportsChannelFeatures": "tier1"`,
          ]
        : [],
  },
  {
    source:
      'learn.microsoft.com, "Agents and tab apps for shared and private channels": ' +
      'supportedChannelTypes is not allowed in manifest 1.25 and later and blocks the upload ' +
      '(MicrosoftDocs/msteams-docs#14609)',
    problems: (manifest) =>
      atLeast(manifest.manifestVersion, 1, 25) && 'supportedChannelTypes' in manifest
        ? [
            `manifest.json: "supportedChannelTypes" is not allowed in manifest ${manifest.manifestVersion} (use "supportsChannelFeatures")`,
          ]
        : [],
  },
  {
    source:
      'learn.microsoft.com, "Tab requirements" (Teams checks a tab\'s origin against validDomains) ' +
      'and "Update app manifest for SSO" (getAuthToken fails when webApplicationInfo.resource ' +
      "and the tab's domain differ)",
    problems: (manifest) => {
      const valid = manifest.validDomains ?? [];
      const tabUrls = [
        ...(manifest.staticTabs ?? []).flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
        ...(manifest.configurableTabs ?? []).map((tab) => tab.configurationUrl),
      ].filter((url): url is string => url !== undefined);
      const outside = [...new Set(tabUrls)]
        .filter((url) => !allowedBy(valid, hostOf(url) ?? ''))
        .map((url) => `manifest.json: tab URL ${url} is not in validDomains`);
      const resource = manifest.webApplicationInfo?.resource;
      const resourceHost = resource ? /^api:\/\/([^/]+)\//.exec(resource)?.[1] : undefined;
      const tabHosts = new Set(tabUrls.map(hostOf));
      const sso =
        resource && (!resourceHost || (tabHosts.size > 0 && !tabHosts.has(resourceHost)))
          ? [
              `manifest.json: webApplicationInfo.resource ${resource} must be api://<the tab's domain>/<client id>`,
            ]
          : [];
      return [...outside, ...sso];
    },
  },
];

/** Every upload-rule problem of the manifest, each naming the manifest field. */
export function uploadRuleProblems(
  manifest: Manifest,
  rules: readonly UploadRule[] = UPLOAD_RULES,
): string[] {
  return rules.flatMap((rule) => rule.problems(manifest));
}
