/**
 * npm run dist: builds renderer and Electron main, then packages with
 * electron-builder (needs internet for Electron's binaries and headers).
 * electron-builder rebuilds better-sqlite3 for Electron's ABI in
 * node_modules; afterwards the Node build is restored so npm test keeps
 * working. Extra arguments go to electron-builder (e.g. --win, --linux).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildElectron, ROOT } from './build-electron';

function run(cmd: string, args: string[]): number {
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
}

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
let status = run(bin('vite'), ['build']);
if (status === 0) {
  await buildElectron();
  status = run(bin('electron-builder'), [
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    ...process.argv.slice(2),
  ]);
  const restore = run('npm', ['rebuild', 'better-sqlite3']);
  if (restore !== 0)
    console.error('Let op: "npm rebuild better-sqlite3" is mislukt; voer het zelf uit voordat u npm test draait.');
}
process.exit(status);
