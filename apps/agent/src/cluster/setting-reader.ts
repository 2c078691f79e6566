/**
 * Reads one cluster setting that anyone can write with etcdctl
 * (`/_mgmt/idealStandbySize`, `/_mgmt/failureTimeout`): keeps the last valid
 * value, and warns once per refused value (the old value stays).
 */
import type { SettingParse } from '@mgmt/cluster-fsm';
import type { KvStore } from '@mgmt/kv';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Tracks the last valid value of `key` in the local store. */
export class SettingReader {
  private lastRaw: string | undefined;
  constructor(
    private readonly key: string,
    private value: number,
    private readonly parse: (raw: string | undefined, previous: number) => SettingParse,
    private readonly warn: (message: string) => void,
  ) {}

  /** The value after reading the key from `kv`. */
  read(kv: KvStore): number {
    const item = kv.range({ key: enc.encode(this.key) }).kvs[0];
    return this.readRaw(item ? dec.decode(item.value) : undefined);
  }

  /** The value after seeing the stored value `raw` (undefined: the key is missing). */
  readRaw(raw: string | undefined): number {
    if (raw === this.lastRaw) return this.value;
    this.lastRaw = raw;
    const parsed = this.parse(raw, this.value);
    if (parsed.warning) this.warn(parsed.warning);
    this.value = parsed.value;
    return this.value;
  }
}
