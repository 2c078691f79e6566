/**
 * Testing hook: network faults driven by a JSON rules file (the chaos runner
 * sets `MGMT_FAULT_FILE` per agent and rewrites the file to partition and
 * heal peer traffic). The file names peers by URL, because the runner knows
 * URLs and not member ids:
 *
 *   { "dropTo": ["http://127.0.0.1:4001"], "dropFrom": ["http://127.0.0.1:4002"] }
 *
 * `dropTo` drops this member's messages to those peers; `dropFrom` discards
 * messages arriving from them. A missing file means no faults; an invalid one
 * also means no faults, with one warning per invalid version of the file.
 * The wrapper learns member id -> URL from the transport's `addPeer` calls
 * and reuses the transport's fault wrapper (`NetworkFaults` + `FaultyTransport`)
 * to do the dropping. Works for the direct TCP transport (`http://`, `tcp://`
 * peer URLs); under NATS every member's URL is a broker, so rules by URL
 * cannot single one out.
 */
import { FaultyTransport, NetworkFaults, type Transport, type TransportLogger } from '@mgmt/transport';
import fs from 'node:fs';

/** The environment variable naming the rules file. */
export const FAULT_FILE_ENV = 'MGMT_FAULT_FILE';

/** How often the rules file is polled for changes, in ms. */
export const FAULT_FILE_POLL_MS = 100;

/** The parsed rules: peer URLs, normalized by `normalizePeerUrl`. */
export interface FaultRules {
  dropTo: string[];
  dropFrom: string[];
}

/** The rules file held something other than the rules format. */
export class FaultRulesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FaultRulesError';
  }
}

/** No faults at all. */
export const NO_FAULT_RULES: FaultRules = { dropTo: [], dropFrom: [] };

/** `scheme://host:port` of a peer URL (drops a trailing slash or path), so rules match however a URL was spelled. */
export function normalizePeerUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url.trim();
  }
}

function urlList(v: unknown, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) throw new FaultRulesError(`"${field}" must be an array of peer URLs`);
  return v.map(normalizePeerUrl);
}

/** Parses the rules file's text; an empty text is no faults. Throws `FaultRulesError`. */
export function parseFaultRules(text: string): FaultRules {
  if (text.trim() === '') return NO_FAULT_RULES;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    throw new FaultRulesError('fault rules are not JSON', { cause: err });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new FaultRulesError('fault rules must be a JSON object');
  const o = v as Record<string, unknown>;
  return { dropTo: urlList(o.dropTo, 'dropTo'), dropFrom: urlList(o.dropFrom, 'dropFrom') };
}

/** A FaultyTransport whose cuts follow the rules file. */
class FaultFileTransport extends FaultyTransport {
  private readonly peerUrls = new Map<number, string>();
  private rules: FaultRules = NO_FAULT_RULES;
  private readonly onFileChange = (): void => this.reload();

  constructor(
    inner: Transport,
    private readonly file: string,
    private readonly log: TransportLogger,
    pollMs: number,
  ) {
    super(inner, new NetworkFaults({ seed: 1 }));
    this.reload();
    // watchFile polls stat(): it sees a file created, replaced by rename, or removed.
    fs.watchFile(file, { interval: pollMs, persistent: false }, this.onFileChange);
  }

  /** Reads the file again and applies it; a missing or invalid file is no faults. */
  private reload(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      text = '';
    }
    let rules: FaultRules;
    try {
      rules = parseFaultRules(text);
    } catch (err) {
      this.log.warn({ file: this.file, err: String(err) }, 'invalid fault rules file: no faults');
      rules = NO_FAULT_RULES;
    }
    const changed = JSON.stringify(rules) !== JSON.stringify(this.rules);
    this.rules = rules;
    this.apply();
    if (changed) this.log.warn({ file: this.file, dropTo: rules.dropTo, dropFrom: rules.dropFrom }, 'fault rules in effect');
  }

  /** Recomputes the cuts from the rules and the known peer URLs. */
  private apply(): void {
    this.faults.heal();
    const to = new Set(this.rules.dropTo);
    const from = new Set(this.rules.dropFrom);
    for (const [id, url] of this.peerUrls) {
      if (to.has(url)) this.faults.cut(this.localId, id);
      if (from.has(url)) this.faults.cut(id, this.localId);
    }
  }

  override addPeer(id: number, address: string): void {
    super.addPeer(id, address);
    this.peerUrls.set(id, normalizePeerUrl(address));
    this.apply();
  }

  override async close(): Promise<void> {
    fs.unwatchFile(this.file, this.onFileChange);
    await super.close();
  }
}

/** Wraps `inner` so the rules in `file` (re-read when it changes) cut its peer links. */
export function withFaultFile(inner: Transport, file: string, log: TransportLogger, options: { pollMs?: number } = {}): Transport {
  return new FaultFileTransport(inner, file, log, options.pollMs ?? FAULT_FILE_POLL_MS);
}
