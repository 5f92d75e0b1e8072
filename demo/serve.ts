// `npm run demo:serve`: the demo site alone (no browser), for the command line and for any browser
// you point at it. Port 4010 (DEMO_PORT) when free, else any; Ctrl+C stops it.
import { startDemoServer } from './server';

const port = Number(process.env.DEMO_PORT ?? 4010);
const demo = await startDemoServer({ port }).catch(() => startDemoServer({ port: 0 }));
console.log(`Demo site: ${demo.origin}/  (second origin ${demo.otherOrigin})`);
console.log(`Try: npm run cli -- ${demo.origin}/api/bearer/invalid-token`);
const stop = (): void => void demo.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
