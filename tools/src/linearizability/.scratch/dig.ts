import { generateLinearizableHistory } from '../generate.js';
import { partitionHistory } from '../partition.js';
import { pruneUnobservablePending } from '../prune.js';
import { searchPartition } from '../search.js';
for (const seed of [1, 2, 3]) {
  const { history } = generateLinearizableHistory({ seed, operations: 10000, clients: 5, keys: 8, unknownProbability: 0.05, valueDomain: 5 });
  const reads = history.filter((o) => o.op.kind === 'read' && o.return !== null);
  const victim = reads[Math.floor(reads.length / 2)]!;
  victim.output.value = 'corrupted';
  const { partitions } = partitionHistory(history);
  const p = pruneUnobservablePending(partitions.find((x) => x.key === victim.op.key)!).partition;
  const pend = p.operations.filter((o) => o.pending);
  const before = p.operations.filter((o) => o.call < victim.call);
  const t = performance.now();
  const out = searchPartition(p, { maxSteps: 1e8, maxCacheEntries: 1e8, deadlineMs: Infinity, now: () => 0 });
  console.log(seed, 'ops', p.operations.length, 'pending', pend.length, 'pendingBeforeVictim', before.filter(o => o.pending).length, 'opsBefore', before.length, out.status, out.steps, Math.round(performance.now() - t), 'ms', 'prefix', out.status !== 'linearizable' ? out.longestPrefix.length : 0);
}
