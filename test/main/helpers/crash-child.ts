/**
 * Child for the crash test: saves scenarios in a loop and appends a line to
 * the ack file after every save that returned (fs.writeSync: on disk before
 * the next save starts). The parent kills it with SIGKILL mid-loop.
 */
import fs from 'node:fs';
import { openService } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { storedModel, storedScenario } from '../../fixtures';

const [dataDir, ackFile] = process.argv.slice(2);
if (!dataDir || !ackFile) throw new Error('usage: crash-child <dataDir> <ackFile>');

const service = await openService({
  dataDir,
  appVersion: 'crash',
  transport: 'browser',
  log: silentLogger,
  backupOnStart: false,
});
const model = await service.api.call('models.save', { model: storedModel() });
if (!model.ok) throw new Error(model.error.message);
const ack = fs.openSync(ackFile, 'a');
const ids: number[] = [];
const revisions = new Map<number, number>();
// The parent kills us within seconds; should it die first, stop by ourselves (bounded in time).
const parent = process.ppid;
const deadline = Date.now() + 120_000;
for (let k = 1; process.ppid === parent && Date.now() < deadline; k++) {
  // alternate: new scenarios, then updates of earlier ones, and now and then a manual version
  const id = k % 3 === 0 && ids.length > 0 ? ids[k % ids.length] : undefined;
  const r = await service.api.call('scenarios.save', {
    ...(id ? { id, revision: revisions.get(id) } : {}),
    modelId: model.value.id,
    scenario: storedScenario(`S${k}`, k % 500),
  });
  if (!r.ok) throw new Error(r.error.message);
  revisions.set(r.value.id, r.value.revision);
  if (id === undefined) ids.push(r.value.id);
  fs.writeSync(ack, `${r.value.id} S${k} ${k % 500}\n`);
  if (k % 10 === 0) {
    const v = await service.api.call('versions.create', { scenarioId: r.value.id, note: `v${k}` });
    if (!v.ok) throw new Error(v.error.message);
    fs.writeSync(ack, `version ${v.value.id} ${r.value.id}\n`);
  }
}
