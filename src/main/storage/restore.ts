import fs from 'node:fs';
import { SCHEMA_VERSION, migrate } from './migrations';
import { backupPath, createBackup } from './backup';
import { inspectDatabase, openConnection, type Storage } from './open';
import { UserError } from '../errors';
import { describeHolder, readLock } from './lock';

/**
 * Replaces the database with a backup. The current database is backed up
 * first ('voor-herstel'), so a restore can itself be undone.
 */
export async function restoreBackup(
  storage: Storage,
  name: string,
  now: Date,
): Promise<{ restored: string; safetyBackup: string }> {
  // never while another process writes: only the holder of the folder's lock may replace the database
  const holder = storage.lock ? readLock(storage.lock.file) : undefined;
  if (!storage.lock || storage.readOnly || holder?.id !== storage.lock.info.id) {
    const other =
      holder && holder.id !== storage.lock?.info.id ? ` De map is in gebruik door ${describeHolder(holder)}.` : '';
    throw new UserError(
      'read_only',
      `Er is geen back-up teruggezet: deze Jeugdplanner is niet de enige die ${storage.dataDir} beschrijft.${other} Er is niets gewijzigd.`,
    );
  }
  const source = backupPath(storage.backupDir, name);
  if (!source)
    throw new UserError('not_found', `Back-up ${JSON.stringify(name)} bestaat niet in ${storage.backupDir}.`);
  const check = inspectDatabase(source);
  if (check.kind === 'newer') {
    throw new UserError(
      'validation',
      `Back-up ${name} komt van een nieuwere versie van Jeugdplanner (schemaversie ${check.version}, deze versie kent t/m ${SCHEMA_VERSION}).`,
    );
  }
  if (check.kind !== 'ok') {
    throw new UserError(
      'validation',
      `Back-up ${name} is onleesbaar of beschadigd${check.kind === 'broken' ? ` (${check.reason})` : ''}; de huidige database is niet gewijzigd.`,
    );
  }

  const safetyBackup = await createBackup(storage.db, storage.backupDir, now, 'voor-herstel');
  const highest = highestRevision(storage.db);
  const file = storage.databasePath;
  const staged = `${file}.restore`;
  fs.copyFileSync(source, staged);
  if (process.platform !== 'win32') fs.chmodSync(staged, 0o600);

  storage.db.pragma('wal_checkpoint(TRUNCATE)');
  storage.db.close();
  try {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(staged, file);
  } finally {
    // Whatever happened, reopen what is now at the path (the backup, or the untouched original).
    storage.db = openConnection(file);
  }
  migrate(storage.db);
  // Every record moves past every revision a tab or window may still hold, so their next save
  // is refused as stale ('conflict') instead of overwriting the restored data.
  storage.db.transaction(() => {
    storage.db.prepare('UPDATE models SET revision = revision + ?').run(highest);
    storage.db.prepare('UPDATE scenarios SET revision = revision + ?').run(highest);
  })();
  return { restored: name, safetyBackup };
}

function highestRevision(db: Storage['db']): number {
  const row = db
    .prepare(
      'SELECT max(COALESCE((SELECT max(revision) FROM models), 0), COALESCE((SELECT max(revision) FROM scenarios), 0)) AS m',
    )
    .get() as { m: number };
  return row.m;
}
