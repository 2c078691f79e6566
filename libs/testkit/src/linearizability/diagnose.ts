/**
 * Simple, independent proofs that a key's history is not linearizable: a
 * read of a value nobody wrote, a stale read, more swaps from a value than
 * times it was written. The checker uses them to name an anomaly in terms a
 * person recognizes, and to decide a key quickly when the search would be
 * costly. Each is sound on its own (see the comments), and the tests check
 * them against a brute-force reference.
 */
import type { AnomalyKind, IndexedOperation } from './anomaly.js';
import { describeOperation, formatValue } from './describe.js';
import type { RegisterValue } from './history.js';

/** A named anomaly with the sentence that proves it and the operations it cites. */
export interface Diagnosis {
  kind: Exclude<AnomalyKind, 'no-linearization'>;
  sentence: string;
  involved: IndexedOperation[];
}

/** Whether the operation may have set the key to its new value (a write, or a cas that swapped or may have). */
function mayInstall({ operation }: IndexedOperation): boolean {
  const { op, output } = operation;
  if (op.kind === 'write') return true;
  return op.kind === 'cas' && (operation.return === null || output.ok !== false);
}

/** Whether the operation surely set the key within its interval (a completed write or swap). */
function surelyInstalls({ operation }: IndexedOperation): boolean {
  return operation.return !== null && mayInstall({ index: -1, operation });
}

function isSwap({ operation }: IndexedOperation): boolean {
  const { op, output } = operation;
  return op.kind === 'cas' && operation.return !== null && output.ok !== false && (op.expected ?? null) !== (op.value ?? null);
}

/** One key's operations indexed for the proofs; built once per key. */
export class KeyFacts {
  private readonly installersByValue = new Map<RegisterValue, IndexedOperation[]>();
  private readonly swapsByExpected = new Map<RegisterValue, IndexedOperation[]>();
  /** Completed writes and swaps, by return time. */
  private readonly setters: IndexedOperation[];

  /** `operations`: the key's operations that survived the drop rule. */
  constructor(readonly operations: readonly IndexedOperation[], readonly initial: RegisterValue) {
    for (const entry of operations) {
      if (mayInstall(entry)) pushTo(this.installersByValue, entry.operation.op.value ?? null, entry);
      if (isSwap(entry)) pushTo(this.swapsByExpected, entry.operation.op.expected ?? null, entry);
    }
    this.setters = operations.filter(surelyInstalls).sort((a, b) => (a.operation.return as number) - (b.operation.return as number));
  }

  installersOf(value: RegisterValue): readonly IndexedOperation[] {
    return this.installersByValue.get(value) ?? [];
  }

  swapsFrom(value: RegisterValue): readonly IndexedOperation[] {
    return this.swapsByExpected.get(value) ?? [];
  }

  /**
   * A completed write or swap of a value other than `value` that was called
   * after `after` and returned before `before`: it surely overwrote,
   * between those times, whatever was there.
   */
  overwriteBetween(value: RegisterValue, after: number, before: number): IndexedOperation | undefined {
    let low = 0;
    let high = this.setters.length;
    while (low < high) {
      // First setter returning after `after` (one called later returns later).
      const middle = (low + high) >>> 1;
      if ((this.setters[middle]!.operation.return as number) > after) high = middle;
      else low = middle + 1;
    }
    for (let i = low; i < this.setters.length && (this.setters[i]!.operation.return as number) < before; i += 1) {
      const setter = this.setters[i]!;
      if (setter.operation.call > after && (setter.operation.op.value ?? null) !== value) return setter;
    }
    return undefined;
  }
}

function pushTo(map: Map<RegisterValue, IndexedOperation[]>, key: RegisterValue, entry: IndexedOperation): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

/** A read returned a value that is not the initial one and that no operation may have written. */
function readOfUnwrittenValue(read: IndexedOperation, facts: KeyFacts): Diagnosis | undefined {
  const seen = read.operation.output.value ?? null;
  if (seen === facts.initial || facts.installersOf(seen).length > 0) return undefined;
  return {
    kind: 'read-of-unwritten-value',
    sentence: `${describeOperation(read.index, read.operation)} returned ${formatValue(seen)}, but no operation ever wrote ${formatValue(seen)} to this key (its initial value is ${formatValue(facts.initial)}).`,
    involved: [read],
  };
}

/**
 * Every way the read's value could have got there (the initial value, each
 * operation that may have written it) was surely overwritten, by an
 * operation that started after it finished and finished before the read
 * began. In any linearization, the last installer before the read is then
 * followed by its overwrite before the read, so the read cannot see it.
 */
function staleRead(read: IndexedOperation, facts: KeyFacts): Diagnosis | undefined {
  const seen = read.operation.output.value ?? null;
  const readCall = read.operation.call;
  const involved: IndexedOperation[] = [read];
  if (seen === facts.initial) {
    const overwrite = facts.overwriteBetween(seen, -Infinity, readCall);
    if (overwrite === undefined) return undefined;
    involved.push(overwrite);
  }
  for (const installer of facts.installersOf(seen)) {
    if (installer.operation.return === null) return undefined;
    const overwrite = facts.overwriteBetween(seen, installer.operation.return, readCall);
    if (overwrite === undefined) return undefined;
    involved.push(installer, overwrite);
  }
  if (involved.length === 1) return undefined;
  const last = involved[involved.length - 1]!;
  return {
    kind: 'stale-read',
    sentence: `${describeOperation(read.index, read.operation)} returned ${formatValue(seen)}, but ${formatValue(seen)} had already been overwritten before the read began: e.g. ${describeOperation(last.index, last.operation)} completed at ${String(last.operation.return)}, before the read's call at ${readCall}.`,
    involved,
  };
}

/**
 * More compare-and-sets swapped away from a value than times the value was
 * put in the key: each swap leaves another value, so each needs its own
 * installation (or the initial value) before it.
 */
function duplicateCas(cas: IndexedOperation, facts: KeyFacts): Diagnosis | undefined {
  const from = cas.operation.op.expected ?? null;
  const swaps = facts.swapsFrom(from);
  const installs = facts.installersOf(from);
  const installCount = installs.length + (facts.initial === from ? 1 : 0);
  if (swaps.length <= installCount) return undefined;
  return {
    kind: 'duplicate-cas',
    sentence: `${swaps.length} compare-and-sets swapped from ${formatValue(from)} (${swaps.map((s) => `#${s.index}`).join(', ')}), but ${formatValue(from)} was put in the key only ${installCount} time(s); each swap needs its own.`,
    involved: [...swaps, ...installs],
  };
}

/** A proof about one operation, if one of the simple ones applies to it. */
export function diagnoseOperation(subject: IndexedOperation, facts: KeyFacts): Diagnosis | undefined {
  if (subject.operation.return === null) return undefined;
  if (subject.operation.op.kind === 'read') return readOfUnwrittenValue(subject, facts) ?? staleRead(subject, facts);
  if (isSwap(subject)) return duplicateCas(subject, facts);
  return undefined;
}

/** The first simple proof about any operation of the key, in order of return time. */
export function findProof(facts: KeyFacts): Diagnosis | undefined {
  const completed = facts.operations.filter(({ operation }) => operation.return !== null);
  completed.sort((a, b) => (a.operation.return as number) - (b.operation.return as number) || a.index - b.index);
  for (const subject of completed) {
    const found = diagnoseOperation(subject, facts);
    if (found !== undefined) return found;
  }
  return undefined;
}
