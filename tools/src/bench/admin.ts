/**
 * Control-plane calls the driver makes (not timed): who leads, who is a
 * voter. Both systems answer the same etcd Maintenance and Cluster RPCs.
 */
import { credentials, makeGenericClientConstructor, type Client, type ServiceError } from '@grpc/grpc-js';
import { ClusterService, MaintenanceService } from '@mgmt/kv';
import type { etcdserverpb } from '@mgmt/proto';
import fs from 'node:fs';
import type { TlsFiles } from './protocol.js';

const MaintenanceClient = makeGenericClientConstructor(MaintenanceService, 'Maintenance');
const ClusterClient = makeGenericClientConstructor(ClusterService, 'Cluster');

type Unary<Req, Res> = (req: Req, opts: { deadline: number }, cb: (err: ServiceError | null, res?: Res) => void) => void;
interface MaintenanceStub extends Client {
  Status: Unary<etcdserverpb.IStatusRequest, etcdserverpb.StatusResponse>;
}
interface ClusterStub extends Client {
  MemberList: Unary<etcdserverpb.IMemberListRequest, etcdserverpb.MemberListResponse>;
}

function call<Req, Res>(fn: Unary<Req, Res>, client: Client, req: Req, timeoutMs: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn.call(client, req, { deadline: Date.now() + timeoutMs }, (err, res) => (err || !res ? reject(err ?? new Error('empty response')) : resolve(res)));
  });
}

/** Plaintext, or TLS with the client certificate files (read now: they may appear once a member made them). */
function credsOf(tls: TlsFiles | undefined) {
  return tls ? credentials.createSsl(fs.readFileSync(tls.ca), fs.readFileSync(tls.key), fs.readFileSync(tls.cert)) : credentials.createInsecure();
}

/** Whether `endpoint` (host:port) is the leader of its cluster; undefined when it does not answer. */
export async function isLeader(endpoint: string, timeoutMs = 1_000, tls?: TlsFiles): Promise<boolean | undefined> {
  let c: MaintenanceStub;
  try {
    c = new MaintenanceClient(endpoint, credsOf(tls)) as unknown as MaintenanceStub;
  } catch {
    return undefined;
  }
  try {
    const st = await call(c.Status, c, {}, timeoutMs);
    const self = String(st.header?.memberId ?? '');
    return String(st.leader) !== '0' && String(st.leader) === self;
  } catch {
    return undefined;
  } finally {
    c.close();
  }
}

/** Names of the started voters as `endpoint` lists them; undefined when it does not answer. */
export async function voterNames(endpoint: string, timeoutMs = 1_000, tls?: TlsFiles): Promise<string[] | undefined> {
  let c: ClusterStub;
  try {
    c = new ClusterClient(endpoint, credsOf(tls)) as unknown as ClusterStub;
  } catch {
    return undefined;
  }
  try {
    const res = await call(c.MemberList, c, {}, timeoutMs);
    return (res.members ?? []).filter((m) => !m.isLearner && m.name !== '' && (m.clientURLs?.length ?? 0) > 0).map((m) => m.name ?? '');
  } catch {
    return undefined;
  } finally {
    c.close();
  }
}
