/** Test helpers: free loopback ports, temporary directories, polling (all from @mgmt/testkit). */
export { freePort } from '@mgmt/testkit/node';
export { tempDir, waitFor } from '@mgmt/testkit/node';
