/** freePort lives in @mgmt/testkit/node (test support in one place). */
export { freePort } from '@mgmt/testkit/node';
