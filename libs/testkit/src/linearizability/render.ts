/**
 * A plain-text timeline of one key's operations, for saved chaos reports:
 * one line per operation, a bar from call to return, marks for the
 * operations an anomaly involves and their place in the partial linearization.
 */
import type { KeyAnomaly } from './anomaly.js';
import { describeAction } from './describe.js';
import type { History, Operation } from './history.js';
import { isDropped } from './partition.js';

/** Options of {@link renderHistory}. */
export interface RenderOptions {
  /** Width of the timeline in characters (default 60). */
  widthColumns?: number;
  /** Marks the operations this anomaly involves and numbers its partial linearization. */
  anomaly?: KeyAnomaly;
  /**
   * At most this many operations are drawn (default 40). With an anomaly,
   * those overlapping the involved operations' time window are kept first.
   */
  maxOperations?: number;
}

interface Row {
  index: number;
  operation: Operation;
}

function chooseRows(rows: Row[], anomaly: KeyAnomaly | undefined, maxOperations: number): Row[] {
  if (rows.length <= maxOperations || anomaly === undefined) return rows.slice(0, maxOperations);
  const involved = anomaly.operationsInvolved.map(({ operation }) => operation);
  const from = Math.min(...involved.map((o) => o.call));
  const to = Math.max(...involved.map((o) => o.return ?? o.call));
  const overlapping = rows.filter(({ operation }) => operation.call <= to && (operation.return ?? Infinity) >= from);
  const involvedIndexes = new Set(anomaly.operationsInvolved.map(({ index }) => index));
  const marked = overlapping.filter(({ index }) => involvedIndexes.has(index));
  const others = overlapping.filter(({ index }) => !involvedIndexes.has(index)).slice(0, Math.max(0, maxOperations - marked.length));
  const kept = new Set([...marked, ...others].map(({ index }) => index));
  return rows.filter(({ index }) => kept.has(index));
}

function drawBar(operation: Operation, startTime: number, endTime: number, width: number): string {
  const column = (time: number): number => (endTime === startTime ? 0 : Math.round(((time - startTime) / (endTime - startTime)) * (width - 1)));
  const cells = new Array<string>(width).fill(' ');
  const from = column(operation.call);
  if (operation.return === null) {
    for (let c = from; c < width; c += 1) cells[c] = '-';
    cells[from] = '[';
    cells[width - 1] = '>';
  } else {
    const to = column(operation.return);
    for (let c = from; c <= to; c += 1) cells[c] = isDropped(operation) ? 'x' : '=';
    cells[from] = from === to ? '|' : '[';
    if (to > from) cells[to] = ']';
  }
  return cells.join('');
}

function outcomeNote(operation: Operation): string {
  if (operation.output.error !== undefined) return `  (dropped: failed, ${operation.output.error})`;
  if (isDropped(operation)) return operation.return === null ? '  (dropped: outcome unknown)' : '  (dropped: failed)';
  return operation.return === null ? '  (outcome unknown)' : '';
}

/** Renders the operations of `key` in `history` as a text timeline, sorted by call time. */
export function renderHistory(history: History, key: string, options: RenderOptions = {}): string {
  const width = Math.max(10, options.widthColumns ?? 60);
  const anomaly = options.anomaly;
  const allRows = history
    .map((operation, index) => ({ index, operation }))
    .filter(({ operation }) => operation.op.key === key)
    .sort((a, b) => a.operation.call - b.operation.call || a.index - b.index);
  const rows = chooseRows(allRows, anomaly, options.maxOperations ?? 40);
  if (rows.length === 0) return `Key ${JSON.stringify(key)}: no operations.`;
  const times = rows.flatMap(({ operation }) => (operation.return === null ? [operation.call] : [operation.call, operation.return]));
  const startTime = Math.min(...times);
  const endTime = Math.max(...times);
  const involved = new Set(anomaly?.operationsInvolved.map(({ index }) => index) ?? []);
  const order = new Map(anomaly?.linearizedPrefix.map(({ index }, position) => [index, position + 1]) ?? []);
  const indexWidth = Math.max(1, ...rows.map(({ index }) => String(index).length)) + 1;
  const clientWidth = Math.max(6, ...rows.map(({ operation }) => String(operation.client).length));
  const header = [
    `Key ${JSON.stringify(key)}: ${allRows.length} operations, time ${startTime} .. ${endTime}` +
      (rows.length < allRows.length ? ` (${rows.length} shown, ${allRows.length - rows.length} omitted)` : ''),
    ...(anomaly ? ['  * = involved in the anomaly, n. = place in the longest partial linearization'] : []),
    `  ${'#'.padEnd(indexWidth)} ${'client'.padEnd(clientWidth)} |${'time ->'.padEnd(width)}|`,
  ];
  const lines = rows.map(({ index, operation }) => {
    const mark = involved.has(index) ? '*' : ' ';
    const place = order.has(index) ? `${order.get(index)}. ` : '';
    const bar = drawBar(operation, startTime, endTime, width);
    return `${mark} ${`#${index}`.padStart(indexWidth)} ${String(operation.client).padEnd(clientWidth)} |${bar}| ${place}${describeAction(operation)}${outcomeNote(operation)}`;
  });
  return [...header, ...lines].join('\n');
}
