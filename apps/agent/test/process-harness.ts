/**
 * Real `mgmt run` processes on loopback for the multi-process tests, and the
 * real `etcdctl` to look at them.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { runMgmt, spawnMgmt } from '@mgmt/testkit/node';
import { freePort, waitFor } from './helpers.js';

const run = promisify(execFile);

/** One agent process. */
export interface AgentProc {
  name: string;
  clientUrl: string;
  serverUrl: string;
  endpoint: string;
  dataDir: string;
  args: string[];
  child: ChildProcess;
  logFile: string;
  exit: Promise<number | null>;
}

/** Starts `mgmt run` with the reference's flags plus a data directory. */
export async function startAgent(o: { name: string; dir: string; seeds?: string[]; ideal?: number; serverUrl?: string; extra?: string[] }): Promise<AgentProc> {
  const clientPort = await freePort();
  const serverUrl = o.serverUrl ?? `http://127.0.0.1:${await freePort()}`;
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const dataDir = path.join(o.dir, o.name);
  const args = ['run', '--hostname', o.name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir];
  if (o.seeds?.length) args.push('--seeds', o.seeds.join(','));
  if (o.ideal !== undefined) args.push('--ideal-cluster-size', String(o.ideal));
  if (o.extra) args.push(...o.extra);
  return spawnAgent({ name: o.name, clientUrl, serverUrl, endpoint: `127.0.0.1:${clientPort}`, dataDir, args, logFile: path.join(o.dir, `${o.name}.log`) });
}

/**
 * Starts a cluster of three: `names[0]` with --ideal-cluster-size 3, then
 * the other two with it as their seed (each with `extra(name)`); each is
 * pushed onto `procs` as it starts (for the caller's clean-up); resolves
 * once all three are voters.
 */
export async function startThreeMembers(dir: string, names: readonly [string, string, string], procs: AgentProc[], extra: (name: string) => string[] = () => []): Promise<AgentProc[]> {
  const first = await startAgent({ name: names[0], dir, ideal: 3, extra: extra(names[0]) });
  procs.push(first);
  const cluster = [first];
  await waitFor(`${names[0]} serves`, () => voterNames(first.endpoint).then((v) => v?.length === 1), 60_000);
  for (const name of names.slice(1)) {
    const p = await startAgent({ name, dir, seeds: [first.clientUrl], extra: extra(name) });
    procs.push(p);
    cluster.push(p);
  }
  await waitFor('three voters', () => voterNames(first.endpoint).then((v) => v?.length === 3), 120_000);
  return cluster;
}

/** Starts `mgmt run` with https:// client and server URLs on free ports, a data directory under `dir`, and `args` (e.g. `--token`). */
export async function startHttpsAgent(dir: string, name: string, args: string[]): Promise<AgentProc> {
  const clientUrl = `https://127.0.0.1:${await freePort()}`;
  const serverUrl = `https://127.0.0.1:${await freePort()}`;
  const dataDir = path.join(dir, name);
  return spawnAgent({
    name,
    clientUrl,
    serverUrl,
    endpoint: clientUrl,
    dataDir,
    args: ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir, ...args],
    logFile: path.join(dir, `${name}.log`),
  });
}

/** (Re)starts an agent process with the given arguments (and `env` over the test's environment). */
export function spawnAgent(p: Omit<AgentProc, 'child' | 'exit'>, env: NodeJS.ProcessEnv = {}): AgentProc {
  return { ...p, ...spawnMgmt(p.args, p.logFile, env) };
}

/** etcdctl with TLS arguments (or none), 3 s per command; never throws: the exit code, stdout and stderr. */
export function etcdctlWith(endpoint: string, tlsArgs: string[], ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('etcdctl', ['--endpoints', endpoint, '--command-timeout=3s', '--dial-timeout=2s', ...tlsArgs, ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

/** etcdctl's TLS arguments for the credentials a token agent keeps in its data directory. */
export function dataDirCreds(dataDir: string): string[] {
  const t = path.join(dataDir, 'tls');
  return ['--cacert', path.join(t, 'ca.crt'), '--cert', path.join(t, 'client.crt'), '--key', path.join(t, 'client.key')];
}

/** Runs etcdctl (API v3) against `endpoints`; resolves with stdout. */
export async function etcdctl(endpoints: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('etcdctl', ['--endpoints', endpoints, '--command-timeout=5s', ...args], { env: { ...process.env, ETCDCTL_API: '3' } });
  return stdout;
}

/** Runs etcdctl (API v3) with `input` on its stdin (`put KEY` reads a value too large for the command line from there). */
export function etcdctlWithInput(endpoints: string, input: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('etcdctl', ['--endpoints', endpoints, '--command-timeout=5s', ...args], { env: { ...process.env, ETCDCTL_API: '3' }, maxBuffer: 4 << 20 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    // A child that exits before reading its input makes the write fail (EPIPE): its exit status tells.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}

/** Runs the `mgmt` command; resolves with stdout. */
export const mgmt = runMgmt;

/** Members as `etcdctl member list` shows them: name and whether a learner. */
export async function memberList(endpoints: string): Promise<Array<{ name: string; learner: boolean; clientUrls: string }>> {
  const out = await etcdctl(endpoints, 'member', 'list');
  return out
    .trim()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split(', '))
    .map((f) => ({ name: f[2] ?? '', clientUrls: f[4] ?? '', learner: f[5] === 'true' }));
}

/** Voter names, sorted, or undefined when the endpoints do not answer. */
export async function voterNames(endpoints: string): Promise<string[] | undefined> {
  try {
    return (await memberList(endpoints))
      .filter((m) => !m.learner)
      .map((m) => m.name)
      .sort();
  } catch {
    return undefined;
  }
}

/**
 * Voter names from the first of `endpoints` (host:port) that answers, one at
 * a time: etcdctl given several endpoints fails when it picks a dead one,
 * and only members serve the etcd API.
 */
export async function votersOfAny(endpoints: Iterable<string>): Promise<string[] | undefined> {
  for (const e of endpoints) {
    const v = await voterNames(e);
    if (v && v.length > 0) return v;
  }
  return undefined;
}

/** Runs etcdctl against the first of `endpoints` (host:port) that takes the command. */
export async function etcdctlAny(endpoints: Iterable<string>, ...args: string[]): Promise<string> {
  let last: unknown = new Error('no endpoints');
  for (const e of endpoints) {
    try {
      return await etcdctl(e, ...args);
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

/** Stops every process still running (SIGKILL). */
export async function killAll(procs: Iterable<AgentProc>): Promise<void> {
  for (const p of procs) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exit;
  }
}
