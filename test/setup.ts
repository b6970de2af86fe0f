/**
 * Property tests explore new random cases on every local run; in CI (CI=true) they run one fixed seed, so a
 * clean checkout either passes or fails the same way every time. A counterexample found locally becomes a
 * unit test (see test/shared/engine/realisatie.test.ts, "numerical edge").
 */
import fc from 'fast-check';

if (process.env.CI === 'true') fc.configureGlobal({ seed: 20261202 });
