/**
 * Starts browser mode (the real service on a real SQLite file in a temp data
 * dir) for one test file, serving the renderer built by the global setup.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import type { Logger } from '../../src/main/log';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

export interface TestServer {
  server: WebServer;
  dataDir: string;
  stop(): Promise<void>;
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: (m) => console.error(m) };

/** A fresh temp data dir for startTestServer's `dataDir` option (e.g. to put a file there before the start). */
export function makeDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `jeugdplanner-e2e-${label}-`));
}

/**
 * `dataDir`: start on an existing data folder (a restart, or a prepared
 * database); stop() then leaves it in place and the caller removes it.
 */
export async function startTestServer(
  label: string,
  options: { dataDir?: string; withoutRealisatie?: boolean } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir(label);
  const seedDir = options.withoutRealisatie ? seedWithoutRealisatie(label) : path.join(ROOT, 'models');
  const server = await startWebServer({ dataDir, rendererDir: RENDERER_DIR, seedDir, log: quiet });
  return {
    server,
    dataDir,
    async stop() {
      await server.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (options.withoutRealisatie) fs.rmSync(seedDir, { recursive: true, force: true });
    },
  };
}

/**
 * The bundled models and scenarios with the default model's own figures only, without its realisatie
 * 2022–2024: for tests of importing realisatie into a model that has none yet.
 */
function seedWithoutRealisatie(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jeugdplanner-e2e-seed-${label}-`));
  fs.cpSync(path.join(ROOT, 'models'), dir, { recursive: true });
  const file = path.join(dir, 'noord-limburg.json');
  const { realisatie: _realisatie, ...own } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify(own, null, 2)}\n`);
  return dir;
}
