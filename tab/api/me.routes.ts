import type restify from 'restify';
import type { AssessmentService } from '../../core/assessment/assessment.service';
import type { Questionnaire } from '../../core/assessment/questionnaire';
import { departmentOf } from '../../core/directory/person';
import { translator } from '../../core/i18n/translator';
import type { PrivacyService } from '../../core/privacy/privacy.service';
import type { AbuseLimits } from '../../core/util/abuse-limits';
import type { Me, MyResults } from './contract';
import { sendProblem } from './problem';
import type { Route } from './route';

export interface MeApiDeps {
  assessment: Pick<AssessmentService, 'result'>;
  questionnaire: Questionnaire;
  privacy: Pick<PrivacyService, 'export' | 'erase'>;
  limits: AbuseLimits;
}

/** The caller's own things: who they are to óiBO, their result, their data (export, erasure). */
export function registerMeApi(server: restify.Server, route: Route, deps: MeApiDeps): void {
  server.get(
    '/api/v1/me',
    route(async ({ identity, res }) => {
      const { person } = identity;
      res.json({
        objectId: identity.objectId,
        displayName: person?.displayName ?? null,
        department: person ? departmentOf(person) : null,
        orgUnitPath: person?.orgUnitPath ?? null,
        roles: identity.roles,
        locale: person?.locale ?? null,
      } satisfies Me);
    }),
  );

  server.get(
    '/api/v1/me/results',
    route(async ({ identity, locale, res }) => {
      const view = await deps.assessment.result(identity.objectId);
      if (view?.kind !== 'result')
        return sendProblem(res, 404, translator(locale)('assessment.noResult'));
      const q = deps.questionnaire;
      const dimension = (id: string) => q.dimensions.find((d) => d.id === id);
      const band = (id: string | null) =>
        id ? (q.bands.find((b) => b.id === id)?.label[locale] ?? id) : null;
      res.json({
        questionnaire: { id: q.id, version: q.version, title: q.title[locale] },
        bands: q.bands.map((b) => ({ id: b.id, min: b.min, label: b.label[locale] })),
        submittedAt: view.submittedAt.toISOString(),
        dimensions: view.result.dimensions.map((d) => ({
          id: d.dimension,
          name: dimension(d.dimension)?.name[locale] ?? d.dimension,
          score: d.score,
          band: d.band,
          bandLabel: band(d.band),
        })),
        strengths: view.highlights.strengths.map((s) => s.dimension),
        growth: view.highlights.growth.map((g) => ({
          dimension: g.dimension,
          suggestion: g.suggestion.text[locale],
        })),
      } satisfies MyResults);
    }),
  );

  server.get(
    '/api/v1/me/data',
    route(async ({ identity, res }) => {
      res.setHeader('content-disposition', 'attachment; filename="oibo-my-data.json"');
      res.json(await deps.privacy.export(identity.objectId));
    }),
  );

  server.del(
    '/api/v1/me/data',
    route(async ({ identity, res }) => {
      deps.limits.admit('erasure', identity.objectId);
      await deps.privacy.erase(identity.objectId);
      res.status(204);
      res.end();
    }),
  );
}
