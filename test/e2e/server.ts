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
export async function startTestServer(label: string, options: { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir(label);
  const server = await startWebServer({
    dataDir,
    rendererDir: RENDERER_DIR,
    seedDir: path.join(ROOT, 'models'),
    log: quiet,
  });
  return {
    server,
    dataDir,
    async stop() {
      await server.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
