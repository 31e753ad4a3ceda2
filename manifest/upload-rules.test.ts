import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildAppPackage, createAppPackageZip, type Manifest } from './app-package';
import { parsePackageEnv } from './package-env';
import { uploadRuleProblems } from './upload-rules';

const sampleEnv = () => parsePackageEnv(readFileSync(join(__dirname, '..', '.env.sample'), 'utf8'));
const sample = (): Manifest => buildAppPackage(sampleEnv()).manifest;

describe('Teams upload rules beyond the schema', () => {
  it('passes for the sample package', () => {
    expect(uploadRuleProblems(sample())).toEqual([]);
  });

  it('declares channel features for manifest 1.25+ with the team scope', () => {
    const manifest = sample();
    expect(manifest.manifestVersion).toBe('1.28');
    expect(manifest.bots?.[0]?.scopes).toContain('team');
    expect(manifest.supportsChannelFeatures).toBe('tier1');

    delete manifest.supportsChannelFeatures;
    expect(uploadRuleProblems(manifest)).toEqual([
      'manifest.json: manifest 1.28 with the "team" scope needs "supportsChannelFeatures": "tier1"',
    ]);
  });

  it('does not ask for channel features without the team scope or before 1.25', () => {
    const personalOnly = sample();
    delete personalOnly.supportsChannelFeatures;
    personalOnly.bots![0]!.scopes = ['personal', 'groupChat'];
    delete personalOnly.configurableTabs;
    expect(uploadRuleProblems(personalOnly)).toEqual([]);

    const older = sample();
    delete older.supportsChannelFeatures;
    older.manifestVersion = '1.24' as Manifest['manifestVersion'];
    expect(uploadRuleProblems(older)).toEqual([]);
  });

  it('refuses supportedChannelTypes from manifest 1.25', () => {
    const manifest = sample();
    manifest.supportedChannelTypes = ['privateChannels'];
    expect(uploadRuleProblems(manifest)).toEqual([
      'manifest.json: "supportedChannelTypes" is not allowed in manifest 1.28 (use "supportsChannelFeatures")',
    ]);
  });

  it("keeps the tab's URLs and the SSO resource on a valid domain", () => {
    const manifest = sample();
    manifest.validDomains = ['*.example.org'];
    manifest.webApplicationInfo!.resource = 'api://other.example.org/8a3f5e21';
    expect(uploadRuleProblems(manifest)).toEqual([
      'manifest.json: tab URL https://oibo-sample.azurewebsites.net/tab/ is not in validDomains',
      'manifest.json: tab URL https://oibo-sample.azurewebsites.net/tab/?view=lab-config is not in validDomains',
      "manifest.json: webApplicationInfo.resource api://other.example.org/8a3f5e21 must be api://<the tab's domain>/<client id>",
    ]);
    manifest.validDomains = ['*.azurewebsites.net'];
    manifest.webApplicationInfo!.resource = 'api://oibo-sample.azurewebsites.net/8a3f5e21';
    expect(uploadRuleProblems(manifest)).toEqual([]);
  });

  it('holds for the manifest inside the zip', () => {
    const files = unzipSync(createAppPackageZip(sampleEnv()));
    const zipped = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;
    expect(zipped.supportsChannelFeatures).toBe('tier1');
    expect(uploadRuleProblems(zipped)).toEqual([]);
  });
});
