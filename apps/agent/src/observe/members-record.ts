/**
 * `/_mgmt/members`: the leader's record of the applied Raft configuration
 * (name, id, voter or learner and the last client URLs each member
 * advertised), written by the leader
 * whenever the configuration changes. Agents learn about member changes
 * from it through their one `/_mgmt/` watch, instead of each polling the
 * member list (which at a thousand agents is a thousand requests a poll).
 * Like every `/_mgmt/` key it is a record, never the truth: a missing or
 * malformed record is read as "unknown" and the leader writes it again.
 * Pure: no I/O here.
 */
import { MAX_URLS_PER_VALUE, MGMT_PREFIX, urlProblem } from '@mgmt/cluster-fsm';

/** The key of the members record. */
export const MEMBERS_KEY = `${MGMT_PREFIX}members`;

/** A member as the record lists it. */
export interface RecordedMember {
  name: string;
  /** The member id, hex (as etcdctl prints it). */
  id: string;
  learner: boolean;
  /**
   * The client URLs the member last advertised (`/_mgmt/endpoints/<name>`).
   * Unlike that key, not leased: an agent whose lease expired (its client sat
   * on a member cut off from the rest) still finds the other members here.
   */
  clientUrls?: string[];
}

/** A record larger than this is not one a leader wrote: it is not parsed. */
const MAX_RECORD_BYTES = 65_536;

/** The record's value for `members` (sorted by id, so equal configurations give equal text), with each one's client URLs when known. */
export function encodeMembersRecord(members: ReadonlyArray<{ id: number; name: string; isLearner: boolean }>, clientUrls: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const list: RecordedMember[] = [...members]
    .sort((a, b) => a.id - b.id)
    .map((m) => {
      const urls = clientUrls.get(m.name);
      return { name: m.name, id: m.id.toString(16), learner: m.isLearner, ...(urls && urls.length > 0 ? { clientUrls: [...urls] } : {}) };
    });
  return JSON.stringify(list);
}

/** Whether `v` is a list of client URLs a leader could have recorded. */
function isUrlList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= MAX_URLS_PER_VALUE && v.every((u) => typeof u === 'string' && urlProblem(u) === undefined);
}

/** The members a record lists; undefined when the value is not a record a leader wrote. */
export function parseMembersRecord(value: string | undefined): RecordedMember[] | undefined {
  if (value === undefined || value.length > MAX_RECORD_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const out: RecordedMember[] = [];
  for (const item of parsed as unknown[]) {
    const m = item as Partial<RecordedMember> | null;
    if (m === null || typeof m !== 'object' || typeof m.name !== 'string' || typeof m.id !== 'string' || !/^[0-9a-f]{1,16}$/.test(m.id) || typeof m.learner !== 'boolean') return undefined;
    if (m.clientUrls !== undefined && !isUrlList(m.clientUrls)) return undefined;
    out.push({ name: m.name, id: m.id, learner: m.learner, ...(m.clientUrls !== undefined && m.clientUrls.length > 0 ? { clientUrls: m.clientUrls } : {}) });
  }
  return out.length > 0 ? out : undefined;
}

/** How many voters a record lists. */
export function votersOf(members: readonly RecordedMember[]): number {
  return members.filter((m) => !m.learner).length;
}

/** Every client URL a record lists, in member order. */
export function clientUrlsOf(members: readonly RecordedMember[]): string[] {
  return members.flatMap((m) => m.clientUrls ?? []);
}
