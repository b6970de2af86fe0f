import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures';

const CHILD = path.join(__dirname, '..', 'helpers', 'crash-child.ts');

function ackLines(file: string): string[] {
  return fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
    : [];
}

describe('crash safety', () => {
  it('after SIGKILL mid-save: integrity ok and every save that returned is there', async () => {
    const dataDir = tempDir('jp-crash-');
    const ackFile = path.join(dataDir, 'acks.txt');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ackFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );

    // Let it save for a while (at least 150 acknowledged saves), then kill it without warning.
    const deadline = Date.now() + 60_000;
    while (ackLines(ackFile).length < 150) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`child did not get going: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const lines = ackLines(ackFile);
    // The last line may be torn if the kill hit inside writeSync; only complete lines count.
    const complete = fs.readFileSync(ackFile, 'utf8').endsWith('\n') ? lines : lines.slice(0, -1);
    const db = new Database(path.join(dataDir, 'jeugdplanner.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const latest = new Map<number, { name: string; inflow: number }>();
      const versions: [number, number][] = [];
      for (const line of complete) {
        const parts = line.split(' ');
        if (parts[0] === 'version') versions.push([Number(parts[1]), Number(parts[2])]);
        else latest.set(Number(parts[0]), { name: parts[1]!, inflow: Number(parts[2]) });
      }
      expect(latest.size).toBeGreaterThan(10);
      for (const [id, expected] of latest) {
        const row = db.prepare('SELECT name, json FROM scenarios WHERE id = ?').get(id) as
          { name: string; json: string } | undefined;
        expect(row, `scenario ${id}`).toBeDefined();
        // A later save (after the last ack) may have landed too; the acknowledged one is the minimum.
        const json = JSON.parse(row!.json) as {
          assumptions: { ambulant: { inflowChangePct: Record<string, number> } };
        };
        const stored = json.assumptions.ambulant.inflowChangePct['2026'];
        if (row!.name === expected.name) expect(stored).toBe(expected.inflow);
        else expect(Number(row!.name.slice(1))).toBeGreaterThan(Number(expected.name.slice(1)));
      }
      for (const [versionId, scenarioId] of versions) {
        const v = db.prepare('SELECT scenario_id FROM scenario_versions WHERE id = ?').get(versionId) as
          { scenario_id: number } | undefined;
        expect(v?.scenario_id).toBe(scenarioId);
      }
    } finally {
      db.close();
    }
  }, 90_000);
});
