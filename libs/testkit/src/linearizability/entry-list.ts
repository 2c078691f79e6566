/**
 * The doubly linked lists the Wing-Gong search walks: one of call and return
 * entries of completed operations sorted by time, one of call entries of
 * unknown-outcome operations sorted by call time. Entries are lifted out
 * when their operation is placed and put back, in reverse order, when the
 * search undoes that choice (Knuth's dancing links).
 */

/** A list over nodes 0..size-1 plus head and tail sentinels, as parallel arrays. */
export interface LinkedEntries {
  next: Int32Array;
  prev: Int32Array;
  head: number;
  tail: number;
}

/** A list threading `order` (node numbers below `size`) from head to tail. */
export function linkEntries(size: number, order: readonly number[]): LinkedEntries {
  const list: LinkedEntries = { next: new Int32Array(size + 2), prev: new Int32Array(size + 2), head: size, tail: size + 1 };
  let previous = list.head;
  for (const node of order) {
    list.next[previous] = node;
    list.prev[node] = previous;
    previous = node;
  }
  list.next[previous] = list.tail;
  list.prev[list.tail] = previous;
  return list;
}

/** Takes `node` out of the list; it keeps its own links for {@link relink}. */
export function unlink(list: LinkedEntries, node: number): void {
  list.next[list.prev[node]!] = list.next[node]!;
  list.prev[list.next[node]!] = list.prev[node]!;
}

/** Puts `node` back where it was; undo unlinks in reverse order. */
export function relink(list: LinkedEntries, node: number): void {
  list.next[list.prev[node]!] = node;
  list.prev[list.next[node]!] = node;
}

/** The time-sorted entries of completed operations 0..count-1. Node 2i is i's call, 2i+1 its return. */
export function completedEntries(calls: readonly number[], returns: readonly number[]): LinkedEntries {
  const order = calls.flatMap((_, position) => [2 * position, 2 * position + 1]);
  const time = (node: number): number => ((node & 1) === 0 ? calls[node >>> 1]! : returns[node >>> 1]!);
  // At equal times calls sort first: operations that touch at an instant
  // count as concurrent, the lenient reading of coarse clocks.
  order.sort((a, b) => time(a) - time(b) || (a & 1) - (b & 1) || a - b);
  return linkEntries(2 * calls.length, order);
}

/** The call entries of unknown-outcome operations 0..count-1, sorted by call time. */
export function pendingEntries(calls: readonly number[]): LinkedEntries {
  const order = calls.map((_, position) => position).sort((a, b) => calls[a]! - calls[b]! || a - b);
  return linkEntries(calls.length, order);
}
