/**
 * A hostile loopback proxy in front of the collector: it drops requests before they arrive,
 * cuts responses after the collector has committed, and delays the rest. Seeded, so a
 * failing run can be replayed. Only ever listens on and forwards to 127.0.0.1.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { seededRandom } from './events';

export interface ChaosStats {
  dropped: number;
  cutAfterCommit: number;
  delayed: number;
  passed: number;
}

export interface ChaosProxy {
  url: string;
  stats: ChaosStats;
  /** Turns the faults off (for the final, clean drain) or on. */
  setFaulty(faulty: boolean): void;
  close(): Promise<void>;
}

export async function startChaosProxy(upstreamPort: number, seed: number): Promise<ChaosProxy> {
  const random = seededRandom(seed);
  const stats: ChaosStats = { dropped: 0, cutAfterCommit: 0, delayed: 0, passed: 0 };
  let faulty = true;

  const server: Server = createServer((incoming, outgoing) => {
    const roll = faulty && incoming.method === 'POST' ? random() : 1;
    if (roll < 0.15) {
      stats.dropped += 1;
      incoming.socket.destroy();
      return;
    }
    const cutAfterCommit = roll < 0.3;
    const delayMs = roll < 0.5 ? Math.floor(random() * 400) : 0;
    if (delayMs > 0) stats.delayed += 1;
    setTimeout(() => {
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: upstreamPort,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (cutAfterCommit) {
              // The collector has answered, so it has committed: the device never hears it.
              stats.cutAfterCommit += 1;
              outgoing.socket?.destroy();
              return;
            }
            stats.passed += 1;
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            outgoing.end(Buffer.concat(chunks));
          });
        },
      );
      upstream.on('error', () => outgoing.socket?.destroy());
      incoming.pipe(upstream);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setFaulty(next) {
      faulty = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
