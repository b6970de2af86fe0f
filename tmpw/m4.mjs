import { Worker } from 'node:worker_threads';
const url = new URL('./w.ts', import.meta.url).href;
for (const code of [
  `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(import.meta.url)}))`,
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`,
  `require('tsx/cjs/api').require(${JSON.stringify(url.replace('file://',''))}, ${JSON.stringify(import.meta.url.replace('file://',''))})`,
]) {
  const t = performance.now();
  await new Promise((res) => {
    const w = new Worker(code, { eval: true });
    w.on('message', (m) => { console.log('msg', m, Math.round(performance.now() - t)); w.terminate().then(res); });
    w.on('error', (e) => { console.log('err', String(e).slice(0,200)); res(); });
  });
}
