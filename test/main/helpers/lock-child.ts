/**
 * Child for the one-writer test: opens the service on a data folder like a real
 * Jeugdplanner process, tries a save, and prints one JSON line with what happened.
 * 'hold' then keeps the folder open until the parent kills it (or is gone, or 2
 * minutes passed); 'probe' closes and exits.
 */
import { openService } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { storedModel } from '../../fixtures';

const [dataDir, mode, transport] = process.argv.slice(2);
if (!dataDir || (mode !== 'hold' && mode !== 'probe'))
  throw new Error('usage: lock-child <dataDir> hold|probe [browser|electron]');

const service = await openService({
  dataDir,
  appVersion: 'lock',
  transport: transport === 'electron' ? 'electron' : 'browser',
  log: silentLogger,
  backupOnStart: false,
});
const info = await service.api.call('app.info', {});
const save = await service.api.call('models.save', { model: storedModel(`Van proces ${process.pid}`) });
const list = await service.api.call('models.list', {});
const restore = await service.api.call('backups.restore', { name: 'jeugdplanner-2025-01-01_00-00-00.sqlite' });
process.stdout.write(
  `${JSON.stringify({
    pid: process.pid,
    storageReady: info.ok && info.value.storageReady,
    readOnly: info.ok ? (info.value.readOnly ?? null) : null,
    save: save.ok ? { ok: true } : { ok: false, code: save.error.code, message: save.error.message },
    models: list.ok ? list.value.map((m) => m.name) : null,
    restore: restore.ok ? { ok: true } : { ok: false, code: restore.error.code, message: restore.error.message },
  })}\n`,
);

if (mode === 'probe') {
  service.close();
} else {
  const parent = process.ppid;
  const deadline = Date.now() + 120_000;
  const timer = setInterval(() => {
    if (process.ppid !== parent || Date.now() > deadline) {
      clearInterval(timer);
      service.close();
    }
  }, 200);
}
