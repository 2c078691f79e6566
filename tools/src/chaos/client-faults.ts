/**
 * Faults a client causes, not the network or the processes (issue 16: the
 * cluster survives its users). Each is one etcdctl command against a live
 * member; the agents must repair what it broke without any membership
 * change:
 * - del-mgmt: `etcdctl del --prefix /_mgmt/`;
 * - revoke-lease: `etcdctl lease revoke` of a random agent's lease;
 * - garbage: a value that is not one into a random control key
 *   (idealClusterSize, or a volunteer, endpoint or nominated key).
 */
import { etcdctl, type Agent, type Cluster } from './cluster.js';
import type { Rng } from './rng.js';

/** The kinds of client faults. */
export const CLIENT_FAULT_KINDS = ['del-mgmt', 'revoke-lease', 'garbage'] as const;
export type ClientFaultKind = (typeof CLIENT_FAULT_KINDS)[number];

/** Runs one client fault; resolves with its target and a note, or undefined when no member answered. */
export async function strikeAsClient(kind: ClientFaultKind, cluster: Cluster, rng: Rng): Promise<{ target: string; note: string } | undefined> {
  const up = cluster.up();
  if (up.length === 0) return undefined;
  const endpoints = up.map((a) => a.endpoint).join(',');
  const victim: Agent = rng.pick(cluster.agents);
  try {
    if (kind === 'del-mgmt') {
      const out = await etcdctl(endpoints, 'del', '--prefix', '/_mgmt/');
      return { target: '/_mgmt/', note: `${out.trim()} keys deleted` };
    }
    if (kind === 'revoke-lease') {
      const out = await etcdctl(endpoints, 'get', `/_mgmt/volunteers/${victim.name}`, '-w', 'json');
      const lease = (JSON.parse(out) as { kvs?: Array<{ lease?: number | string }> }).kvs?.[0]?.lease;
      if (lease === undefined || BigInt(lease) === 0n) return { target: victim.name, note: 'no lease to revoke' };
      await etcdctl(endpoints, 'lease', 'revoke', BigInt(lease).toString(16));
      return { target: victim.name, note: 'lease revoked' };
    }
    const key = rng.pick(['/_mgmt/idealClusterSize', `/_mgmt/volunteers/${victim.name}`, `/_mgmt/endpoints/${victim.name}`, `/_mgmt/nominated/${victim.name}`]);
    const value = rng.pick(['0', '-1', 'garbage', 'not a url', '2.5']);
    await etcdctl(endpoints, 'put', key, '--', value);
    return { target: key, note: `= ${JSON.stringify(value)}` };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return { target: victim.name, note: `failed (${msg.split('\n')[0]})` };
  }
}
