/**
 * One warning per hostile value: a refused `/_mgmt/` value is read again on
 * every poll, but logged only when it first appears (or changes). A key
 * that became good is forgotten, so a later bad value warns again.
 */
import type { HostileValue } from '@mgmt/cluster-fsm';

export class WarnOnce {
  private readonly warned = new Map<string, string>();

  constructor(private readonly warn: (key: string, problem: string) => void) {}

  /** Warns about each value of `hostile` not warned about yet; forgets the keys that are no longer in it. */
  report(hostile: readonly HostileValue[]): void {
    const now = new Map(hostile.map((h) => [h.key, h.problem]));
    for (const key of this.warned.keys()) if (!now.has(key)) this.warned.delete(key);
    for (const [key, problem] of now) {
      if (this.warned.get(key) === problem) continue;
      this.warned.set(key, problem);
      this.warn(key, problem);
    }
  }
}
