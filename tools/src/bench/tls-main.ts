/**
 * `npx nx run tools:bench-tls`: the TLS rows alone. They are part of every
 * `tools:bench` run now (the `tls` section, see tls-workloads.ts); this is
 * `src/bench/main.ts --only tls`, with `--put-clients` read as
 * `--tls-put-clients` as before. It writes the same files as main.ts.
 *
 * Usage: npx tsx src/bench/tls-main.ts [--put-clients 1,64] [--duration-ms N] [--systems etcd,mgmt]
 */
const args = process.argv.slice(2).map((a) => (a === '--put-clients' ? '--tls-put-clients' : a));
process.argv.splice(2, process.argv.length - 2, '--only', 'tls', ...args);
await import('./main.js');
