// Measures the store's hot paths in-process (no gRPC): apply of encoded
// put entries, put of plain commands, single-key range, and prefix range.
// Ends with the memory the store holds after a full collection (run node
// with --expose-gc for it: `node --expose-gc --import tsx scripts/bench-store.ts`).
// Usage: npx tsx scripts/bench-store.ts [keys]
import { KvStore, encodeCommand } from '../src/index.js';

const keys = Number(process.argv[2] ?? 100_000);
const value = Buffer.alloc(256, 7);
const keyOf = (i: number) => Buffer.from(`/bench/${(i * 2654435761) % keys}`.padEnd(24, 'x'));

function time(label: string, ops: number, fn: () => void): void {
  const started = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label.padEnd(40)} ${String(ops).padStart(8)} ops ${ms.toFixed(0).padStart(6)} ms ${Math.round((ops / ms) * 1000).toString().padStart(9)} ops/s`);
}

const store = new KvStore();
let entries: Uint8Array[] | undefined = Array.from({ length: keys }, (_, i) => encodeCommand({ put: { key: keyOf(i), value } }, i + 1));
time('applyEntry(put), new keys', keys, () => {
  for (const e of entries!) store.applyEntry(e);
});
entries = undefined;
time('apply({put}), existing keys', keys, () => {
  for (let i = 0; i < keys; i++) store.apply({ put: { key: keyOf(i), value } });
});
time('range one key', keys, () => {
  for (let i = 0; i < keys; i++) store.range({ key: keyOf(i) });
});
// Counts every key in the range (etcd's count), so this walks ~11% of the keys per call.
time('range prefix limit 10', 100, () => {
  for (let i = 0; i < 100; i++) store.range({ key: Buffer.from('/bench/1'), rangeEnd: Buffer.from('/bench/2'), limit: 10 });
});
// The store alone (the entries above are garbage by now): 2 records per key.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const m = process.memoryUsage();
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const held = `${gc ? 'after a full collection' : 'without --expose-gc, garbage included'}: heap used ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}, resident ${mb(m.rss)}`;
time('snapshot()', 1, () => store.snapshot());
const bytes = store.snapshot();
time('restore()', 1, () => new KvStore().restore(bytes));
console.log(`snapshot ${mb(bytes.length)}, keys ${store.keyCount}, revision ${store.revision}`);
console.log(`the store, ${held}`);
