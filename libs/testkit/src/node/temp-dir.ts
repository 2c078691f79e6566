/** Temporary directories for tests: made with mkdtemp, removed by the returned cleanup. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // MGMT_TEST_KEEP=1 keeps it (data directories and agents' logs) to read after a failure.
  return {
    dir,
    cleanup: () => {
      if (process.env.MGMT_TEST_KEEP === '1') process.stderr.write(`kept ${dir}\n`);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
