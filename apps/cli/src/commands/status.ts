import { CONVERGED_PREFIX, ClusterClient, STATUS_PREFIX, roleCell, type AgentStatus, type DialTls } from '@mgmt/agent';
import { ENDPOINTS_PREFIX, IDEAL_CLUSTER_SIZE_KEY, VOLUNTEER_WAITING_REASON, decodeUrls, parseIdealClusterSize, volunteerWaitingReason } from '@mgmt/cluster-fsm';
import type { Command } from 'commander';
import { resolveClientTls, type ClientTlsFlags } from '../client-tls.js';
import type { Io } from './index.js';

/** One row of `mgmt status`. */
export interface StatusRow {
  host: string;
  state: string;
  /** voter, standby, volunteer or client, with the Raft role of a member: `voter (leader)`. */
  role: string;
  /** The host's `--zone`, or - . */
  zone: string;
  member: string;
  /** `/_mgmt/converged/<host>`: yes, no, or - when the host runs no graph. */
  converged: string;
  /** The client URLs the host advertises under `/_mgmt/endpoints/<host>` (what other hosts dial), or - . */
  endpoint: string;
  reason: string;
}

/** Reads every agent's published status and the member list through `endpoints`. */
export async function readStatus(endpoints: string[], tls?: DialTls): Promise<StatusRow[]> {
  const client = new ClusterClient(endpoints, undefined, tls);
  try {
    const [published, convergedKvs, members, endpointKvs, ideal] = await Promise.all([
      client.getPrefix(STATUS_PREFIX),
      client.getPrefix(CONVERGED_PREFIX),
      client.memberList(),
      client.getPrefix(ENDPOINTS_PREFIX),
      client.get(IDEAL_CLUSTER_SIZE_KEY),
    ]);
    // A waiting volunteer publishes no cluster size (it is the cluster's: agent-status.ts); shown as of now.
    const idealClusterSize = ideal === undefined ? undefined : parseIdealClusterSize(ideal.value, 0);
    const sized = { voters: members.filter((m) => !m.isLearner).length, idealClusterSize: idealClusterSize && !idealClusterSize.warning ? idealClusterSize.size : undefined };
    const reasonOf = (s: AgentStatus) => (s.state === 'volunteer.waiting' && s.reason === VOLUNTEER_WAITING_REASON ? volunteerWaitingReason(sized) : s.reason);
    const endpoints = new Map(endpointKvs.map((kv) => [kv.key.slice(ENDPOINTS_PREFIX.length), decodeUrls(kv.value).join(',')]));
    const endpointOf = (host: string) => endpoints.get(host) || '-';
    const converged = new Map(convergedKvs.map((kv) => [kv.key.slice(CONVERGED_PREFIX.length), kv.value === 'true' ? 'yes' : 'no']));
    const rows = new Map<string, StatusRow>();
    for (const kv of published) {
      const s = JSON.parse(kv.value) as AgentStatus;
      rows.set(s.hostname, {
        host: s.hostname,
        state: s.state,
        role: roleCell(s.memberRole, s.role),
        zone: s.zone ?? '-',
        member: s.memberId ? s.memberId.toString(16) : '-',
        converged: converged.get(s.hostname) ?? '-',
        endpoint: endpointOf(s.hostname),
        reason: s.nominator ? `${reasonOf(s)}; nominator: ${s.nominator}` : reasonOf(s),
      });
    }
    for (const m of members) {
      const name = m.name || `(unstarted ${Number(m.ID).toString(16)})`;
      if (!rows.has(name)) {
        rows.set(name, { host: name, state: 'unknown', role: m.isLearner ? 'standby' : 'voter', zone: '-', member: Number(m.ID).toString(16), converged: converged.get(name) ?? '-', endpoint: endpointOf(name), reason: 'no status published (agent down?)' });
      }
    }
    return [...rows.values()].sort((a, b) => a.host.localeCompare(b.host));
  } finally {
    client.close();
  }
}

/** Formats rows as an aligned table. */
export function formatStatus(rows: StatusRow[]): string {
  const head: StatusRow = { host: 'HOST', state: 'STATE', role: 'ROLE', zone: 'ZONE', member: 'MEMBER', converged: 'CONVERGED', endpoint: 'ENDPOINT', reason: 'WHY' };
  const all = [head, ...rows];
  const w = (k: keyof StatusRow) => Math.max(...all.map((r) => r[k].length));
  const cols: Array<keyof StatusRow> = ['host', 'state', 'role', 'zone', 'member', 'converged', 'endpoint'];
  return all.map((r) => [...cols.map((k) => r[k].padEnd(w(k))), r.reason].join('  ')).join('\n') + '\n';
}

/** `mgmt status`: each host's lifecycle state, Raft role and why it is there. */
export function registerStatus(program: Command, io: Io): void {
  program
    .command('status')
    .description("show each host's lifecycle state, Raft role and why it is there")
    .option('--endpoints <urls>', 'client URLs of any members; env MGMT_SEEDS (default http://127.0.0.1:2379, https:// with TLS)')
    .option('--cacert <path>', 'CA certificate to verify the servers with (TLS)')
    .option('--cert <path>', 'client certificate (TLS)')
    .option('--key <path>', 'key of --cert')
    .option('--data-dir <path>', "an agent's data directory: use its tls/ca.crt, client.crt and client.key")
    .option('-w, --write-out <format>', 'table or json', 'table')
    .action(async (opts: ClientTlsFlags & { writeOut: string }) => {
      const { endpoints, tls } = resolveClientTls(opts);
      const rows = await readStatus(endpoints, tls);
      io.out(opts.writeOut === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatStatus(rows));
    });
}
