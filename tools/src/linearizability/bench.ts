/**
 * Times the checker on generated histories:
 * `npx tsx tools/src/linearizability/bench.ts [operations] [clients] [keys]`.
 * Prints one line per scenario: wall and CPU milliseconds (CPU time is the
 * fairer number on a shared machine), the verdict and search steps.
 */
import { checkHistory, generateLinearizableHistory, type GenerateOptions, type Operation } from '@mgmt/testkit/linearizability';

const [operations = 10_000, clients = 5, keys = 8] = process.argv.slice(2).map(Number);

type Corruption = 'none' | 'never-written' | 'stale';

const scenarios: { name: string; options: Omit<GenerateOptions, 'seed' | 'operations' | 'clients' | 'keys'>; corruption: Corruption }[] = [
  { name: 'unique values', options: {}, corruption: 'none' },
  { name: 'unique values, 5% unknown outcomes', options: { unknownProbability: 0.05 }, corruption: 'none' },
  { name: '5 values per key, 5% unknown outcomes', options: { unknownProbability: 0.05, valueDomain: 5 }, corruption: 'none' },
  { name: 'unique values, 5% unknown, one read of a never-written value', options: { unknownProbability: 0.05 }, corruption: 'never-written' },
  { name: '5 values per key, 5% unknown, one read of a never-written value', options: { unknownProbability: 0.05, valueDomain: 5 }, corruption: 'never-written' },
  { name: 'unique values, 5% unknown, one stale read', options: { unknownProbability: 0.05 }, corruption: 'stale' },
];

/** Changes the output of the middle completed read: to a value never written, or to its key's first written value. */
function corrupt(history: Operation[], corruption: Corruption): void {
  if (corruption === 'none') return;
  const reads = history.filter((o) => o.op.kind === 'read' && o.return !== null);
  const victim = reads[Math.floor(reads.length / 2)]!;
  const firstWrite = history.find((o) => o.op.kind === 'write' && o.op.key === victim.op.key && o.return !== null);
  victim.output.value = corruption === 'stale' ? (firstWrite?.op.value ?? null) : 'corrupted';
}

for (const scenario of scenarios) {
  const timesMs: number[] = [];
  const cpuMs: number[] = [];
  let summary = '';
  for (let seed = 1; seed <= 3; seed += 1) {
    const { history } = generateLinearizableHistory({ seed, operations, clients, keys, ...scenario.options });
    corrupt(history, scenario.corruption);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = checkHistory(history);
    timesMs.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    summary = `${result.status}, ${result.stats.steps} steps, ${result.stats.dropped} dropped, ${result.stats.pruned} pruned`;
  }
  const median = (values: number[]): string => ([...values].sort((a, b) => a - b)[1] ?? 0).toFixed(0);
  console.log(`${operations} ops, ${clients} clients, ${keys} keys, ${scenario.name}: median ${median(timesMs)} ms wall, ${median(cpuMs)} ms CPU; last run: ${summary}`);
}
