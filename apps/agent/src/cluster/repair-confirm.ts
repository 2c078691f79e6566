/**
 * A key is repaired only when two reads in a row find it wrong. The read
 * just after an agent's own write can lag it (the write is still on its way
 * through Raft to the local store), and re-writing then would log a repair
 * of something nobody touched. Two polls apart is still well within the
 * second an owner has to put its key back.
 */

/** The repairs of this read that the previous read also asked for, and the suspects to pass to the next call. */
export function confirmRepairs<T extends { key: string }>(repairs: readonly T[], suspects: ReadonlySet<string>): { confirmed: T[]; suspects: Set<string> } {
  return { confirmed: repairs.filter((r) => suspects.has(r.key)), suspects: new Set(repairs.map((r) => r.key)) };
}
