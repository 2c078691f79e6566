/**
 * The first frame on a TCP connection says who is connecting, to whom, and in
 * which cluster; the listener answers with one accept/refuse frame. Only then
 * do Raft message frames flow (one direction: dialer to listener).
 */
import { HandshakeError } from '../core/errors.js';

const HELLO_MAGIC = 0x4d475254; // "MGRT"
const ACK_MAGIC = 0x4d475241; // "MGRA"
/** Wire version of the handshake; bump on any incompatible change. */
export const HANDSHAKE_VERSION = 1;
const MAX_CLUSTER_ID_BYTES = 255;

/** The dialer's first frame. */
export interface Hello {
  readonly fromId: number;
  readonly toId: number;
  readonly clusterId: string;
}

/** Listener's answer to a hello. */
export type HelloStatus = 'ok' | 'wrong-cluster' | 'wrong-member' | 'bad-version';
const STATUS_CODES: readonly HelloStatus[] = ['ok', 'wrong-cluster', 'wrong-member', 'bad-version'];

function writeId(view: DataView, offset: number, id: number): void {
  view.setUint32(offset, Math.floor(id / 2 ** 32));
  view.setUint32(offset + 4, id >>> 0);
}

function readId(view: DataView, offset: number): number {
  return view.getUint32(offset) * 2 ** 32 + view.getUint32(offset + 4);
}

/** Encodes a hello payload. */
export function encodeHello(hello: Hello): Uint8Array {
  const cluster = new TextEncoder().encode(hello.clusterId);
  if (cluster.byteLength > MAX_CLUSTER_ID_BYTES) throw new HandshakeError(`cluster id longer than ${MAX_CLUSTER_ID_BYTES} bytes`);
  const bytes = new Uint8Array(4 + 1 + 8 + 8 + 1 + cluster.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, HELLO_MAGIC);
  view.setUint8(4, HANDSHAKE_VERSION);
  writeId(view, 5, hello.fromId);
  writeId(view, 13, hello.toId);
  view.setUint8(21, cluster.byteLength);
  bytes.set(cluster, 22);
  return bytes;
}

/** Decodes a hello payload; throws HandshakeError on anything malformed. */
export function decodeHello(bytes: Uint8Array): Hello & { version: number } {
  if (bytes.byteLength < 22) throw new HandshakeError(`hello too short (${bytes.byteLength} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== HELLO_MAGIC) throw new HandshakeError('hello has a bad magic number');
  const clusterBytes = view.getUint8(21);
  if (bytes.byteLength !== 22 + clusterBytes) throw new HandshakeError('hello has a bad length');
  let clusterId: string;
  try {
    clusterId = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(22));
  } catch (cause) {
    throw new HandshakeError('hello cluster id is not UTF-8', { cause });
  }
  return { version: view.getUint8(4), fromId: readId(view, 5), toId: readId(view, 13), clusterId };
}

/** Encodes the listener's answer. */
export function encodeHelloAck(status: HelloStatus): Uint8Array {
  const bytes = new Uint8Array(6);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, ACK_MAGIC);
  view.setUint8(4, HANDSHAKE_VERSION);
  view.setUint8(5, STATUS_CODES.indexOf(status));
  return bytes;
}

/** Decodes the listener's answer; throws HandshakeError on anything malformed. */
export function decodeHelloAck(bytes: Uint8Array): HelloStatus {
  if (bytes.byteLength !== 6) throw new HandshakeError(`hello ack has a bad length (${bytes.byteLength})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== ACK_MAGIC) throw new HandshakeError('hello ack has a bad magic number');
  const status = STATUS_CODES[view.getUint8(5)];
  if (status === undefined) throw new HandshakeError('hello ack has an unknown status');
  return status;
}

/** Checks a hello against this listener; the status to answer with. */
export function judgeHello(hello: Hello & { version: number }, localId: number, clusterId: string): HelloStatus {
  if (hello.version !== HANDSHAKE_VERSION) return 'bad-version';
  if (hello.clusterId !== clusterId) return 'wrong-cluster';
  if (hello.toId !== localId) return 'wrong-member';
  return 'ok';
}
