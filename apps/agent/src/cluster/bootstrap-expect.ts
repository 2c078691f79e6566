/**
 * `--bootstrap-expect N`: identical commands on every host, and exactly one
 * of them starts the cluster. Pure: the answers of one probe round of the
 * seeds (Hello) in, a decision out.
 *
 * The rules, in order:
 * 1. A seed that answers with a cluster id always wins: join it. (A later
 *    restart of any host, with or without its data, never bootstraps.)
 * 2. Wait until N distinct hosts (this one included) answer.
 * 3. Only the lowest host name among them bootstraps, and only once every
 *    other answering host names it as the lowest it has heard of (each
 *    answer carries `lowestSeen`), so two hosts that see different subsets
 *    do not both start a cluster.
 * Everyone else waits: the bootstrapper's next answer carries a cluster id.
 */
import type { HelloAnswer } from './hello.js';

/** What to do after a probe round. */
export type BootstrapDecision =
  | { kind: 'join'; clusterId: string; endpoints: string[]; via: string }
  | { kind: 'bootstrap'; hosts: string[] }
  | { kind: 'wait'; reason: string };

/** One seed's answer in a probe round. */
export interface SeedAnswer {
  seed: string;
  answer: HelloAnswer;
}

/** The input of one decision. */
export interface BootstrapInput {
  hostname: string;
  expect: number;
  /** Answers from the seeds this round (this host's own answer, if its URL is a seed, is ignored). */
  answers: readonly SeedAnswer[];
  /** The cluster this host belongs to, if its data directory says so: answers of other clusters are ignored. */
  clusterId?: string;
}

/** Decides, for one probe round. */
export function decideBootstrap(input: BootstrapInput): BootstrapDecision {
  const others = input.answers.filter((a) => a.answer.hostname !== input.hostname);
  const inCluster = others.filter((a) => a.answer.clusterId !== undefined && (input.clusterId === undefined || a.answer.clusterId === input.clusterId));
  const best = inCluster.find((a) => a.answer.member) ?? inCluster[0];
  if (best) {
    const endpoints = [...new Set([best.seed, ...inCluster.filter((a) => a.answer.member).map((a) => a.seed), ...best.answer.endpoints])];
    return { kind: 'join', clusterId: best.answer.clusterId!, endpoints, via: best.seed };
  }
  if (input.clusterId !== undefined) {
    return { kind: 'wait', reason: `this host belongs to cluster ${input.clusterId}; no seed of it answers yet` };
  }
  const waiting = others.filter((a) => a.answer.clusterId === undefined);
  const hosts = [...new Set([input.hostname, ...waiting.map((a) => a.answer.hostname)])].sort();
  if (hosts.length < input.expect) {
    return { kind: 'wait', reason: `waiting for ${input.expect} hosts to answer, ${hosts.length} do (${hosts.join(', ')})` };
  }
  const lowest = hosts[0]!;
  if (lowest !== input.hostname) return { kind: 'wait', reason: `${lowest} bootstraps the cluster (lowest host name of ${hosts.join(', ')})` };
  const dissent = waiting.filter((a) => a.answer.lowestSeen !== undefined && a.answer.lowestSeen !== input.hostname);
  if (dissent.length > 0) {
    const d = dissent[0]!.answer;
    return { kind: 'wait', reason: `${d.hostname} has heard of ${d.lowestSeen}; waiting until the hosts agree on who bootstraps` };
  }
  return { kind: 'bootstrap', hosts };
}

/**
 * The lowest host name this agent has heard of while waiting: itself, the
 * hosts that answered its last round, and the hosts that said hello to it
 * recently (without a cluster).
 */
export function lowestSeen(hostname: string, heard: Iterable<string>): string {
  let lowest = hostname;
  for (const h of heard) if (h < lowest) lowest = h;
  return lowest;
}
