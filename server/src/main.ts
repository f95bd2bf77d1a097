/**
 * `npm run collector`: the reference collector, configured from the environment.
 *   PORT (8787), HOST (127.0.0.1), DATABASE_URL (else PGlite in COLLECTOR_DATA_DIR,
 *   default .data/collector), COLLECTOR_ADMIN_TOKEN (enables /api/v1/admin),
 *   COLLECTOR_RATE_LIMIT ("600/60" = requests a minute per device / per client address
 *   without valid credentials, or "off"), COLLECTOR_BODY_LIMIT_BYTES (1048576),
 *   COLLECTOR_ENROLLMENT_CODE_HOURS (24), COLLECTOR_TRUST_PROXY (the proxy's address, such
 *   as "127.0.0.1", whose X-Forwarded-For gives the client address; default none).
 */
import { startCollector, type CollectorOptions } from './start-collector';

function rateLimitFromEnv(value: string | undefined): CollectorOptions['rateLimit'] {
  if (value === undefined || value === '') return undefined;
  if (value === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match) throw new Error('COLLECTOR_RATE_LIMIT must look like "600/60" or be "off"');
  return {
    device: { max: Number(match[1]), timeWindowMs: 60_000 },
    address: { max: Number(match[2]), timeWindowMs: 60_000 },
  };
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number`);
  return number;
}

const env = process.env;
const options: CollectorOptions = {
  port: positiveInt('PORT', env.PORT) ?? 8787,
  host: env.HOST || '127.0.0.1',
  logger: true,
};
if (env.DATABASE_URL) options.databaseUrl = env.DATABASE_URL;
if (env.COLLECTOR_DATA_DIR) options.dataDir = env.COLLECTOR_DATA_DIR;
if (env.COLLECTOR_ADMIN_TOKEN) options.adminToken = env.COLLECTOR_ADMIN_TOKEN;
const rateLimit = rateLimitFromEnv(env.COLLECTOR_RATE_LIMIT);
if (rateLimit !== undefined) options.rateLimit = rateLimit;
const bodyLimitBytes = positiveInt('COLLECTOR_BODY_LIMIT_BYTES', env.COLLECTOR_BODY_LIMIT_BYTES);
if (bodyLimitBytes !== undefined) options.bodyLimitBytes = bodyLimitBytes;

const codeHours = positiveInt(
  'COLLECTOR_ENROLLMENT_CODE_HOURS',
  env.COLLECTOR_ENROLLMENT_CODE_HOURS,
);
if (codeHours !== undefined) options.enrollmentCodeTtlMs = codeHours * 60 * 60_000;
if (env.COLLECTOR_TRUST_PROXY) options.trustProxy = env.COLLECTOR_TRUST_PROXY;

const collector = await startCollector(options).catch((error: unknown) => {
  // A configuration error (say, a short admin token) in one clear line, no stack.
  console.error(`The collector did not start: ${(error as Error).message}`);
  process.exit(1);
});
console.log(`Hjälppunkt collector: ${collector.url}/api/v1/events`);
console.log(
  options.databaseUrl
    ? 'Store: PostgreSQL (DATABASE_URL)'
    : `Store: PGlite in ${options.dataDir ?? '.data/collector'}`,
);
if (!options.adminToken) console.log('Admin API off: set COLLECTOR_ADMIN_TOKEN to enable it.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await collector.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
