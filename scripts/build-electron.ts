/**
 * Bundles the Electron main process and the preload to CommonJS files in
 * dist/main/electron (package.json "main"). esbuild comes with tsx/vite.
 * 'electron' stays external (Electron provides it); better-sqlite3 stays
 * external because it is a native module (unpacked from asar when packaging).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_OUT = path.join(ROOT, 'dist', 'main', 'electron');

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
    () => console.log(`Electron-hoofdproces en preload gebouwd in ${path.relative(ROOT, ELECTRON_OUT)}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
