import { listBackups } from '../storage/backup';
import { backupDir } from '../storage/paths';
import { restoreBackup } from '../storage/restore';
import { storageOf, type HandlerMap } from './context';

export const backupHandlers: HandlerMap<'backups.list' | 'backups.restore'> = {
  // Answers even when the database was refused: the backups are how the user gets going again.
  'backups.list': (_req, ctx) =>
    listBackups(backupDir(ctx.state.status === 'ready' ? ctx.state.storage.dataDir : ctx.state.dataDir)),
  'backups.restore': (req, ctx) => restoreBackup(storageOf(ctx), req.name, ctx.now()),
};
