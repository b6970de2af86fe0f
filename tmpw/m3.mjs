import { Worker } from 'node:worker_threads';
const t = performance.now();
const url = new URL('./w.ts', import.meta.url).href;
const w = new Worker(`import(${JSON.stringify(url)})`, { eval: true, execArgv: ['--import', 'tsx'] });
w.on('message', (m) => { console.log('msg', m, performance.now() - t); w.terminate(); });
w.on('error', (e) => console.log('err', e));
