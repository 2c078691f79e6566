/** fast-check plumbing shared by property tests: replayable parameters and a failure report with the seed. */
import fc from 'fast-check';

/** Parameters for `fc.check`; FC_SEED, FC_PATH and FC_RUNS replay or widen a run. */
export function checkParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = process.env['FC_SEED'];
  const path = process.env['FC_PATH'];
  const runs = process.env['FC_RUNS'];
  return {
    numRuns: runs !== undefined ? Number(runs) : defaultRuns,
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(path !== undefined ? { path } : {}),
  };
}

/** Throws with the counterexample, its cause, and the command that replays it. */
export function reportOnFailure(result: fc.RunDetails<unknown>, testFile: string): void {
  if (!result.failed) return;
  const replay = `FC_SEED=${result.seed} FC_PATH=${result.counterexamplePath ?? ''} npx vitest run ${testFile}`;
  console.error(`property failed; replay with:\n  ${replay}`);
  const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  throw new Error(`${fc.defaultReportMessage(result) ?? 'property failed'}\n${cause}\nreplay: ${replay}`);
}
