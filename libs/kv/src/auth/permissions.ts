/**
 * Whether a user's key-range permissions cover a request, as etcd 3.4's
 * range permission cache decides (auth/range_perm_cache.go): the union of
 * the intervals of every role the user holds must cover the requested
 * interval with no gap; a single key needs one interval that contains it.
 * Keys are the store's latin1 strings, so string order is byte order.
 */
import { authpb } from '@mgmt/proto';
import { keyToString } from '../keys.js';

/** What an operation needs on a range. */
export type PermissionKind = 'read' | 'write';

/** A half-open key interval [start, end); `end === null` is unbounded. */
export interface KeyInterval {
  readonly start: string;
  readonly end: string | null;
}

/** A permission as a role holds it (etcd's authpb.Permission). */
export type Permission = authpb.Permission.$Properties;

/**
 * The interval a permission grants: no range_end is the single key
 * (etcd's affine point [key, key\0)); range_end "\0" is every key from key.
 */
export function permissionInterval(perm: Permission): KeyInterval {
  const start = perm.key && perm.key.length > 0 ? keyToString(perm.key) : '';
  const end = perm.rangeEnd;
  if (!end || end.length === 0) return { start, end: start + '\0' };
  if (end.length === 1 && end[0] === 0) return { start, end: null };
  return { start, end: keyToString(end) };
}

/** Whether `perm` grants `kind` (READWRITE grants both). */
export function grants(perm: Permission, kind: PermissionKind): boolean {
  const type = perm.permType ?? authpb.Permission.Type.READ;
  if (type === authpb.Permission.Type.READWRITE) return true;
  return kind === 'read' ? type === authpb.Permission.Type.READ : type === authpb.Permission.Type.WRITE;
}

const endsBefore = (a: string | null, b: string | null): boolean => a !== null && (b === null || a < b);

/**
 * Whether `intervals` cover the request (key, rangeEnd) as etcd reads them:
 * no rangeEnd is one key; "\0" is every key from `key`.
 */
export function covers(intervals: readonly KeyInterval[], key: Uint8Array | null | undefined, rangeEnd: Uint8Array | null | undefined): boolean {
  const start = key && key.length > 0 ? keyToString(key) : '';
  if (!rangeEnd || rangeEnd.length === 0) return intervals.some((i) => i.start <= start && endsBefore(start, i.end));
  const end = rangeEnd.length === 1 && rangeEnd[0] === 0 ? null : keyToString(rangeEnd);
  // etcd's intervalTree.Contains: the intervals that meet the request, in
  // order of start, must touch one another and reach both of its ends.
  const meeting = intervals
    .filter((i) => endsBefore(i.start, i.end) && endsBefore(i.start, end) && endsBefore(start, i.end))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  if (meeting.length === 0 || meeting[0]!.start > start) return false;
  let reach: string | null = meeting[0]!.end;
  for (const i of meeting.slice(1)) {
    if (reach !== null && reach < i.start) return false;
    if (reach !== null && (i.end === null || i.end > reach)) reach = i.end;
  }
  return !endsBefore(reach, end);
}
