/**
 * npm start: builds what is missing, then starts the desktop app when
 * Electron's binary is present, otherwise browser mode on 127.0.0.1.
 *   --browser        always browser mode
 *   --port <n>       browser mode port (default: a free one)
 *   --no-open        do not open the system browser
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../src/main/web/server';
import { resolveDataDir } from '../src/main/storage/paths';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');
const args = process.argv.slice(2);

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs vite build when dist/renderer is missing or older than the sources. */
function buildRendererIfNeeded(): void {
  if (!fs.existsSync(path.join(ROOT, 'vite.config.ts'))) {
    console.warn('vite.config.ts ontbreekt: de gebruikersinterface wordt niet gebouwd.');
    return;
  }
  const index = path.join(RENDERER_OUT, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src', 'renderer')),
    newestMtime(path.join(ROOT, 'src', 'shared')),
  );
  if (built >= sources) return;
  console.log('Gebruikersinterface bouwen (vite build)…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build is mislukt (zie hierboven).');
}

/** The Electron executable, if its binary was downloaded; never requires 'electron' (that would try to download). */
function electronBinary(): string | undefined {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : undefined;
}

/**
 * better-sqlite3 in node_modules is built for Node (the tests need that). For
 * Electron a second copy is built in dist/node_modules, which main.cjs finds
 * first. Needs internet once (Electron's headers). Returns false on failure.
 */
function prepareElectronNative(): boolean {
  const electronVersion = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const dist = path.join(ROOT, 'dist');
  const marker = path.join(dist, 'node_modules', '.electron-native');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === electronVersion) return true;
  fs.mkdirSync(path.join(dist, 'node_modules'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3'), path.join(dist, 'node_modules', 'better-sqlite3'), {
    recursive: true,
  });
  const sqliteVersion = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  fs.writeFileSync(
    path.join(dist, 'package.json'),
    JSON.stringify(
      { name: 'jeugdplanner-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } },
      null,
      2,
    ),
  );
  console.log(`better-sqlite3 bouwen voor Electron ${electronVersion}…`);
  const rebuild = path.join(ROOT, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  const result = spawnSync(
    process.execPath,
    [rebuild, '-f', '-w', 'better-sqlite3', '-v', electronVersion, '-m', dist],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) return false;
  fs.writeFileSync(marker, electronVersion);
  return true;
}

async function startElectron(exe: string): Promise<void> {
  const { buildElectron } = await import('./build-electron');
  await buildElectron();
  const child = spawn(exe, [ROOT], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

function openBrowser(url: string): void {
  const [cmd, cmdArgs] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser on this machine: the printed URL is enough
    child.unref();
  } catch {
    // idem
  }
}

async function startBrowserMode(reason: string | undefined): Promise<void> {
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 0;
  const server = await startWebServer({
    dataDir: resolveDataDir(),
    port,
    rendererDir: RENDERER_OUT,
    seedDir: path.join(ROOT, 'models'),
  });
  if (reason) console.log(reason);
  console.log(`Jeugdplanner draait op ${server.url} (stoppen met Ctrl+C)`);
  if (!args.includes('--no-open') && process.env.CI !== 'true' && process.stdout.isTTY) openBrowser(server.url);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  buildRendererIfNeeded();
  const exe = args.includes('--browser') ? undefined : electronBinary();
  if (exe && prepareElectronNative()) return startElectron(exe);
  await startBrowserMode(
    args.includes('--browser')
      ? undefined
      : exe
        ? 'better-sqlite3 kon niet voor Electron worden gebouwd (internet nodig); Jeugdplanner start in browsermodus.'
        : 'Het Electron-programma is niet beschikbaar (niet gedownload); Jeugdplanner start in browsermodus.',
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
