import type restify from 'restify';
import { z } from 'zod';
import { AUDIT_CURSOR, type AuditEntry, type AuditLog } from '../../core/audit/audit-log';
import { translator } from '../../core/i18n/translator';
import { adminOnly } from './admin-only';
import type * as Api from './contract';
import { csvText, sendCsv } from './csv';
import type { Route } from './route';

export interface AuditApiDeps {
  audit: Pick<AuditLog, 'page' | 'newestFirst'>;
}

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().regex(AUDIT_CURSOR).optional(),
});

function entryJson(entry: AuditEntry): Api.AuditEntry {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    reason: entry.reason,
    counts: entry.counts,
    subject: entry.subject ?? null,
    note: entry.note ?? null,
  };
}

/** The audit log, admins only: a page at a time, newest first, or the whole log as CSV. */
export function registerAuditApi(server: restify.Server, route: Route, deps: AuditApiDeps): void {
  server.get(
    '/api/v1/audit',
    route(
      adminOnly(async ({ req, res }) => {
        const { limit, after } = PageQuery.parse(req.query ?? {});
        const page = await deps.audit.page(limit, after);
        res.json({
          entries: page.entries.map(entryJson),
          next: page.next ?? null,
        } satisfies Api.AuditPage);
      }),
    ),
  );

  server.get(
    '/api/v1/audit.csv',
    route(
      adminOnly(async ({ locale, res }) => {
        const t = translator(locale);
        const lines: (string | null)[][] = [
          [
            t('audit.csv.at'),
            t('audit.csv.actor'),
            t('audit.csv.action'),
            t('audit.csv.reason'),
            t('audit.csv.subject'),
            t('audit.csv.note'),
            t('audit.csv.counts'),
          ],
        ];
        for await (const entry of deps.audit.newestFirst()) {
          lines.push([
            entry.at.toISOString(),
            entry.actor,
            entry.action,
            entry.reason,
            entry.subject ?? null,
            entry.note ?? null,
            Object.entries(entry.counts)
              .map(([name, count]) => `${name}=${count}`)
              .join(' '),
          ]);
        }
        sendCsv(res, 'audit-log.csv', csvText(lines, locale));
      }),
    ),
  );
}
