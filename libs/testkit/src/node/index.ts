/** Node-only test support of @mgmt/testkit: free ports, polling, temporary directories, the `mgmt` command. */
export { freePort } from './free-port.js';
export { sleep, waitFor } from './wait.js';
export { tempDir } from './temp-dir.js';
export { mgmtBin, repoRoot, runMgmt, spawnMgmt } from './spawn-mgmt.js';
