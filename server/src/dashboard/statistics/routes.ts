/**
 * The dashboard's statistics API under /admin/api (ACCESS mounts it): the views, their
 * exports, and the Digidel, KB and agency exports. Read-only GETs for every role; each
 * account sees only its help points, and another municipality's help point answers 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod/mini';
import {
  agencyFeedbackQuerySchema,
  digidelQuerySchema,
  isViewId,
  kbYearQuerySchema,
  MAX_PERIOD_DAYS,
  viewFilterSchema,
  type ExportFormat,
} from '../../../../src/protocol/dashboard';
import { ERROR_CODES } from '../../../../src/protocol/sync-api';
import { sendError } from '../../http/errors';
import type { CollectorStore } from '../../store/collector-store';
import { accountOf, type StatsAccess } from './access-contract';
import { daysBetween } from './days';
import { exportFile, type Table } from './export-format';
import {
  agencyReport,
  agencyTable,
  digidelRow,
  digidelTable,
  kbTable,
  kbYearSummary,
  viewTable,
} from './exports';
import { buildViewResponse, type ResolvedScope } from './view-response';

export interface StatisticsDeps {
  store: CollectorStore;
  access: StatsAccess;
  now: () => Date;
}

/** The query as a flat record of strings; empty values mean "no filter". */
function cleanQuery(query: unknown): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') return null; // repeated parameters are refused
    if (value !== '') out[key] = value;
  }
  return out;
}

function parseQuery<S extends z.ZodMiniType>(
  schema: S,
  request: FastifyRequest,
): z.infer<S> | string {
  const query = cleanQuery(request.query);
  if (query === null) return 'Give each parameter once.';
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `Bad parameter ${issue?.path.join('.') || '(unknown)'}: ${issue?.message ?? 'invalid'}.`;
}

function periodProblem(from: string, to: string): string | null {
  if (to < from) return 'The period ends before it starts.';
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    return `A period may cover ${MAX_PERIOD_DAYS} days at most.`;
  return null;
}

function sendFile(
  reply: FastifyReply,
  format: ExportFormat,
  name: string,
  table: Table,
  json: unknown,
) {
  const file = exportFile(format, name, table, json);
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function registerStatisticsRoutes(api: FastifyInstance, deps: StatisticsDeps): void {
  const { store, access } = deps;
  const badRequest = (reply: FastifyReply, message: string) =>
    sendError(reply, 400, ERROR_CODES.malformed, message);
  const notFound = (reply: FastifyReply) =>
    sendError(reply, 404, ERROR_CODES.notFound, 'No such help point.');

  /** The account's help points, or just the one asked for (null when it may not see it). */
  async function helpPointsFor(request: FastifyRequest, only: string | undefined) {
    const account = accountOf(request);
    if (!account) return null;
    const visible = await access.visibleHelpPoints(account);
    if (only === undefined) return visible;
    const one = visible.filter((hp) => hp.id === only);
    return one.length ? one : null;
  }

  async function viewAnswer(request: FastifyRequest, reply: FastifyReply, exporting: boolean) {
    const view = (request.params as { view?: string }).view;
    if (!isViewId(view)) return sendError(reply, 404, ERROR_CODES.notFound, 'No such view.');
    const filter = parseQuery(viewFilterSchema, request);
    if (typeof filter === 'string') return badRequest(reply, filter);
    const problem = periodProblem(filter.from, filter.to);
    if (problem) return badRequest(reply, problem);
    const main = await helpPointsFor(request, filter.helpPoint);
    if (!main) return notFound(reply);
    const scopes: ResolvedScope[] = [{ from: filter.from, to: filter.to, helpPoints: main }];
    if (filter.compare === 'period') {
      if (!filter.compareFrom || !filter.compareTo)
        return badRequest(reply, 'Comparing periods needs compareFrom and compareTo.');
      const second = periodProblem(filter.compareFrom, filter.compareTo);
      if (second) return badRequest(reply, second);
      scopes.push({ from: filter.compareFrom, to: filter.compareTo, helpPoints: main });
    } else if (filter.compare === 'help-point') {
      if (!filter.compareHelpPoint)
        return badRequest(reply, 'Comparing help points needs compareHelpPoint.');
      const other = await helpPointsFor(request, filter.compareHelpPoint);
      if (!other) return notFound(reply);
      scopes.push({ from: filter.from, to: filter.to, helpPoints: other });
    }
    const response = await buildViewResponse(store.statistics, view, scopes, filter);
    if (!exporting) return reply.send(response);
    return sendFile(
      reply,
      filter.format ?? 'csv-excel',
      `hjalppunkt-${view}-${filter.from}-${filter.to}`,
      viewTable(response),
      response,
    );
  }

  const guard = { preHandler: access.requireAccount };
  api.get('/views/:view', guard, (request, reply) => viewAnswer(request, reply, false));
  api.get('/views/:view/export', guard, (request, reply) => viewAnswer(request, reply, true));

  api.get('/exports/digidel', guard, async (request, reply) => {
    const query = parseQuery(digidelQuerySchema, request);
    if (typeof query === 'string') return badRequest(reply, query);
    const problem = periodProblem(query.from, query.to);
    if (problem) return badRequest(reply, problem);
    const helpPoints = await helpPointsFor(request, query.helpPoint);
    if (!helpPoints) return notFound(reply);
    const records = await store.statistics.questionRecords({
      helpPointIds: helpPoints.map((hp) => hp.id),
      fromDay: query.from,
      toDay: query.to,
    });
    const rows = records.map(digidelRow);
    return sendFile(
      reply,
      query.format ?? 'csv-excel',
      `digidel-${query.from}-${query.to}`,
      digidelTable(rows),
      rows,
    );
  });

  api.get('/exports/kb-year', guard, async (request, reply) => {
    const query = parseQuery(kbYearQuerySchema, request);
    if (typeof query === 'string') return badRequest(reply, query);
    const helpPoints = await helpPointsFor(request, query.helpPoint);
    if (!helpPoints) return notFound(reply);
    const summary = await kbYearSummary(
      store.statistics,
      helpPoints.map((hp) => hp.id),
      Number(query.year),
    );
    return sendFile(
      reply,
      query.format ?? 'csv-excel',
      `kb-${query.year}`,
      kbTable(summary),
      summary,
    );
  });

  api.get('/exports/agency-feedback', guard, async (request, reply) => {
    const query = parseQuery(agencyFeedbackQuerySchema, request);
    if (typeof query === 'string') return badRequest(reply, query);
    const problem = periodProblem(query.from, query.to);
    if (problem) return badRequest(reply, problem);
    const helpPoints = await helpPointsFor(request, query.helpPoint);
    if (!helpPoints) return notFound(reply);
    const report = await agencyReport(
      store.statistics,
      { helpPointIds: helpPoints.map((hp) => hp.id), fromDay: query.from, toDay: query.to },
      query.agency,
      query.errand ?? null,
    );
    const name = `aterkoppling-${query.agency}${query.errand ? `-${query.errand}` : ''}-${query.from}-${query.to}`;
    return sendFile(reply, query.format ?? 'csv', name, agencyTable(report), report);
  });
}
