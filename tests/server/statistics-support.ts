/**
 * The statistics routes on a bare Fastify instance with a fake AccessControl (ACCESS's real
 * one lands separately): the header x-test-account names the account making the request.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type {
  StatsAccess,
  StatsAccount,
  VisibleHelpPoint,
} from '../../server/src/dashboard/statistics/access-contract';
import { registerStatisticsRoutes } from '../../server/src/dashboard/statistics/routes';
import type { CollectorStore } from '../../server/src/store/collector-store';

export function fakeAccess(
  accounts: Record<string, StatsAccount>,
  helpPoints: VisibleHelpPoint[],
): StatsAccess {
  return {
    async requireAccount(request: FastifyRequest, reply: FastifyReply) {
      const account = accounts[String(request.headers['x-test-account'] ?? '')];
      if (!account)
        return reply.code(401).send({ error: { code: 'unauthenticated', message: 'Log in.' } });
      (request as unknown as { account: StatsAccount }).account = account;
      return undefined;
    },
    async visibleHelpPoints(account) {
      return helpPoints.filter(
        (hp) =>
          hp.municipalityCode === account.municipalityCode &&
          (account.role !== 'manager' || account.helpPointIds.includes(hp.id)),
      );
    },
  };
}

export async function statisticsApp(
  store: CollectorStore,
  access: StatsAccess,
): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorateRequest('account', null);
  await app.register(
    async (api) => registerStatisticsRoutes(api, { store, access, now: () => new Date() }),
    { prefix: '/admin/api' },
  );
  await app.ready();
  return app;
}

/** The fenced block after `<!-- name -->` in docs/exports.md. */
export function documentedExample(markdown: string, name: string): string {
  const start = markdown.indexOf(`<!-- ${name} -->`);
  const open = markdown.indexOf('```csv\n', start) + '```csv\n'.length;
  const close = markdown.indexOf('```', open);
  if (start < 0 || close < 0) throw new Error(`no example ${name} in docs/exports.md`);
  return markdown.slice(open, close);
}
