/**
 * CRC32C from @node-rs/crc32, loaded at its first use: a client agent
 * (`mgmt run --no-server`) imports this library but never checksums, and the
 * native module costs it ~4 MB resident (issue 19). The loaded function is
 * memoized: a checksum per frame must not resolve the module each time.
 */
import { createRequire } from 'node:module';
import type * as Crc32 from '@node-rs/crc32';

let loaded: typeof Crc32.crc32c | undefined;

/** CRC32C (Castagnoli) of `input`, continuing from `initialState` when given. */
export function crc32c(input: Uint8Array | string, initialState?: number): number {
  loaded ??= (createRequire(import.meta.url)('@node-rs/crc32') as typeof Crc32).crc32c;
  return loaded(input, initialState);
}
