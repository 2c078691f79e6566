/** The report of a key that is not linearizable: the types the checker returns. */
import type { Operation, RegisterValue } from './history.js';

/** An operation of the history with its index in the input. */
export interface IndexedOperation {
  index: number;
  operation: Operation;
}

/** One operation of a partial linearization, with the register's value after it. */
export interface LinearizedStep extends IndexedOperation {
  valueAfter: RegisterValue;
}

/** An operation that could go next after the longest partial linearization, and why it cannot. */
export interface BlockedCandidate extends IndexedOperation {
  reason: string;
}

/**
 * The named shape of an anomaly, when one of the simple proofs applies:
 * - `read-of-unwritten-value`: a read returned a value no operation wrote;
 * - `stale-read`: a read returned a value that a completed write had already
 *   replaced before the read began (this is also how a lost write shows);
 * - `duplicate-cas`: more compare-and-sets swapped from a value than times
 *   that value was written;
 * - `no-linearization`: none of those, but the search proved no order works.
 */
export type AnomalyKind = 'read-of-unwritten-value' | 'stale-read' | 'duplicate-cas' | 'no-linearization';

/** Why one key's history is not linearizable. */
export interface KeyAnomaly {
  key: string;
  kind: AnomalyKind;
  /** The longest partial linearization the search found, in order. */
  linearizedPrefix: LinearizedStep[];
  /** The register's value after that prefix. */
  valueAfterPrefix: RegisterValue;
  /** The completed operation that had to take effect next (it returns first) and could not. */
  blockedOperation: IndexedOperation;
  /** Every operation that could go next after the prefix, each with why it cannot. */
  candidates: BlockedCandidate[];
  /** The operations the explanation mentions, by history index. */
  operationsInvolved: IndexedOperation[];
  /** A few sentences for a human, naming the reads and why they cannot be placed. */
  explanation: string;
}
