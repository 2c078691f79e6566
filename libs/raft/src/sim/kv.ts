/**
 * A small key-value state machine for the simulator, and the client-visible
 * history used by the linearizability checker.
 *
 * Every write carries a unique op id; its value is "v<op id>", so a read's
 * value names the write it observed. Applying deduplicates by op id (a
 * retried or duplicated proposal takes effect once).
 */
const enc = new TextEncoder();
const dec = new TextDecoder();

export interface KvOp {
  id: number;
  key: string;
  value: string;
}

export function encodeOp(op: KvOp): Uint8Array {
  return enc.encode(`${op.id}|${op.key}|${op.value}`);
}

export function decodeOp(data: Uint8Array): KvOp | undefined {
  if (data.byteLength === 0) return undefined;
  const s = dec.decode(data);
  const a = s.indexOf('|');
  const b = s.indexOf('|', a + 1);
  if (a < 0 || b < 0) return undefined;
  return { id: Number(s.slice(0, a)), key: s.slice(a + 1, b), value: s.slice(b + 1) };
}

export class KvStore {
  readonly data = new Map<string, string>();
  readonly applied = new Set<number>();

  /** Applies a write; returns false if this op id was applied before. */
  apply(op: KvOp): boolean {
    if (this.applied.has(op.id)) return false;
    this.applied.add(op.id);
    this.data.set(op.key, op.value);
    return true;
  }

  get(key: string): string | undefined {
    return this.data.get(key);
  }

  snapshot(): Uint8Array {
    return enc.encode(JSON.stringify({ d: [...this.data], a: [...this.applied] }));
  }

  static restore(bytes: Uint8Array): KvStore {
    const kv = new KvStore();
    if (bytes.byteLength === 0) return kv;
    const o = JSON.parse(dec.decode(bytes)) as { d: [string, string][]; a: number[] };
    for (const [k, v] of o.d) kv.data.set(k, v);
    for (const id of o.a) kv.applied.add(id);
    return kv;
  }
}

/** One client operation in the history. respond is Infinity while it has not completed. */
export interface HistoryOp {
  kind: 'put' | 'get';
  id: number;
  key: string;
  /** put: the value written; get: the value read (undefined = key absent). */
  value: string | undefined;
  invoke: number;
  respond: number;
}
