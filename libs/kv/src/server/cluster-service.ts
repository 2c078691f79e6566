import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { etcdserverpb } from '@mgmt/proto';
import { Errors } from '../errors.js';
import type { EtcdBackend, MemberInfo } from './backend.js';
import { unary, type ErrorLog, type Headers } from './rpc.js';

type Member = etcdserverpb.Member.$Properties;

/** A MemberInfo as etcd's Member message. */
export function toMember(m: MemberInfo): Member {
  return { ID: m.id, name: m.name, peerURLs: [...m.peerUrls], clientURLs: [...m.clientUrls], isLearner: m.isLearner };
}

/** etcd accepts peer URLs with scheme http or https, a host and a port, and nothing else. */
function checkPeerUrls(urls: readonly string[] | null | undefined): string[] {
  const list = [...(urls ?? [])];
  for (const raw of list) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch (cause) {
      throw Errors.memberBadUrls(cause);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || !url.port || (url.pathname !== '/' && url.pathname !== '')) {
      throw Errors.memberBadUrls();
    }
  }
  return list;
}

/** etcdserverpb.Cluster: membership, from the backend. */
export function clusterHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog): UntypedServiceImplementation {
  const list = (members: readonly MemberInfo[]) => ({ header: headers.bare(), members: members.map(toMember) });
  return {
    // Served from this member's state, as etcd 3.4 does; `linearizable` (etcd 3.5) first waits
    // for everything committed cluster-wide, so a member removed and not told answers nothing.
    MemberList: unary(log, 'MemberList', async (req: etcdserverpb.MemberListRequest) => {
      if (req.linearizable) await backend.readIndex();
      return list(await backend.members());
    }),
    MemberAdd: unary(log, 'MemberAdd', async (req: etcdserverpb.MemberAddRequest) => {
      const urls = checkPeerUrls(req.peerURLs);
      const { member, members } = await backend.memberAdd(urls, Boolean(req.isLearner));
      return { header: headers.bare(), member: toMember(member), members: members.map(toMember) };
    }),
    MemberRemove: unary(log, 'MemberRemove', async (req: etcdserverpb.MemberRemoveRequest) => list(await backend.memberRemove(req.ID ?? 0))),
    MemberUpdate: unary(log, 'MemberUpdate', async (req: etcdserverpb.MemberUpdateRequest) =>
      list(await backend.memberUpdate(req.ID ?? 0, checkPeerUrls(req.peerURLs))),
    ),
    MemberPromote: unary(log, 'MemberPromote', async (req: etcdserverpb.MemberPromoteRequest) => list(await backend.memberPromote(req.ID ?? 0))),
  };
}
