/**
 * The sequential specification: one key of a key-value register, its state
 * an interned value id (0 = absent). Pure and deterministic.
 */
import type { PreparedOperation } from './partition.js';

/** Returned by {@link stepRegister} when the operation cannot happen in that state. */
export const illegalStep = -1;

/**
 * Applies `operation` to the register holding `state` and returns the new
 * state, or {@link illegalStep} if the operation's recorded result is
 * impossible there. An unknown-outcome cas is stepped as a successful swap:
 * had it failed or never run, it would have no effect, which the search
 * models by leaving it out of the linearization.
 */
export function stepRegister(state: number, operation: PreparedOperation): number {
  switch (operation.kind) {
    case 'read':
      return state === operation.valueId ? state : illegalStep;
    case 'write':
      return operation.valueId;
    case 'cas':
      if (operation.casSwapped === false) return state !== operation.expectedId ? state : illegalStep;
      return state === operation.expectedId ? operation.valueId : illegalStep;
  }
}
