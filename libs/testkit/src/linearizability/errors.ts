/** Errors of the linearizability checker: bad input is typed, broken invariants throw. */

/** The input is not a valid history (a field is missing, a time is not a number, ...). */
export class HistoryFormatError extends Error {
  override readonly name = 'HistoryFormatError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A programmer error inside the checker: an invariant that must hold did not. */
export class CheckerInvariantError extends Error {
  override readonly name = 'CheckerInvariantError';
}

/** Throws {@link CheckerInvariantError} with `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckerInvariantError(message);
}
