/**
 * Runs a fast-check property with a seed that is printed on failure together
 * with the command that replays it (LIN_SEED=<seed> npx vitest run ...).
 * LIN_RUNS_FACTOR=<n> multiplies the number of runs, for a longer soak.
 */
import fc from 'fast-check';

/** Asserts `property`, seeding from LIN_SEED when set, and names the replay command on failure. */
export function assertWithSeed<T>(property: fc.IProperty<T>, testFile: string, numRuns: number): void {
  const fromEnv = process.env['LIN_SEED'];
  const seed = fromEnv !== undefined ? Number(fromEnv) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  try {
    const factor = Number(process.env['LIN_RUNS_FACTOR'] ?? 1);
    fc.assert(property, { seed, numRuns: Math.max(1, Math.round(numRuns * factor)) });
  } catch (error) {
    const replay = `replay with: cd tools && LIN_SEED=${seed} npx vitest run ${testFile}`;
    console.error(`property failed with seed ${seed}; ${replay}`);
    throw new Error(`seed ${seed}; ${replay}\n${(error as Error).message}`, { cause: error });
  }
}
