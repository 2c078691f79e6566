/** Terse constructors of history operations for scenario tests (all on key "x" unless given). */
import type { Operation, RegisterValue } from '../history.js';

/** A write by `client` of `value`, called at `call`, returning at `returned` (null = unknown). */
export function write(client: number, value: RegisterValue, call: number, returned: number | null, key = 'x'): Operation {
  return { client, op: { kind: 'write', key, value }, call, return: returned, output: {} };
}

/** A completed read by `client` that returned `value`. */
export function read(client: number, value: RegisterValue, call: number, returned: number, key = 'x'): Operation {
  return { client, op: { kind: 'read', key }, call, return: returned, output: { value } };
}

/** A cas by `client` from `expected` to `value`; `ok` undefined when the outcome is unknown. */
export function cas(
  client: number, expected: RegisterValue, value: RegisterValue, ok: boolean | undefined,
  call: number, returned: number | null, key = 'x',
): Operation {
  return { client, op: { kind: 'cas', key, expected, value }, call, return: returned, output: ok === undefined ? {} : { ok } };
}
