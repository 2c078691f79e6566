/**
 * Revoked certificates: `mgmt cert revoke` writes `/_mgmt/pki/revoked/<serial>`
 * (the serial in upper-case hex), and every member refuses a certificate
 * listed there, on the etcd API (per call), on peer connections, and for
 * renewal, reading its own replica. (A host that still has the join token
 * can join again with a new certificate: rotate the token as well.)
 */
import type { KvStore } from '@mgmt/kv';

/** Where revocations are recorded. */
export const REVOKED_PREFIX = '/_mgmt/pki/revoked/';

/** A serial number as one spelling: upper-case hex, no leading zeros (`0x` and `:` allowed on input). */
export function normalizeSerial(serial: string): string {
  const hex = serial.trim().replace(/^0x/i, '').replace(/:/g, '').toUpperCase().replace(/^0+(?=.)/, '');
  return /^[0-9A-F]+$/.test(hex) ? hex : '';
}

/** The key that revokes `serial`. */
export function revokedKey(serial: string): string {
  return `${REVOKED_PREFIX}${normalizeSerial(serial)}`;
}

const enc = new TextEncoder();

/** Whether the replicated store lists `serial` as revoked. */
export function isRevokedIn(kv: KvStore, serial: string | undefined): boolean {
  if (serial === undefined || normalizeSerial(serial) === '') return false;
  return kv.range({ key: enc.encode(revokedKey(serial)) }).kvs.length > 0;
}
