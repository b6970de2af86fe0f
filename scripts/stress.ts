// npm run test:stress — the UI tests on a busy machine: two busy-loop processes load both cores while the
// e2e suite runs 5 times in a row. A test that only passes on an idle machine fails here.
// Options: --runs N (default 5), --all (the whole vitest suite instead of test/e2e).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 5;
const target = args.includes('--all') ? [] : ['test/e2e'];
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs: "${args[runsArg + 1]}" is geen positief geheel getal`);
  process.exit(2);
}

const busy: ChildProcess[] = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBusy = () => busy.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stopBusy);
process.on('SIGINT', () => process.exit(130));

let failed = 0;
for (let run = 1; run <= runs; run++) {
  console.log(`\n=== stress run ${run}/${runs}: vitest run ${target.join(' ')} with 2 busy cores ===`);
  const started = Date.now();
  const result = spawnSync('npx', ['vitest', 'run', ...target], {
    stdio: 'inherit',
    env: { ...process.env, CI: 'true' },
  });
  console.log(
    `=== run ${run}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`,
  );
  if (result.status !== 0) failed++;
}
stopBusy();
console.log(`\ntest:stress: ${runs - failed} of ${runs} runs passed`);
process.exit(failed === 0 ? 0 : 1);
