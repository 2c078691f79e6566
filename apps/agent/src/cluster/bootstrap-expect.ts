/**
 * `--bootstrap-expect N`: identical commands on every host, and exactly one
 * of them starts the cluster. Pure: the answers of one probe round of the
 * seeds (Hello) in, a decision out.
 *
 * The rules, in order:
 * 1. A seed that answers with a cluster id always wins: join it. (A later
 *    restart of any host, with or without its data, never bootstraps.)
 * 2. Only one host may ever bootstrap: the one that answers at the first
 *    seed URL in sorted order (every host has the same seeds, so every host
 *    names the same one, with no messages to race: two hosts can never both
 *    decide to start a cluster). If it is down, the others wait for it.
 * 3. It bootstraps once N distinct hosts (itself included) answer without a
 *    cluster. Everyone else waits: the bootstrapper's next answer carries a
 *    cluster id.
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
  /** Every seed, as given (the same list on every host). */
  seeds: readonly string[];
  /** Answers from the seeds this round, this host's own included when its URL is a seed. */
  answers: readonly SeedAnswer[];
  /** The cluster this host belongs to, if its data directory says so: answers of other clusters are ignored. */
  clusterId?: string;
}

/** The seed whose host may bootstrap: the first in sorted order. */
export function designatedSeed(seeds: readonly string[]): string | undefined {
  return [...seeds].sort()[0];
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
  const waiting = input.answers.filter((a) => a.answer.clusterId === undefined);
  const hosts = [...new Set([input.hostname, ...waiting.map((a) => a.answer.hostname)])].sort();
  if (hosts.length < input.expect) {
    return { kind: 'wait', reason: `waiting for ${input.expect} hosts to answer, ${hosts.length} do (${hosts.join(', ')})` };
  }
  const first = designatedSeed(input.seeds);
  const designated = input.answers.find((a) => a.seed === first)?.answer.hostname;
  if (designated === undefined) return { kind: 'wait', reason: `the host at ${first} starts the cluster; it does not answer yet` };
  if (designated !== input.hostname) return { kind: 'wait', reason: `${designated} (at ${first}) starts the cluster` };
  return { kind: 'bootstrap', hosts };
}
