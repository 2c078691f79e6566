/**
 * The Wing and Gong linearizability search with Lowe's memoization, on one
 * key (see README.md).
 *
 * Completed operations' call and return entries form a time-sorted list.
 * Scanning from the head, each call entry before the first return entry
 * belongs to an operation that may take effect next; if the model accepts it
 * and the resulting configuration is new, the search lifts its entries out
 * and starts again from the head. Meeting a return entry means the operation
 * returning there must be placed before anything later: the search then
 * tries the unknown-outcome operations called by that time, and when none
 * helps it undoes its last choice and tries the next one after it.
 *
 * Unknown-outcome operations (return at +infinity) have no return entry:
 * they never block, need not be placed (the search succeeds once every
 * completed operation is), and are tried only after the completed candidates,
 * so that dominance in the memo (see visited-cache.ts) prunes the most.
 */
import { HashedBitset } from './bitset.js';
import { completedEntries, pendingEntries, relink, unlink } from './entry-list.js';
import { assert } from './errors.js';
import type { KeyPartition, PreparedOperation } from './partition.js';
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

/** One choice on the search stack. */
interface Frame {
  position: number;
  stateBefore: number;
  /** For an unknown-outcome operation: the time of the return entry that bounded its scan. */
  boundaryTime: number;
  /** Placed without alternatives (see {@link isStatePreserving}): undoing it undoes its parent too. */
  forced: boolean;
}

/**
 * Whether the operation leaves the state unchanged wherever it is legal (a
 * read, a cas whose comparison failed). Such an operation, once legal and
 * callable, can be placed at once without losing any linearization: moving
 * it earlier changes no state another operation sees, and it cannot cross
 * a later operation's real-time bound. So the search never branches on it.
 */
function isStatePreserving(operation: PreparedOperation): boolean {
  return operation.kind === 'read' || (operation.kind === 'cas' && operation.casSwapped === false);
}

/**
 * For each unknown-outcome operation (by side-list node), the next one in
 * call order with the same effect, or -1. Of several same-effect operations
 * callable at once, only the latest-called need be tried: an exchange
 * argument swaps it with any earlier one a linearization used here, keeping
 * the more flexible earlier one for later. Also numbers the effect classes,
 * for the memo's per-class counts (see visited-cache.ts).
 */
function sameEffectSuccessors(pending: readonly PreparedOperation[]): { successor: Int32Array; classOf: Int32Array } {
  const successor = new Int32Array(pending.length).fill(-1);
  const classOf = new Int32Array(pending.length);
  const lastOfEffect = new Map<string, { node: number; classIndex: number }>();
  const byCall = pending.map((_, node) => node).sort((a, b) => pending[a]!.call - pending[b]!.call || a - b);
  for (const node of byCall) {
    const { kind, expectedId, valueId } = pending[node]!;
    const effect = `${kind}/${expectedId}/${valueId}`;
    const previous = lastOfEffect.get(effect);
    if (previous !== undefined) successor[previous.node] = node;
    const classIndex = previous?.classIndex ?? lastOfEffect.size;
    classOf[node] = classIndex;
    lastOfEffect.set(effect, { node, classIndex });
  }
  return { successor, classOf };
}

/**
 * For each completed write or successful cas, the previous one with the same
 * effect in (return, position) order, or -1. Of several such operations
 * callable at once, only the earliest-returning need be tried: a
 * linearization placing another one here can swap the two, because the
 * later-returning one fits wherever the earlier one was placed.
 */
function sameEffectPredecessors(completed: readonly PreparedOperation[]): Int32Array {
  const predecessor = new Int32Array(completed.length).fill(-1);
  const lastOfEffect = new Map<string, number>();
  const byReturn = completed.map((_, position) => position).sort((a, b) => completed[a]!.return - completed[b]!.return || a - b);
  for (const position of byReturn) {
    const { kind, expectedId, valueId, casSwapped } = completed[position]!;
    if (kind === 'read' || casSwapped === false) continue;
    const effect = `${kind}/${expectedId}/${valueId}`;
    const previous = lastOfEffect.get(effect);
    if (previous !== undefined) predecessor[position] = previous;
    lastOfEffect.set(effect, position);
  }
  return predecessor;
}

