/** One assertion helper for tests and simulators: a broken expectation throws with a message. */

/** Thrown by assert(): a claim that should hold did not. */
export class AssertionFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionFailedError';
  }
}

/** Throws AssertionFailedError with `message` (a string, or a function building it only on failure) unless `condition` holds. */
export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new AssertionFailedError(typeof message === 'function' ? message() : message);
}

/** Throws unless `a` is a prefix of `b` (element by element, with ===); `what` names the pair in the message. */
export function assertPrefix<T>(a: readonly T[], b: readonly T[], what: string): void {
  assert(a.length <= b.length, () => `${what}: ${a.length} items is longer than ${b.length}`);
  for (let k = 0; k < a.length; k++) assert(a[k] === b[k], () => `${what}: item ${k} differs (${String(a[k])} vs ${String(b[k])})`);
}

/** Whether `a` is a prefix of `b`. */
export function isPrefix<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length <= b.length && a.every((v, i) => v === b[i]);
}
