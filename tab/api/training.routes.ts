import type restify from 'restify';
import { z } from 'zod';
import type { Locale } from '../../core/directory/person';
import { CompletionDateSchema } from '../../core/facilitators/completions-csv';
import type { TrainingPath } from '../../core/facilitators/training-path';
import type { RosterEntry, TrainingService } from '../../core/facilitators/training.service';
import { translator } from '../../core/i18n/translator';
import { authorize } from './auth/identity';
import type * as Api from './contract';
import type { Handler, Route } from './route';
import { sendCsv } from './csv';
import { rosterCsv } from './roster-csv';

export interface TrainingApiDeps {
  training: TrainingService;
}

/** The path: `POST /api/v1/training-completions` takes this type, every other route JSON. */
export const COMPLETIONS_CSV_PATH = '/api/v1/training-completions';

const CompletionBody = z.strictObject({
  moduleId: z.string().min(1).max(60),
  date: CompletionDateSchema,
  hours: z
    .number()
    .min(0.5)
    .max(40)
    .refine((h) => Number.isInteger(h * 2), 'in half hours'),
});

function pathJson(path: TrainingPath, locale: Locale, today: string): Api.TrainingPath {
  return {
    hoursDone: path.hoursDone,
    target: path.target,
    expectedByNow: path.expectedByNow,
    behindSchedule: path.behindSchedule,
    next: path.next?.id ?? null,
    today,
    modules: path.modules.map(({ module, reason, done }) => ({
      id: module.id,
      title: module.title[locale],
      description: module.description[locale],
      area: module.area,
      format: module.format,
      hours: module.hours,
      link: module.link,
      reason,
      done: done ?? null,
    })),
  };
}

function rosterJson(entry: RosterEntry): Api.RosterFacilitator {
  return {
    objectId: entry.objectId,
    displayName: entry.displayName ?? null,
    upn: entry.upn ?? null,
    department: entry.department,
    since: entry.since.toISOString(),
    hoursDone: entry.hoursDone,
    target: entry.target,
    behindSchedule: entry.behindSchedule,
  };
}

/**
 * A facilitator's own path (theirs only: it is built from their result), and the programme
 * team's roster (hours, never the modules), its CSV for HR and the import of completions.
 */
export function registerTrainingApi(
  server: restify.Server,
  route: Route,
  deps: TrainingApiDeps,
): void {
  const { training } = deps;
  const admin =
    (handler: Handler): Handler =>
    async (call) => {
      authorize(call.identity, 'admin');
      await handler(call);
    };

  server.get(
    '/api/v1/me/training-path',
    route(async ({ identity, locale, res }) => {
      const path = await training.path(identity.objectId);
      res.json(pathJson(path, locale, training.today()));
    }),
  );

  server.post(
    '/api/v1/me/training-path/completions',
    route(async ({ identity, locale, req, res }) => {
      const body = CompletionBody.parse(req.body);
      const path = await training.markDone(identity.objectId, body);
      res.json(pathJson(path, locale, training.today()));
    }),
  );

  server.get(
    '/api/v1/facilitators',
    route(
      admin(async ({ res }) => {
        const facilitators = (await training.roster()).map(rosterJson);
        res.json({ target: training.targetHours, facilitators } satisfies Api.FacilitatorRoster);
      }),
    ),
  );

  server.get(
    '/api/v1/facilitators.csv',
    route(
      admin(async ({ locale, res }) => {
        const csv = rosterCsv(await training.roster(), translator(locale), locale);
        sendCsv(res, 'oibo-facilitators.csv', csv);
      }),
    ),
  );

  server.post(
    COMPLETIONS_CSV_PATH,
    route(
      admin(async ({ identity, req, res }) => {
        const text = z.string().parse(req.body ?? '');
        const imported = await training.importCompletions(text, identity.objectId);
        res.json(imported satisfies Api.TrainingImport);
      }),
    ),
  );
}
