/**
 * Bundles the Electron main process, the preload and the job worker (long
 * work off the main process: src/main/jobs/worker.ts → job-worker.cjs beside
 * main.cjs) to CommonJS files in dist/main/electron (package.json "main").
 * esbuild comes with tsx/vite.
 * 'electron' stays external (Electron provides it); better-sqlite3 stays
 * external because it is a native module (unpacked from asar when packaging).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT = path.join(ROOT, 'dist', 'main', 'electron');
export const JOB_WORKER_FILE = 'job-worker.cjs';

export async function buildElectron(outDir: string = ELECTRON_OUT): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning' as const,
    absWorkingDir: ROOT,
  };
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'src/main/electron/main.ts')],
    outfile: path.join(outDir, 'main.cjs'),
    external: ['electron', 'better-sqlite3'],
    // src/main/jobs/runner.ts starts this file instead of the TypeScript source.
    // (import.meta.url: only the from-source branch reads it; defined to keep esbuild's cjs warning away)
    define: { __JOB_WORKER_FILE__: JSON.stringify(JOB_WORKER_FILE), 'import.meta.url': 'undefined' },
  });
  // The worker gets plain data and touches neither storage nor Electron: everything is bundled in.
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'src/main/jobs/worker.ts')],
    outfile: path.join(outDir, JOB_WORKER_FILE),
  });
  // The sandboxed preload may require only 'electron': everything else is bundled in.
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'src/main/electron/preload.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    external: ['electron'],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildElectron().then(
    () => console.log(`Electron-hoofdproces, preload en job-worker gebouwd in ${path.relative(ROOT, ELECTRON_OUT)}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
