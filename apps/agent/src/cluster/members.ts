/**
 * The member registry: who is in the Raft group, under which name, reachable
 * at which peer URLs. It is replicated state: every member derives it from
 * the same applied configuration-change entries (whose context carries the
 * member's attributes), and it travels inside snapshots, so all members
 * agree on it at every applied index.
 */
import { ConfChangeType } from '@mgmt/proto';

/** One Raft member as the etcd Cluster API shows it. */
export interface MemberInfo {
  id: number;
  name: string;
  peerUrls: string[];
  isLearner: boolean;
}

/** What a configuration change's context carries. */
export interface MemberAttributes {
  name: string;
  peerUrls: string[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encodes member attributes for a ConfChange context. */
export function encodeMemberAttributes(attrs: MemberAttributes): Uint8Array {
  return encoder.encode(JSON.stringify({ name: attrs.name, peerUrls: attrs.peerUrls }));
}

/** Decodes a ConfChange context; an empty or unreadable one gives undefined. */
export function decodeMemberAttributes(bytes: Uint8Array | undefined | null): MemberAttributes | undefined {
  if (!bytes || bytes.byteLength === 0) return undefined;
  try {
    const v = JSON.parse(decoder.decode(bytes)) as Partial<MemberAttributes>;
    if (typeof v.name !== 'string' || !Array.isArray(v.peerUrls)) return undefined;
    return { name: v.name, peerUrls: v.peerUrls.filter((u): u is string => typeof u === 'string') };
  } catch {
    return undefined;
  }
}

/** The replicated member table. */
export class MemberRegistry {
  private readonly byId = new Map<number, MemberInfo>();

  /** All members, ordered by id. */
  list(): MemberInfo[] {
    return [...this.byId.values()].sort((a, b) => a.id - b.id);
  }

  get(id: number): MemberInfo | undefined {
    return this.byId.get(id);
  }

  byName(name: string): MemberInfo | undefined {
    for (const m of this.byId.values()) if (m.name === name) return m;
    return undefined;
  }

  has(id: number): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Applies one committed configuration change. */
  apply(type: ConfChangeType, id: number, context: Uint8Array | undefined | null): void {
    const attrs = decodeMemberAttributes(context);
    const old = this.byId.get(id);
    switch (type) {
      case ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE:
        this.byId.set(id, { id, name: attrs?.name ?? old?.name ?? '', peerUrls: attrs?.peerUrls ?? old?.peerUrls ?? [], isLearner: true });
        break;
      case ConfChangeType.CONF_CHANGE_ADD_NODE:
        this.byId.set(id, { id, name: attrs?.name ?? old?.name ?? '', peerUrls: attrs?.peerUrls ?? old?.peerUrls ?? [], isLearner: false });
        break;
      case ConfChangeType.CONF_CHANGE_REMOVE_NODE:
        this.byId.delete(id);
        break;
      case ConfChangeType.CONF_CHANGE_UPDATE_NODE:
        if (old && attrs) this.byId.set(id, { ...old, name: attrs.name || old.name, peerUrls: attrs.peerUrls });
        break;
    }
  }

  /** The whole table, for a snapshot. */
  toJSON(): MemberInfo[] {
    return this.list();
  }

  /** Replaces the table with a snapshot's. */
  restore(members: readonly MemberInfo[]): void {
    this.byId.clear();
    for (const m of members) this.byId.set(m.id, { ...m, peerUrls: [...m.peerUrls] });
  }
}
