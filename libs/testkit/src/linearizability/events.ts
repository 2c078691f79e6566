/**
 * The event-list form of a history, as Jepsen records it, and its conversion
 * to the operation form the checker reads.
 *
 * Each process issues one operation at a time: an `invoke` event, then one
 * completion from the same process:
 * - `ok`: it completed and the client saw the result;
 * - `fail`: it definitely did not take effect (kept, marked with
 *   `output.error`, and dropped by the checker);
 * - `info`: the outcome is unknown (timeout, crash): `return` becomes null.
 * An invoke with no completion by the end of the list is also unknown.
 */
import { HistoryFormatError } from './errors.js';
import type { Operation, OperationKind, RegisterValue } from './history.js';

/** The four event types of a Jepsen history. */
export type HistoryEventType = 'invoke' | 'ok' | 'fail' | 'info';

/** One event of an event-list history. */
export interface HistoryEvent {
  type: HistoryEventType;
  process: number | string;
  f: OperationKind;
  /** The key; may be omitted on completions (the invoke's key is used). */
  key?: string;
  /**
   * invoke write: the value to write; invoke cas: `[expected, new]` (Jepsen's
   * form) or the new value with `expected` beside it; ok read: the value seen.
   */
  value?: RegisterValue | readonly [RegisterValue, RegisterValue];
  /** invoke cas: the expected value, when `value` is not a pair. */
  expected?: RegisterValue;
  /** ok cas: `false` when the comparison failed (defaults to true = swapped). */
  ok?: boolean;
  /** Time of the event; defaults to the event's index in the list. */
  time?: number;
}

const eventTypes: readonly HistoryEventType[] = ['invoke', 'ok', 'fail', 'info'];
const operationKinds: readonly OperationKind[] = ['read', 'write', 'cas'];

function fail(index: number, message: string): never {
  throw new HistoryFormatError(`event #${index}: ${message}`);
}

function isRegisterValue(value: unknown): value is RegisterValue {
  return value === null || typeof value === 'string';
}

function readEvent(raw: unknown, index: number): HistoryEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(index, 'is not an object');
  const event = raw as Record<string, unknown>;
  if (!eventTypes.includes(event['type'] as HistoryEventType)) fail(index, "'type' must be invoke, ok, fail or info");
  if (typeof event['process'] !== 'number' && typeof event['process'] !== 'string') {
    fail(index, "'process' must be a number or a string");
  }
  if (!operationKinds.includes(event['f'] as OperationKind)) fail(index, "'f' must be read, write or cas");
  if (event['key'] !== undefined && typeof event['key'] !== 'string') fail(index, "'key' must be a string");
  const time = event['time'];
  if (time !== undefined && (typeof time !== 'number' || !Number.isFinite(time))) fail(index, "'time' must be a finite number");
  return event as unknown as HistoryEvent;
}

function invokeInput(event: HistoryEvent, index: number): Operation['op'] {
  if (event.key === undefined) fail(index, "an invoke needs 'key'");
  const input: Operation['op'] = { kind: event.f, key: event.key };
  if (event.f === 'write') {
    if (!isRegisterValue(event.value)) fail(index, "a write invoke needs 'value' (a string or null)");
    input.value = event.value;
  } else if (event.f === 'cas') {
    const pair = event.value;
    if (Array.isArray(pair) && pair.length === 2 && isRegisterValue(pair[0]) && isRegisterValue(pair[1])) {
      input.expected = pair[0];
      input.value = pair[1];
    } else if (isRegisterValue(event.value) && isRegisterValue(event.expected)) {
      input.expected = event.expected;
      input.value = event.value;
    } else {
      fail(index, "a cas invoke needs 'value' as [expected, new], or 'expected' and 'value'");
    }
  }
  return input;
}

function complete(operation: Operation, event: HistoryEvent, index: number, time: number): void {
  if (event.f !== operation.op.kind) fail(index, `completes a ${operation.op.kind} with f=${event.f}`);
  if (event.key !== undefined && event.key !== operation.op.key) fail(index, `completes key '${operation.op.key}' with key '${event.key}'`);
  if (event.type === 'info') return; // unknown outcome: return stays null
  operation.return = time;
  if (event.type === 'fail') {
    operation.output.error = 'fail event';
    return;
  }
  if (operation.op.kind === 'read') {
    if (!isRegisterValue(event.value)) fail(index, "an ok read needs 'value' (a string, or null for absent)");
    operation.output.value = event.value;
  } else if (operation.op.kind === 'cas') {
    if (event.ok !== undefined && typeof event.ok !== 'boolean') fail(index, "'ok' must be a boolean");
    operation.output.ok = event.ok ?? true;
  }
}

/**
 * Converts an event list (Jepsen style) to an operation-form history, in
 * invoke order. Throws {@link HistoryFormatError} on a malformed list (a
 * completion with no invoke, two invokes in flight on one process, ...).
 */
export function eventsToHistory(events: readonly unknown[]): Operation[] {
  if (!Array.isArray(events)) throw new HistoryFormatError('an event history must be an array of events');
  const operations: Operation[] = [];
  const inFlight = new Map<number | string, Operation>();
  let lastTime = -Infinity;
  events.forEach((raw, index) => {
    const event = readEvent(raw, index);
    const time = event.time ?? index;
    if (time < lastTime) fail(index, `time ${time} goes backwards (previous event at ${lastTime})`);
    lastTime = time;
    const pending = inFlight.get(event.process);
    if (event.type === 'invoke') {
      if (pending !== undefined) fail(index, `process ${String(event.process)} invokes while its previous operation is in flight`);
      const operation: Operation = { client: event.process, op: invokeInput(event, index), call: time, return: null, output: {} };
      operations.push(operation);
      inFlight.set(event.process, operation);
      return;
    }
    if (pending === undefined) fail(index, `${event.type} for process ${String(event.process)} which has no operation in flight`);
    complete(pending, event, index, time);
    inFlight.delete(event.process);
  });
  return operations;
}
