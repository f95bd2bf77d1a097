/**
 * A loopback proxy in front of the collector that answers 500 to any batch holding a
 * "poisoned" event id (as a collector bug triggered by one event would), and passes everything
 * else on. It records the events it sees, so a test can check what reached the collector.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { EVENTS_PATH } from '../../src/protocol/sync-api';
import type { LogEvent } from '../../src/protocol/events';

export interface PoisonProxy {
  url: string;
  poisoned: Set<string>;
  /** Every event of every batch the proxy saw, poisoned or not, in order. */
  seen: LogEvent[];
  /** How many batches got the 500. */
  serverErrors(): number;
  /** While on, every batch is dropped as if the network were down (no answer at all). */
  setDropping(dropping: boolean): void;
  close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Date' };

export async function startPoisonProxy(upstreamPort: number): Promise<PoisonProxy> {
  const poisoned = new Set<string>();
  const seen: LogEvent[] = [];
  let serverErrors = 0;
  let dropping = false;

  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      if (incoming.method === 'POST' && incoming.url === EVENTS_PATH) {
        if (dropping) {
          incoming.socket.destroy();
          return;
        }
        const events = (JSON.parse(body.toString('utf8')) as { events: LogEvent[] }).events;
        seen.push(...events);
        if (events.some((event) => poisoned.has(event.id))) {
          serverErrors += 1;
          outgoing.writeHead(500, { ...CORS, 'content-type': 'application/json' });
          outgoing.end(JSON.stringify({ error: { code: 'internal', message: 'poison' } }));
          return;
        }
      }
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: upstreamPort,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.socket?.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    poisoned,
    seen,
    serverErrors: () => serverErrors,
    setDropping(next) {
      dropping = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
