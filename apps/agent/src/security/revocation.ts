/**
 * Revoked certificates: `mgmt cert revoke` writes `/_mgmt/pki/revoked/<serial>`
 * (the serial in upper-case hex), and every member refuses a certificate
 * listed there, on the etcd API (per call), on peer connections, and for
 * renewal, reading its own replica. (A host that still has the join token
 * can join again with a new certificate: rotate the token as well.)
 */
import { isRevokedUnder, normalizeSerial, type KvStore } from '@mgmt/kv';

export { normalizeSerial };

/** Where revocations are recorded. */
export const REVOKED_PREFIX = '/_mgmt/pki/revoked/';

/** The key that revokes `serial`. */
export function revokedKey(serial: string): string {
  return `${REVOKED_PREFIX}${normalizeSerial(serial)}`;
}

/** Whether the replicated store lists `serial` as revoked. */
export function isRevokedIn(kv: KvStore, serial: string | undefined): boolean {
  return isRevokedUnder(kv, REVOKED_PREFIX, serial);
}
