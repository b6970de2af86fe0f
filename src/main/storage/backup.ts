import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api';

/** Backups are named by local date and time so a controller recognises them: jeugdplanner-2025-10-12_09-30-00.sqlite */
const BACKUP_NAME = /^jeugdplanner-(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:-\d+)?(?:-[a-z-]+)?\.sqlite$/;

export function timestampForFile(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}_${p(at.getHours())}-${p(at.getMinutes())}-${p(at.getSeconds())}`;
}

/** 'start' backups are made at each start; 'voor-herstel' keeps the database as it was before a restore. */
export type BackupReason = 'start' | 'voor-herstel';

/**
 * Copies the live database with SQLite's online backup API (consistent even
 * with WAL and other readers). Returns the file name.
 */
export async function createBackup(
  db: Database.Database,
  dir: string,
  at: Date,
  reason: BackupReason,
): Promise<string> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
  const suffix = reason === 'start' ? '' : `-${reason}`;
  const stamp = timestampForFile(at);
  let name = `jeugdplanner-${stamp}${suffix}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `jeugdplanner-${stamp}-${n}${suffix}.sqlite`;
  const target = path.join(dir, name);
  const partial = `${target}.partial`;
  await db.backup(partial);
  // a copy of the database is as private as the database
  if (process.platform !== 'win32') fs.chmodSync(partial, 0o600);
  // Rename last, so a backup file that exists is always complete.
  fs.renameSync(partial, target);
  return name;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size };
    })
    .sort((a, b) => sortKey(b.name).localeCompare(sortKey(a.name)));
}

/** Newest first by the time in the name, then by name (…-2 after the first of the same second). */
function sortKey(name: string): string {
  return `${BACKUP_NAME.exec(name)?.[1] ?? ''}|${name}`;
}

/** Keeps the newest `keep` backups; older ones are deleted (they are copies; the database itself is never deleted). */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const removed: string[] = [];
  for (const b of all.slice(keep)) {
    fs.rmSync(path.join(dir, b.name), { force: true });
    removed.push(b.name);
  }
  return removed;
}

/** Resolves a backup name to its path inside dir, refusing anything that is not a plain backup file name there. */
export function backupPath(dir: string, name: string): string | undefined {
  if (!BACKUP_NAME.test(name) || path.basename(name) !== name) return undefined;
  const file = path.join(dir, name);
  return fs.existsSync(file) ? file : undefined;
}
