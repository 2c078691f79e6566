/**
 * The leader's side of `/_mgmt/members` (members-record.ts): a change of
 * the applied configuration, or of a member's advertised client URLs, is
 * written at once (agents learn of it through their watch). A member's URLs
 * stay recorded after its leased endpoint key is gone, as long as it is a
 * member; a record a client deleted or changed is re-written only
 * when two ticks in a row find it wrong (as the agents' own keys are, see
 * repair-confirm.ts), so `etcdctl del --prefix /` leaves the store empty for
 * a moment instead of fighting the client.
 */
import type { KeyValue } from '../cluster/cluster-client.js';
import type { Logger } from '../log.js';
import { endpointKey, isValidHostname, parseUrlsValue } from '@mgmt/cluster-fsm';
import { MEMBERS_KEY, encodeMembersRecord } from './members-record.js';

type Members = ReadonlyArray<{ id: number; name: string; isLearner: boolean }>;

export class MembersRecordKeeper {
  /** The record this leader last wrote or found right. */
  private written = '';
  private suspect = false;
  private writing = false;
  /** Member name -> the client URLs it last advertised (kept after its leased key goes). */
  private readonly clientUrls = new Map<string, string[]>();

  constructor(
    private readonly put: (key: string, value: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** The configuration or the mirrored keys changed: write a configuration change now. */
  onChange(members: Members, stored: ReadonlyMap<string, KeyValue>): void {
    const want = this.recordOf(members, stored);
    if (want === this.written) return;
    if (stored.get(MEMBERS_KEY)?.value === want) {
      this.written = want;
      return;
    }
    void this.write(want).catch((err) => this.log.debug({ err: (err as Error).message }, 'writing the members record failed; the next tick retries'));
  }

  /** The local tick: repair a record found wrong twice in a row. */
  async onTick(members: Members, stored: ReadonlyMap<string, KeyValue>): Promise<void> {
    const want = this.recordOf(members, stored);
    const now = stored.get(MEMBERS_KEY)?.value;
    if (now === want) {
      this.written = want;
      this.suspect = false;
      return;
    }
    if (want !== this.written) return this.write(want);
    if (!this.suspect) {
      this.suspect = true;
      return;
    }
    this.suspect = false;
    await this.write(want);
    this.log.info({ key: MEMBERS_KEY }, `re-wrote ${MEMBERS_KEY}: ${now === undefined ? 'it was deleted' : 'its value was changed'}`);
  }

  /** The record for `members`, their client URLs updated from the endpoint keys in `stored`. */
  private recordOf(members: Members, stored: ReadonlyMap<string, KeyValue>): string {
    const names = new Set(members.map((m) => m.name));
    for (const name of this.clientUrls.keys()) if (!names.has(name)) this.clientUrls.delete(name);
    for (const name of names) {
      // A member added by a client (etcdctl member add) has no name until it
      // starts, and names no agent: it has no endpoint key to read.
      if (!isValidHostname(name)) continue;
      const kv = stored.get(endpointKey(name));
      const parsed = kv ? parseUrlsValue(kv.value) : undefined;
      if (parsed?.ok) this.clientUrls.set(name, parsed.urls);
    }
    return encodeMembersRecord(members, this.clientUrls);
  }

  private async write(want: string): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      await this.put(MEMBERS_KEY, want);
      this.written = want;
    } finally {
      this.writing = false;
    }
  }
}