/** Searches one key for a linearization, within `budget`. */
export function searchPartition(partition: KeyPartition, budget: SearchBudget): SearchOutcome {
  const operations = partition.operations;
  const firstPending = operations.findIndex((operation) => operation.pending);
  const completedCount = firstPending === -1 ? operations.length : firstPending;
  assert(operations.slice(completedCount).every((o) => o.pending), 'completed operations must come first');
  const completed = operations.slice(0, completedCount);
  const pending = operations.slice(completedCount);
  const main = completedEntries(completed.map((o) => o.call), completed.map((o) => o.return));
  const side = pendingEntries(pending.map((o) => o.call));
  const { successor: sameEffectNext, classOf } = sameEffectSuccessors(pending);
  const sameEffectPrevious = sameEffectPredecessors(completed);
  const placedCompleted = new HashedBitset(completed.length);
  // Completed operations are numbered by return time (see partition.ts), so
  // the first unplaced one is also the one whose return entry comes first.
  let firstUnplaced = 0;
  const placedPending = new HashedBitset(pending.length);
  const cache = new VisitedCache();
  const stack: Frame[] = [];
  // The longest prefix (by completed operations placed) is copied lazily, at
  // the first undo after a new maximum, and only from the lowest stack depth
  // touched since the last copy, so copying costs O(steps) in all.
  const longestPrefix: number[] = [];
  let longestCompleted = 0;
  let longestDepth = 0;
  let longestIsOnStack = false;
  let stackUnchangedBelow = 0;
  let state = partition.initialValueId;
  let steps = 0;
  // The scan: state-preserving completed operations first (placed without
  // branching), then the other completed ones, then unknown-outcome ones.
  let pass: 'preserving' | 'changing' | 'pending' = 'preserving';
  let node = main.next[main.head]!;
  let boundaryTime = -Infinity;
  let mustUndo = false;
  // Values an unknown-outcome operation must set to enable something
  // callable now (see isUseful), marked with the current generation.
  const usefulMark = new Int32Array(partition.values.length);
  let usefulGeneration = 0;
  let windowHasFailedCas = false;
  const pendingCasExpected = new Set(pending.filter((o) => o.kind === 'cas').map((o) => o.expectedId));

  const longest = (): number[] => {
    if (longestIsOnStack) {
      for (let depth = stackUnchangedBelow; depth < longestDepth; depth += 1) longestPrefix[depth] = stack[depth]!.position;
      longestPrefix.length = longestDepth;
      stackUnchangedBelow = longestDepth;
      longestIsOnStack = false;
    }
    return longestPrefix;
  };

  /**
   * Whether the last operation placed has an unknown outcome. Nothing then
   * overwrites it at once: a linearization doing that stays valid without
   * it, and an unknown-outcome operation need not take effect.
   */
  const isTopPending = (): boolean => stack.length > 0 && stack[stack.length - 1]!.position >= completedCount;

  /** Places the operation if legal and new; a legal state-preserving one that is not new dooms this configuration. */
  const tryPlace = (position: number): 'placed' | 'skipped' | 'doomed' => {
    const operation = operations[position]!;
    const nextState = stepRegister(state, operation);
    if (nextState === illegalStep) return 'skipped';
    const isPending = position >= completedCount;
    if (isPending && nextState === state) return 'skipped'; // an optional no-op is never needed
    if (operation.kind === 'write' && isTopPending()) return 'skipped';
    const extraCompleted = isPending ? -1 : position;
    const extraPending = isPending ? position - completedCount : -1;
    const forced = isStatePreserving(operation);
    const extraClass = isPending ? classOf[extraPending]! : -1;
    const nextFirstUnplaced = position === firstUnplaced ? placedCompleted.firstAbsentFrom(position + 1) : firstUnplaced;
    const pendingClasses = placedPending.membersAfter(-1).map((sideNode) => classOf[sideNode]!);
    if (extraClass >= 0) pendingClasses.push(extraClass);
    pendingClasses.sort((a, b) => a - b);
    if (!cache.visitIfNew(placedCompleted, extraCompleted, nextFirstUnplaced, pendingClasses, nextState)) return forced ? 'doomed' : 'skipped';
    stack.push({ position, stateBefore: state, boundaryTime, forced });
    if (isPending) {
      placedPending.add(extraPending);
      unlink(side, extraPending);
    } else {
      placedCompleted.add(position);
      firstUnplaced = nextFirstUnplaced;
      unlink(main, 2 * position);
      unlink(main, 2 * position + 1);
      if (placedCompleted.count > longestCompleted) {
        longestCompleted = placedCompleted.count;
        longestDepth = stack.length;
        longestIsOnStack = true;
      }
    }
    state = nextState;
    pass = 'preserving';
    node = main.next[main.head]!;
    return 'placed';
  };

  /** Whether an earlier-returning completed operation with the same effect is also callable now. */
  const hasEarlierTwin = (position: number): boolean => {
    let twin = sameEffectPrevious[position]!;
    if (twin === -1) return false;
    const callableUntil = completed[firstUnplaced]!.return;
    // Unplaced operations all return at or after callableUntil.
    for (; twin !== -1 && completed[twin]!.return >= callableUntil; twin = sameEffectPrevious[twin]!) {
      if (!placedCompleted.has(twin) && completed[twin]!.call <= callableUntil) return true;
    }
    return false;
  };

  /**
   * Notes what the callable completed operations need, on entering the pass
   * over unknown-outcome ones. Right after one of those is placed, the next
   * operation cannot be a write (see isTopPending), nor a read or failed cas
   * already legal (those were placed first), so it must be a read of its
   * value, a cas expecting its value, or a failed cas expecting the current
   * state.
   */
  const noteWindowNeeds = (): void => {
    usefulGeneration += 1;
    windowHasFailedCas = false;
    for (let entry = main.next[main.head]!; (entry & 1) === 0; entry = main.next[entry]!) {
      const operation = completed[entry >>> 1]!;
      if (operation.kind === 'read') usefulMark[operation.valueId] = usefulGeneration;
      else if (operation.kind === 'cas' && operation.casSwapped === false) windowHasFailedCas = true;
      else if (operation.kind === 'cas') usefulMark[operation.expectedId] = usefulGeneration;
    }
  };

  /** Whether placing this unknown-outcome operation could enable the next one. */
  const isUseful = (operation: PreparedOperation): boolean =>
    windowHasFailedCas || usefulMark[operation.valueId] === usefulGeneration || pendingCasExpected.has(operation.valueId);

  /** Whether a later-called unknown-outcome operation with the same effect is also callable now. */
  const hasCallableTwin = (sideNode: number): boolean => {
    for (let twin = sameEffectNext[sideNode]!; twin !== -1 && pending[twin]!.call <= boundaryTime; twin = sameEffectNext[twin]!) {
      if (!placedPending.has(twin)) return true;
    }
    return false;
  };

  while (placedCompleted.count < completedCount) {
    steps += 1;
    if (steps > budget.maxSteps) return { status: 'unknown', steps, reason: 'step-budget', longestPrefix: [...longest()] };
    if (steps % clockCheckIntervalSteps === 0 && budget.now() > budget.deadlineMs) {
      return { status: 'unknown', steps, reason: 'time-budget', longestPrefix: [...longest()] };
    }
    if (cache.size > budget.maxCacheEntries) return { status: 'unknown', steps, reason: 'cache-budget', longestPrefix: [...longest()] };
    if (mustUndo) {
      // Nothing can go next: undo the last choice and try the one after it.
      longest();
      const frame = stack.pop();
      if (frame === undefined) return { status: 'not-linearizable', steps, longestPrefix };
      stackUnchangedBelow = Math.min(stackUnchangedBelow, stack.length);
      state = frame.stateBefore;
      mustUndo = frame.forced;
      if (frame.position >= completedCount) {
        const sideNode = frame.position - completedCount;
        placedPending.delete(sideNode);
        relink(side, sideNode);
        pass = 'pending';
        boundaryTime = frame.boundaryTime;
        noteWindowNeeds();
        node = side.next[sideNode]!;
      } else {
        placedCompleted.delete(frame.position);
        firstUnplaced = Math.min(firstUnplaced, frame.position);
        relink(main, 2 * frame.position + 1);
        relink(main, 2 * frame.position);
        pass = 'changing';
        node = main.next[2 * frame.position]!;
      }
      continue;
    }
    if (pass !== 'pending') {
      // A completed operation is still unplaced, so its return entry lies ahead.
      assert(node !== main.tail, 'scan reached the tail with completed operations unplaced');
      if ((node & 1) === 1) {
        // The first return entry: the end of what may go next in this pass.
        assert(node >>> 1 === firstUnplaced, 'the first return entry must be the first unplaced operation');
        if (pass === 'preserving') {
          pass = 'changing';
          node = main.next[main.head]!;
        } else {
          pass = 'pending';
          boundaryTime = completed[node >>> 1]!.return;
          noteWindowNeeds();
          node = side.next[side.head]!;
        }
        continue;
      }
      const position = node >>> 1;
      const preserving = isStatePreserving(completed[position]!);
      const outcome = preserving !== (pass === 'preserving') || hasEarlierTwin(position) ? 'skipped' : tryPlace(position);
      if (outcome === 'skipped') node = main.next[node]!;
      if (outcome === 'doomed') mustUndo = true;
      continue;
    }
    if (node !== side.tail && pending[node]!.call <= boundaryTime) {
      const skip = !isUseful(pending[node]!) || hasCallableTwin(node);
      if (skip || tryPlace(completedCount + node) !== 'placed') node = side.next[node]!;
      continue;
    }
    mustUndo = true;
  }
  return { status: 'linearizable', steps, linearization: stack.map((frame) => frame.position) };
}
