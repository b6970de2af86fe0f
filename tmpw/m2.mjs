import { Worker } from 'node:worker_threads';
const t = performance.now();
const w = new Worker(new URL('./w.ts', import.meta.url), { execArgv: ['--import', 'tsx/esm'] });
w.on('message', (m) => { console.log('msg', m, performance.now() - t); w.terminate(); });
w.on('error', (e) => console.log('err', e));
