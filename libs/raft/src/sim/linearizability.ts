/**
 * Linearizability of the simulator's key-value history.
 *
 * Registers are checked key by key (linearizability is compositional).
 * Writes have unique values and a known order (their position in the
 * committed log), so each read's place is fixed between the write it
 * observed and the next write to the key. The history is linearizable iff
 *  - writes respect real time: a write that finished before another was
 *    invoked comes first in the log;
 *  - a read does not observe a write invoked after the read finished, nor
 *    miss a write that finished before the read was invoked;
 *  - reads respect real time among themselves (slots never go backwards).
 */
import type { HistoryOp } from './kv.js';

export interface LinViolation {
  message: string;
}

/**
 * @param history all client operations (pending ones have respond = Infinity)
 * @param writeOrder op ids of writes in committed-log order (first occurrence)
 */
export function checkLinearizable(history: readonly HistoryOp[], writeOrder: readonly number[]): LinViolation | undefined {
  const pos = new Map<number, number>();
  writeOrder.forEach((id, i) => pos.set(id, i));
  const byKey = new Map<string, { writes: HistoryOp[]; reads: HistoryOp[] }>();
  const writeById = new Map<number, HistoryOp>();
  for (const op of history) {
    let g = byKey.get(op.key);
    if (!g) byKey.set(op.key, (g = { writes: [], reads: [] }));
    if (op.kind === 'put') {
      writeById.set(op.id, op);
      if (pos.has(op.id)) g.writes.push(op);
      else if (op.respond !== Infinity) return { message: `put ${op.id} completed but is not in the committed log` };
    } else if (op.respond !== Infinity) {
      g.reads.push(op);
    }
  }
  for (const [key, g] of byKey) {
    const ws = g.writes.sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
    const n = ws.length;
    // Writes vs real time: suffix minimum of respond times.
    const sufMinResp = new Array<number>(n + 1).fill(Infinity);
    for (let j = n - 1; j >= 0; j--) sufMinResp[j] = Math.min(ws[j]!.respond, sufMinResp[j + 1]!);
    for (let j = 0; j < n; j++) {
      if (sufMinResp[j + 1]! < ws[j]!.invoke) {
        return { message: `key ${key}: write ${ws[j]!.id} is ordered before a write that finished before it was invoked` };
      }
    }
    // prefix max of invoke times over slots 1..s
    const preMaxInv = new Array<number>(n + 1).fill(-Infinity);
    for (let j = 0; j < n; j++) preMaxInv[j + 1] = Math.max(preMaxInv[j]!, ws[j]!.invoke);
    const slotOfValue = new Map<string, number>();
    ws.forEach((w, j) => slotOfValue.set(w.value!, j + 1));
    const slots: { r: HistoryOp; s: number }[] = [];
    for (const r of g.reads) {
      let s = 0;
      if (r.value !== undefined) {
        const sv = slotOfValue.get(r.value);
        if (sv === undefined) return { message: `key ${key}: read ${r.id} returned ${r.value}, written by no committed write` };
        s = sv;
      }
      if (r.respond < preMaxInv[s]!) return { message: `key ${key}: read ${r.id} observed a write invoked after the read finished` };
      if (sufMinResp[s]! < r.invoke) {
        return { message: `key ${key}: read ${r.id} is stale: returned ${r.value ?? '<none>'} but a later write finished before the read began` };
      }
      slots.push({ r, s });
    }
    // Reads among themselves: sort by respond, prefix max of slot.
    slots.sort((a, b) => a.r.respond - b.r.respond);
    const resp = slots.map((x) => x.r.respond);
    const preMaxSlot: number[] = [];
    let mx = -1;
    for (const x of slots) preMaxSlot.push((mx = Math.max(mx, x.s)));
    for (const x of slots) {
      // reads that responded strictly before x was invoked
      let lo = 0;
      let hi = resp.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (resp[mid]! < x.r.invoke) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && preMaxSlot[lo - 1]! > x.s) {
        return { message: `key ${key}: read ${x.r.id} went back in time (an earlier read saw a newer value)` };
      }
    }
  }
  return undefined;
}
