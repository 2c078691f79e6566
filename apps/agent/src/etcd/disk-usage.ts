/** Bytes on disk of a member's data (its Raft log and snapshots): etcd's "db size" for mgmt. */
import fs from 'node:fs';
import path from 'node:path';

/** Bytes of the files under `dir`, recursively; 0 when it is gone (being replaced by a snapshot install). */
export function directoryBytes(dir: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += directoryBytes(p);
      else if (entry.isFile()) total += fs.statSync(p).size;
    } catch {
      // removed while we looked (a segment released after a snapshot)
    }
  }
  return total;
}
