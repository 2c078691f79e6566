/** The etcd range end that covers every key starting with `prefix` (an ASCII prefix such as `/_mgmt/`). */
export function prefixRangeEnd(prefix: Uint8Array): Uint8Array {
  const end = prefix.slice();
  end[end.length - 1]! += 1;
  return end;
}
