import type { ReadWriteStorage } from '../src/index.js';
import { EntryType, emptyConfState, type Entry } from '../src/index.js';

/** Storage whose log has the given terms at indexes 1..n (index 1 as the bootstrap snapshot), at hard-state term `term`. */
export function storageWithTerms(s: ReadWriteStorage, terms: readonly number[], term: number, voters: readonly number[]): void {
  const cs = emptyConfState();
  cs.voters = [...voters];
  s.applySnapshot({ data: new Uint8Array(), metadata: { index: 1, term: terms[0] ?? 1, confState: cs } });
  const ents: Entry[] = terms.slice(1).map((t, k) => ({ term: t, index: k + 2, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([k]) }));
  s.append(ents);
  s.setHardState({ term, vote: 0, commit: 1 });
}

export function termsOf(s: ReadWriteStorage): number[] {
  const out: number[] = [];
  for (let i = s.firstIndex() - 1; i <= s.lastIndex(); i++) out.push(s.term(i));
  return out;
}
