/**
 * The Wing and Gong linearizability search with Lowe's memoization, on one
 * key (see README.md).
 *
 * The history is a doubly linked list of call and return entries sorted by
 * time. Scanning from the head, each call entry before the first return
 * entry belongs to an operation that may take effect next; if the model
 * accepts it and the resulting (linearized set, state) is new, the search
 * lifts its entries out of the list and starts again from the head. Meeting
 * a return entry means the operation that returns there was not placed in
 * time: undo the last choice and try the next call after it. An operation
 * with unknown outcome has no return entry (its return is at +infinity), so
 * it never blocks and it need not be placed: the search succeeds once every
 * completed operation is linearized.
 */
import { HashedBitset } from './bitset.js';
import { assert } from './errors.js';
import type { KeyPartition } from './partition.js';
import { illegalStep, stepRegister } from './register-model.js';
import { VisitedCache } from './visited-cache.js';

/** Limits on one search; exceeding one ends it with `unknown`. */
export interface SearchBudget {
  maxSteps: number;
  maxCacheEntries: number;
  /** Absolute time (in `now()` units, ms) after which the search gives up. */
  deadlineMs: number;
  now: () => number;
}

/** Why a search gave up. */
export type BudgetExhausted = 'step-budget' | 'time-budget' | 'cache-budget';

/** The outcome of searching one key; operation numbers are positions in `partition.operations`. */
export type SearchOutcome =
  | { status: 'linearizable'; steps: number; linearization: number[] }
  | { status: 'not-linearizable'; steps: number; longestPrefix: number[] }
  | { status: 'unknown'; steps: number; reason: BudgetExhausted; longestPrefix: number[] };

/** How often (in steps) the search reads the clock. */
const clockCheckIntervalSteps = 4096;

/** The entry list as parallel arrays; node `2n` is the head sentinel, `2n+1` the tail. */
interface EntryList {
  next: Int32Array;
  prev: Int32Array;
  /** Operation position of each entry. */
  operationOf: Int32Array;
  isCall: Uint8Array;
  /** For a call entry: its return entry, or -1 for an unknown outcome. */
  returnOf: Int32Array;
  head: number;
  tail: number;
}

function buildEntryList(partition: KeyPartition): EntryList {
  const operations = partition.operations;
  const n = operations.length;
  const entries: { time: number; isCall: boolean; operation: number }[] = [];
  operations.forEach((operation, position) => {
    entries.push({ time: operation.call, isCall: true, operation: position });
    if (!operation.pending) entries.push({ time: operation.return, isCall: false, operation: position });
  });
  // At equal times calls sort first: operations that touch at an instant
  // count as concurrent, the lenient reading of coarse clocks.
  entries.sort((a, b) => a.time - b.time || Number(b.isCall) - Number(a.isCall) || a.operation - b.operation);
  const size = 2 * n + 2;
  const list: EntryList = {
    next: new Int32Array(size), prev: new Int32Array(size), operationOf: new Int32Array(size),
    isCall: new Uint8Array(size), returnOf: new Int32Array(size).fill(-1), head: 2 * n, tail: 2 * n + 1,
  };
  const callNode = new Int32Array(n);
  let previous = list.head;
  entries.forEach((entry, node) => {
    list.operationOf[node] = entry.operation;
    list.isCall[node] = entry.isCall ? 1 : 0;
    if (entry.isCall) callNode[entry.operation] = node;
    else list.returnOf[callNode[entry.operation]!] = node;
    list.next[previous] = node;
    list.prev[node] = previous;
    previous = node;
  });
  list.next[previous] = list.tail;
  list.prev[list.tail] = previous;
  return list;
}

function unlink(list: EntryList, node: number): void {
  list.next[list.prev[node]!] = list.next[node]!;
  list.prev[list.next[node]!] = list.prev[node]!;
}

function relink(list: EntryList, node: number): void {
  list.next[list.prev[node]!] = node;
  list.prev[list.next[node]!] = node;
}

/** Removes an operation's call (and return) entries; undone by {@link unlift} in LIFO order. */
function lift(list: EntryList, callNode: number): void {
  unlink(list, callNode);
  const returnNode = list.returnOf[callNode]!;
  if (returnNode >= 0) unlink(list, returnNode);
}

function unlift(list: EntryList, callNode: number): void {
  const returnNode = list.returnOf[callNode]!;
  if (returnNode >= 0) relink(list, returnNode);
  relink(list, callNode);
}

/** Searches one key for a linearization, within `budget`. */
export function searchPartition(partition: KeyPartition, budget: SearchBudget): SearchOutcome {
  const operations = partition.operations;
  const completedCount = operations.filter((operation) => !operation.pending).length;
  const list = buildEntryList(partition);
  const linearized = new HashedBitset(operations.length);
  const cache = new VisitedCache();
  const stackCallNodes: number[] = [];
  const stackStates: number[] = [];
  let completedLinearized = 0;
  // The longest prefix is copied lazily, at the first undo after the stack
  // reached a new depth, so a search that never backtracks copies nothing.
  let longestPrefix: number[] = [];
  let longestDepth = 0;
  let longestIsStack = false;
  let state = partition.initialValueId;
  let node = list.next[list.head]!;
  let steps = 0;

  const stackOperations = (): number[] => stackCallNodes.map((callNode) => list.operationOf[callNode]!);
  const longest = (): number[] => (longestIsStack ? stackOperations() : longestPrefix);

  while (completedLinearized < completedCount) {
    steps += 1;
    if (steps > budget.maxSteps) return { status: 'unknown', steps, reason: 'step-budget', longestPrefix: longest() };
    if (steps % clockCheckIntervalSteps === 0 && budget.now() > budget.deadlineMs) {
      return { status: 'unknown', steps, reason: 'time-budget', longestPrefix: longest() };
    }
    // A completed operation is still unplaced, so its return entry lies ahead.
    assert(node !== list.tail, 'scan reached the tail with completed operations unplaced');
    const position = list.operationOf[node]!;
    if (list.isCall[node] === 1) {
      const nextState = stepRegister(state, operations[position]!);
      if (nextState !== illegalStep && cache.addIfAbsent(linearized, position, nextState)) {
        if (cache.size > budget.maxCacheEntries) return { status: 'unknown', steps, reason: 'cache-budget', longestPrefix: longest() };
        stackCallNodes.push(node);
        stackStates.push(state);
        linearized.add(position);
        if (!operations[position]!.pending) completedLinearized += 1;
        state = nextState;
        lift(list, node);
        if (stackCallNodes.length > longestDepth) {
          longestDepth = stackCallNodes.length;
          longestIsStack = true;
        }
        node = list.next[list.head]!;
      } else {
        node = list.next[node]!;
      }
      continue;
    }
    // A return entry: the operation returning here was not placed in time.
    if (longestIsStack) {
      longestPrefix = stackOperations();
      longestIsStack = false;
    }
    const undoneNode = stackCallNodes.pop();
    if (undoneNode === undefined) return { status: 'not-linearizable', steps, longestPrefix };
    state = stackStates.pop()!;
    const undone = list.operationOf[undoneNode]!;
    linearized.delete(undone);
    if (!operations[undone]!.pending) completedLinearized -= 1;
    unlift(list, undoneNode);
    node = list.next[undoneNode]!;
  }
  return { status: 'linearizable', steps, linearization: stackOperations() };
}
