/**
 * Parsing of `/_mgmt/idealClusterSize`. Anyone with etcdctl can write that
 * key, so a bad value must never shrink the cluster: it is refused with a
 * warning and the previous size stays.
 */

/** The size used when nobody has set one (the reference article's default). */
export const DEFAULT_IDEAL_CLUSTER_SIZE = 5;

/** Largest accepted size: bounds every loop over members. */
export const MAX_IDEAL_CLUSTER_SIZE = 99;

/** Result of {@link parseIdealClusterSize}: the size to use and, if the value was refused, why. */
export interface IdealClusterSizeParse {
  size: number;
  warning?: string;
}

/**
 * Parses a stored idealClusterSize. Returns the new size, or `previousSize`
 * and a one-line warning when `raw` is not a positive decimal integer
 * (at most {@link MAX_IDEAL_CLUSTER_SIZE}). A missing key (undefined) keeps
 * the previous size silently.
 */
export function parseIdealClusterSize(raw: string | undefined, previousSize: number): IdealClusterSizeParse {
  if (raw === undefined) return { size: previousSize };
  const text = raw.trim();
  if (!/^[0-9]+$/.test(text)) {
    return { size: previousSize, warning: refused(raw, previousSize, 'not a positive decimal integer') };
  }
  const size = Number.parseInt(text, 10);
  if (size < 1) return { size: previousSize, warning: refused(raw, previousSize, 'must be at least 1') };
  if (size > MAX_IDEAL_CLUSTER_SIZE) {
    return { size: previousSize, warning: refused(raw, previousSize, `must be at most ${MAX_IDEAL_CLUSTER_SIZE}`) };
  }
  return { size };
}

function refused(raw: string, previousSize: number, why: string): string {
  // A value can be megabytes: the warning shows its start only.
  const shown = raw.length <= 40 ? raw : `${raw.slice(0, 40)}...`;
  return `ignoring /_mgmt/idealClusterSize=${JSON.stringify(shown)} (${why}); keeping ${previousSize}`;
}
