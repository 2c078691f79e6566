/**
 * Revoked certificates recorded in the store: one key per serial number
 * under a prefix (the agent's `/_mgmt/pki/revoked/<serial>`), read from the
 * local replica, so every member and every API worker refuses the same
 * certificates.
 */
import type { KvStore } from '../store.js';

const enc = new TextEncoder();

/** A serial number as one spelling: upper-case hex, no leading zeros (`0x` and `:` allowed on input); '' when it is not hex. */
export function normalizeSerial(serial: string): string {
  const hex = serial.trim().replace(/^0x/i, '').replace(/:/g, '').toUpperCase().replace(/^0+(?=.)/, '');
  return /^[0-9A-F]+$/.test(hex) ? hex : '';
}

/** Whether `store` holds the key `prefix` + `serial` (normalized). */
export function isRevokedUnder(store: KvStore, prefix: string, serial: string | undefined): boolean {
  if (serial === undefined) return false;
  const normal = normalizeSerial(serial);
  if (normal === '') return false;
  return store.range({ key: enc.encode(`${prefix}${normal}`) }).kvs.length > 0;
}
