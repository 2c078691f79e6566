/**
 * Times the checker on generated histories:
 * `npx tsx tools/src/linearizability/bench.ts [operations] [clients] [keys]`.
 * Prints one line per scenario: the verdict, search steps and milliseconds.
 */
import { checkHistory } from './check.js';
import { generateLinearizableHistory } from './generate.js';
import type { GenerateOptions } from './generate.js';

const [operations = 10_000, clients = 5, keys = 8] = process.argv.slice(2).map(Number);

const scenarios: { name: string; options: Omit<GenerateOptions, 'seed' | 'operations' | 'clients' | 'keys'>; corruptRead: boolean }[] = [
  { name: 'unique values', options: {}, corruptRead: false },
  { name: 'unique values, 5% unknown outcomes', options: { unknownProbability: 0.05 }, corruptRead: false },
  { name: '5 values per key, 5% unknown outcomes', options: { unknownProbability: 0.05, valueDomain: 5 }, corruptRead: false },
  { name: 'unique values, 5% unknown, one corrupted read', options: { unknownProbability: 0.05 }, corruptRead: true },
  { name: '5 values per key, 5% unknown, one corrupted read', options: { unknownProbability: 0.05, valueDomain: 5 }, corruptRead: true },
];

for (const scenario of scenarios) {
  const timesMs: number[] = [];
  let summary = '';
  for (let seed = 1; seed <= 3; seed += 1) {
    const { history } = generateLinearizableHistory({ seed, operations, clients, keys, ...scenario.options });
    if (scenario.corruptRead) {
      const reads = history.filter((o) => o.op.kind === 'read' && o.return !== null);
      reads[Math.floor(reads.length / 2)]!.output.value = 'corrupted';
    }
    const started = performance.now();
    const result = checkHistory(history);
    timesMs.push(performance.now() - started);
    summary = `${result.status}, ${result.stats.steps} steps, ${result.stats.dropped} dropped, ${result.stats.pruned} pruned`;
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  console.log(`${operations} ops, ${clients} clients, ${keys} keys, ${scenario.name}: median ${sorted[1]?.toFixed(0)} ms (max ${sorted[2]?.toFixed(0)} ms); last run: ${summary}`);
}
