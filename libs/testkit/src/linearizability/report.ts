/** The full text report of a check, as the CLI prints it and the chaos runner saves it. */
import type { CheckResult } from './check.js';
import type { History } from './history.js';
import { renderHistory } from './render.js';

function formatStats(result: CheckResult): string {
  const { operations, dropped, pruned, keys, steps, elapsedMs } = result.stats;
  return `${operations} operations (${dropped} dropped, ${pruned} pruned), ${keys} keys, ${steps} search steps, ${elapsedMs.toFixed(0)} ms`;
}

/** Formats `result` for a person: the verdict, the explanation and a timeline of each failing key. */
export function formatReport(history: History, result: CheckResult): string {
  switch (result.status) {
    case 'linearizable':
      return `LINEARIZABLE: ${formatStats(result)}`;
    case 'unknown':
      return `UNKNOWN (${result.reason} exhausted; undecided keys: ${result.undecidedKeys.map((key) => JSON.stringify(key)).join(', ')}): ${formatStats(result)}`;
    case 'not-linearizable':
      return [
        `NOT LINEARIZABLE: ${result.anomalies.length} key(s) (${result.anomalies.map(({ key }) => JSON.stringify(key)).join(', ')}); ${formatStats(result)}`,
        ...result.anomalies.flatMap((anomaly) => ['', anomaly.explanation, '', renderHistory(history, anomaly.key, { anomaly })]),
      ].join('\n');
  }
}
