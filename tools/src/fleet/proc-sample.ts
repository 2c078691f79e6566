/**
 * CPU and memory of a process from /proc, and the request counters of a
 * member from its Prometheus text: sampled before and after a window, the
 * difference gives % of one core and requests per second.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) process `pid` has used, or undefined when it is gone. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The 1-minute load average. */
export function loadAverage(): number {
  try {
    return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/** Requests started, by gRPC method (unary calls and streams), plus stream messages received, from Prometheus text. */
export function requestCounts(metricsText: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of metricsText.split('\n')) {
    const m = /^grpc_server_(started_total|msg_received_total)\{([^}]*)\}\s+([0-9.e+]+)/.exec(line);
    if (!m) continue;
    const method = /grpc_method="([^"]+)"/.exec(m[2]!)?.[1];
    const type = /grpc_type="([^"]+)"/.exec(m[2]!)?.[1] ?? '';
    if (!method) continue;
    // A stream counts its messages (keep-alives, watch creates); a unary call counts once.
    const streaming = type.includes('stream');
    if (streaming !== (m[1] === 'msg_received_total')) continue;
    out.set(method, (out.get(method) ?? 0) + Number(m[3]));
  }
  return out;
}

/** The sum of several members' `requestCounts`. */
export function sumCounts(counts: ReadonlyArray<Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counts) for (const [method, n] of c) out.set(method, (out.get(method) ?? 0) + n);
  return out;
}

/** Per-second rates between two samples of `requestCounts` (per anything else, divided by its count). */
export function ratesPerSecond(before: Map<string, number>, after: Map<string, number>, seconds: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [method, n] of after) {
    const rate = (n - (before.get(method) ?? 0)) / seconds;
    if (rate > 0) out.push([method, rate]);
  }
  return out.sort((a, b) => b[1] - a[1]);
}
