/*
 * Programme overview (issue 18): the tab API. Types: tab/api/contract.ts (Overview…).
 * Every route authenticates; managers see their subtree, admins everything; 400 bad query,
 * 401 no identity, 403 an employee or facilitator (or a manager without a unit), 503 while the
 * assessment's aggregates are being published (Retry-After).
 *
 * | method | path                                | who              | answers                         |
 * | ------ | ----------------------------------- | ---------------- | ------------------------------- |
 * | GET    | /api/v1/overview                    | managers, admins | 200 Overview (gzip when asked); 403 |
 * | GET    | /api/v1/overview.csv?tile=<tile>    | managers, admins | 200 text/csv (one tile, OverviewTile); 400 unknown tile; 403 |
 */

import type restify from 'restify';
import { z } from 'zod';
import type { Locale } from '../../core/directory/person';
import { translator, type MessageKey, type Translate } from '../../core/i18n/translator';
import type { ProgrammeOverview } from '../../core/overview/overview';
import type * as Api from './contract';
import { csvText, sendCsv, type Field } from './csv';
import { scopeOf } from './dashboard.routes';
import { encodeJson, sendEncodedJson, type EncodedJson } from './encoded-json';
import type { Route } from './route';

export interface OverviewApiDeps {
  overview: Pick<ProgrammeOverview, 'view'>;
}

const TILES = [
  'participation',
  'weeks',
  'surveys',
  'dimensions',
  'facilitators',
  'labs',
  'ideas',
] as const satisfies readonly Api.OverviewTile[];
const CsvQuery = z.strictObject({ tile: z.enum(TILES) });

/**
 * The programme overview for managers (their subtree) and admins (everything): the answer is
 * serialised and gzip-ed once per view object (the read model hands back the same one until its
 * rows change), so a read is a cache hit and one write.
 */
export function registerOverviewApi(
  server: restify.Server,
  route: Route,
  { overview }: OverviewApiDeps,
): void {
  const encoded = new WeakMap<Api.Overview, Promise<EncodedJson>>();
  const viewOf = ({ identity }: { identity: Parameters<typeof scopeOf>[0] }) =>
    overview.view({ scope: scopeOf(identity), admin: identity.roles.includes('admin') });

  server.get(
    '/api/v1/overview',
    route(async (call) => {
      const view = await viewOf(call);
      let body = encoded.get(view);
      if (body === undefined) {
        body = encodeJson(view satisfies Api.Overview);
        encoded.set(view, body);
      }
      sendEncodedJson(call.req, call.res, 200, await body);
    }),
  );

  server.get(
    '/api/v1/overview.csv',
    route(async (call) => {
      const { tile } = CsvQuery.parse(call.req.query ?? {});
      const view = await viewOf(call);
      const lines = tileLines(view, tile, translator(call.locale), call.locale);
      sendCsv(call.res, `oibo-overview-${tile}.csv`, csvText(lines, call.locale));
    }),
  );
}

const percent = (rate: number | null): Field => (rate === null ? null : rate * 100);

function tileLines(
  view: Api.Overview,
  tile: Api.OverviewTile,
  t: Translate,
  locale: Locale,
): Field[][] {
  const unitName = (path: readonly string[], direct = false): string => {
    const name = path.length === 0 ? t('overview.csv.organisation') : path.join(' / ');
    return direct ? t('overview.csv.ownMembers', { unit: name }) : name;
  };
  const header = (...keys: MessageKey[]): Field[] => keys.map((key) => t(key));
  const hidden = t('overview.csv.hidden');
  const { participation, dimensions } = view;
  switch (tile) {
    case 'participation':
      return [
        header(
          'overview.csv.unit',
          'overview.csv.invited',
          'overview.csv.completed',
          'overview.csv.rate',
        ),
        ...[participation.total, ...participation.units].map((cell) =>
          cell.hidden
            ? [unitName(cell.orgUnitPath, cell.direct), hidden, hidden, hidden]
            : [
                unitName(cell.orgUnitPath, cell.direct),
                cell.invited,
                cell.completed,
                percent(cell.rate),
              ],
        ),
      ];
    case 'weeks':
      return [
        [
          t('overview.csv.week'),
          t('overview.csv.startsOn'),
          unitName(view.scope),
          ...participation.units.map((u) => unitName(u.orgUnitPath, u.direct)),
        ],
        ...participation.weeks.map((w) => [
          w.week,
          w.startsOn,
          w.total ?? hidden,
          ...w.units.map((n) => n ?? hidden),
        ]),
      ];
    case 'surveys':
      return [
        header(
          'overview.csv.survey',
          'overview.csv.state',
          'overview.csv.responses',
          'overview.csv.audience',
          'overview.csv.rate',
        ),
        ...participation.surveys.map((s) => [
          s.title[locale],
          t(`overview.surveyState.${s.state}`),
          s.hidden ? hidden : s.responses,
          s.hidden ? hidden : s.audience,
          s.hidden ? hidden : percent(s.rate),
        ]),
      ];
    case 'dimensions': {
      const names = new Map(dimensions.names.map((d) => [d.id, d.name[locale]]));
      return [
        header(
          'overview.csv.unit',
          'overview.csv.dimension',
          'overview.csv.rank',
          'overview.csv.mean',
          'overview.csv.change',
        ),
        ...[dimensions.total, ...dimensions.units].flatMap((unit) =>
          unit.scores.map((s) => [
            unitName(unit.orgUnitPath, unit.direct),
            names.get(s.id) ?? s.id,
            s.rank,
            s.mean ?? hidden,
            s.comparison?.delta ?? null,
          ]),
        ),
      ];
    }
    case 'facilitators':
      return [
        header(
          'overview.csv.unit',
          'overview.csv.employees',
          'overview.csv.facilitators',
          'overview.csv.target',
          'overview.csv.trainingHours',
          'overview.csv.trainingTargetHours',
        ),
        ...[view.facilitators.total, ...view.facilitators.units].map((c) => [
          unitName(c.orgUnitPath),
          c.employees,
          c.facilitators,
          c.target,
          c.trainingHours ?? hidden,
          c.trainingTargetHours ?? hidden,
        ]),
      ];
    case 'labs':
      return [
        header(
          'overview.csv.theme',
          'overview.csv.labs',
          'overview.csv.active',
          'overview.csv.members',
          'overview.csv.tasksDone',
          'overview.csv.tasksOverdue',
          'overview.csv.lastUpdate',
        ),
        ...[...view.labs.themes, { ...view.labs.total, name: null }].map((row) => [
          row.name?.[locale] ?? t('overview.csv.allThemes'),
          row.labs,
          row.active,
          row.members,
          row.tasksDone,
          row.tasksOverdue,
          row.lastUpdateAt?.slice(0, 10) ?? null,
        ]),
      ];
    case 'ideas': {
      const statuses = Object.keys(view.ideas.funnel) as (keyof typeof view.ideas.funnel)[];
      return [
        [
          t('overview.csv.area'),
          t('overview.csv.ideas'),
          ...statuses.map((s) => t(`ideas.status.${s}`)),
        ],
        ...view.ideas.areas.map((a) => [a.area, a.ideas, ...statuses.map((s) => a.byStatus[s])]),
        [
          t('overview.csv.allAreas'),
          view.ideas.total,
          ...statuses.map((s) => view.ideas.funnel[s]),
        ],
      ];
    }
  }
}
