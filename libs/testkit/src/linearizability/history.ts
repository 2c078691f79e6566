/**
 * The history format the checker reads: one record per client operation on a
 * key-value register, with its real-time interval.
 *
 * Times are any monotonic numbers (milliseconds, ticks, event indexes); only
 * their order matters. An operation whose outcome is unknown (it timed out,
 * or the client crashed) has `return: null`: its completion is at +infinity,
 * so it may or may not have taken effect at any point after its call.
 */

/** The three operations of the register model. */
export type OperationKind = 'read' | 'write' | 'cas';

/** A value held by a key; `null` means the key is absent (never written, or deleted). */
export type RegisterValue = string | null;

/** What the client asked for. */
export interface OperationInput {
  kind: OperationKind;
  key: string;
  /** write: the value written (`null` deletes the key); cas: the new value. */
  value?: RegisterValue;
  /** cas: the value the key must hold for the swap to happen (`null` = absent). */
  expected?: RegisterValue;
}

/** What the client was told. Ignored when `return` is null. */
export interface OperationOutput {
  /** read: the value seen (`null` = key absent). */
  value?: RegisterValue;
  /**
   * cas: `true` = swapped, `false` = the comparison failed (no effect, but the
   * key did not hold `expected` at that moment). read/write: `false` = the
   * operation definitely failed without effect; it is dropped before checking.
   */
  ok?: boolean;
  /** Set when the operation definitely failed without effect; it is dropped before checking. */
  error?: string;
}

/** One operation of a history, as a client recorded it. */
export interface Operation {
  /** Who issued it (a client or process id); used only in reports. */
  client: number | string;
  op: OperationInput;
  /** Time the request was sent. */
  call: number;
  /** Time the response arrived, or `null` if the outcome is unknown. */
  return: number | null;
  output: OperationOutput;
}

/** A history: operations in any order. */
export type History = readonly Operation[];
