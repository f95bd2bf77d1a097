// `npm start`: build the kiosk and serve it on http://127.0.0.1:4173 (override with PORT/HOST).
import { execFileSync } from 'node:child_process';
import { startStaticServer } from './static-server.mjs';

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
const server = await startStaticServer({
  root: 'dist',
  port: Number(process.env.PORT ?? 4173),
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`Hjälppunkt kiosk: ${server.url}/`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
