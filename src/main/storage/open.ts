import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, migrate, schemaVersionOf } from './migrations';
import { backupDir, databasePath } from './paths';
import { createBackup, pruneBackups, timestampForFile } from './backup';
import type { Logger } from './log';
import { consoleLogger } from './log';

/** An open, migrated database plus where it lives. The handle can be swapped (backup restore). */
export class Storage {
  constructor(
    public db: Database.Database,
    readonly dataDir: string,
  ) {}

  get databasePath(): string {
    return databasePath(this.dataDir);
  }

  get backupDir(): string {
    return backupDir(this.dataDir);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export type StorageState =
  | { status: 'ready'; storage: Storage; notices: string[] }
  /** the database exists but this app may not touch it (newer schema, or it could not be moved aside) */
  | { status: 'refused'; message: string; notices: string[]; dataDir: string };

export interface OpenStorageOptions {
  dataDir: string;
  now?: () => Date;
  log?: Logger;
  /** back up an existing database before touching it (default true) */
  backupOnStart?: boolean;
  keepBackups?: number;
}

export const KEEP_BACKUPS = 10;

type Inspection =
  | { kind: 'absent' }
  | { kind: 'ok'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'broken'; reason: string };

/**
 * Looks at an existing database read-only, so a file we must refuse is never
 * modified (a read-write handle would checkpoint the WAL on close).
 */
export function inspectDatabase(file: string): Inspection {
  if (!fs.existsSync(file)) return { kind: 'absent' };
  if (fs.statSync(file).size === 0) return { kind: 'absent' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = schemaVersionOf(db);
    if (version > SCHEMA_VERSION) return { kind: 'newer', version };
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { kind: 'broken', reason: `integriteitscontrole: ${String(check)}` };
    return { kind: 'ok', version };
  } catch (err) {
    return { kind: 'broken', reason: errorText(err) };
  } finally {
    db?.close();
  }
}

const POSIX = process.platform !== 'win32';

/** A folder only this user may enter (0700 on POSIX), created when missing; an existing one is tightened. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (POSIX) tighten(dir, 0o700);
}

/** Makes a database file (and its -wal/-shm) readable for this user only (0600 on POSIX). */
export function makePrivateFile(file: string): void {
  if (!POSIX) return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) tighten(f, 0o600);
}

function tighten(p: string, mode: number): void {
  try {
    if ((fs.statSync(p).mode & 0o777) !== mode) fs.chmodSync(p, mode);
  } catch {
    // not ours to change (another user's folder): the open that follows says what is wrong
  }
}

/**
 * Opens read-write with the settings every connection needs. A new database file is
 * created 0600 first: SQLite gives its -wal and -shm files the mode of the database.
 */
export function openConnection(file: string): Database.Database {
  if (POSIX && !fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  makePrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a save that returned survives a crash or power loss, at a small cost per write.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Opens (or creates) the database in dataDir: refuses a newer one untouched,
 * moves a corrupt one aside, backs up an existing one, then migrates.
 */
export async function openStorage(options: OpenStorageOptions): Promise<StorageState> {
  const { dataDir } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLogger;
  const notices: string[] = [];
  ensurePrivateDir(dataDir);
  const file = databasePath(dataDir);

  const inspection = inspectDatabase(file);
  if (inspection.kind === 'newer') {
    const message =
      `De database ${file} is gemaakt met een nieuwere versie van Jeugdplanner (schemaversie ${inspection.version}; ` +
      `deze versie kent t/m ${SCHEMA_VERSION}). Installeer de nieuwste versie. Het bestand is niet gewijzigd.`;
    log.warn(message);
    return { status: 'refused', message, notices: [message], dataDir };
  }
  if (inspection.kind === 'broken') {
    const aside = moveAside(file, now());
    if (!aside) {
      const message = `De database ${file} is onleesbaar (${inspection.reason}) en kon niet apart worden gezet. Jeugdplanner heeft niets gewijzigd.`;
      log.error(message);
      return { status: 'refused', message, notices: [message], dataDir };
    }
    const message =
      `De database was beschadigd of onleesbaar (${inspection.reason}). Het bestand is apart gezet als ${path.basename(aside)} ` +
      `in ${dataDir} (niet verwijderd). Jeugdplanner is gestart met een nieuwe database; herstel zo nodig uit een back-up (Herstel uit back-up).`;
    log.warn(message);
    notices.push(message);
  }

  const db = openConnection(file);
  const storage = new Storage(db, dataDir);
  try {
    if (inspection.kind === 'ok' && options.backupOnStart !== false) {
      // Before migrating: the backup is what the previous app version can still open.
      await createBackup(db, storage.backupDir, now(), 'start');
      pruneBackups(storage.backupDir, options.keepBackups ?? KEEP_BACKUPS);
    }
    const applied = migrate(db);
    if (applied.length > 0) log.info(`Database bijgewerkt naar schemaversie ${SCHEMA_VERSION} (${applied.join(', ')})`);
  } catch (err) {
    storage.close();
    throw err;
  }
  return { status: 'ready', storage, notices };
}

/** Renames the database and its WAL/SHM files to *.corrupt-<time>; returns the new path, or undefined when that failed. */
function moveAside(file: string, at: Date): string | undefined {
  const base = file.replace(/\.sqlite$/, '');
  const target = `${base}.corrupt-${timestampForFile(at)}.sqlite`;
  try {
    fs.renameSync(file, target);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
    }
    return target;
  } catch {
    return undefined;
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
