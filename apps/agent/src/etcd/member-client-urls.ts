/**
 * Where a member's etcd API is, as the other members find it (to forward a
 * request to the leader, and for MemberList): the client URLs its agent
 * advertises under `/_mgmt/endpoints/<name>`. That key lives on the agent's
 * lease, so it can vanish while the member runs (its agent's keep-alives did
 * not get through for a TTL, or a client deleted it). Then the URLs come
 * from the leader's `/_mgmt/members` record, which keeps them unleased, and
 * failing that from the last ones seen here: a follower that could not find
 * the leader's URL answered "no leader" to every forwarded keep-alive, and
 * the agents behind it lost their leases in turn (CI's netns cut-off test).
 */
import { decodeUrls, endpointKey, isValidHostname } from '@mgmt/cluster-fsm';
import type { KvStore } from '@mgmt/kv';
import { MEMBERS_KEY, parseMembersRecord, type RecordedMember } from '../observe/members-record.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

export class MemberClientUrls {
  /** Member name -> the client URLs last found for it. */
  private readonly lastSeen = new Map<string, string[]>();

  constructor(private readonly store: KvStore) {}

  /** The client URLs of member `name` (empty when none was ever found). */
  of(name: string): string[] {
    if (!isValidHostname(name)) return [];
    const urls = this.advertised(name) ?? this.recorded(name);
    if (urls && urls.length > 0) {
      this.lastSeen.set(name, urls);
      return urls;
    }
    return this.lastSeen.get(name) ?? [];
  }

  /** Forgets members no longer in the configuration. */
  retain(names: ReadonlySet<string>): void {
    for (const name of this.lastSeen.keys()) if (!names.has(name)) this.lastSeen.delete(name);
  }

  private advertised(name: string): string[] | undefined {
    const kv = this.store.range({ key: enc.encode(endpointKey(name)) }).kvs[0];
    return kv ? decodeUrls(dec.decode(kv.value)) : undefined;
  }

  /** The record as last parsed, by its mod revision (a forwarded request asks on every call). */
  private parsed: { revision: number; members: RecordedMember[] | undefined } | undefined;

  private recorded(name: string): string[] | undefined {
    const kv = this.store.range({ key: enc.encode(MEMBERS_KEY) }).kvs[0];
    if (!kv) return undefined;
    const revision = Number(kv.modRevision ?? 0);
    if (this.parsed?.revision !== revision) this.parsed = { revision, members: parseMembersRecord(dec.decode(kv.value)) };
    return this.parsed.members?.find((m) => m.name === name)?.clientUrls;
  }
}
