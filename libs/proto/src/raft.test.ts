// Proves the Raft wire messages survive an encode/decode round trip with
// every field set, that 64-bit fields come back as plain numbers, and that
// garbage gives a ProtoDecodeError rather than some other crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfChangeType, EntryType, MessageType, ProtoDecodeError, decodeMessage, encodeMessage, raftpb } from './index.js';

/**
 * Own fields without proto3 defaults (0, false), bytes as arrays: comparable
 * across Buffer and Uint8Array and across "unset" and "set to the default".
 */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== 0 && v !== false).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

describe('raft wire messages', () => {
  it('round-trips a message with every field set', () => {
    const message = {
      type: MessageType.MSG_APP,
      to: 2,
      from: 1,
      term: 7,
      logTerm: 6,
      index: 41,
      entries: [
        { term: 7, index: 42, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([1, 2, 3]) },
        { term: 7, index: 43, type: EntryType.ENTRY_CONF_CHANGE, data: new Uint8Array([9]) },
      ],
      commit: 40,
      snapshot: {
        data: new Uint8Array([5, 5]),
        metadata: { index: 30, term: 5, confState: { voters: [1, 2, 3], learners: [4], votersOutgoing: [1, 2], learnersNext: [5], autoLeave: true } },
      },
      reject: true,
      rejectHint: 12,
      context: new Uint8Array([0xff]),
    };
    const decoded = decodeMessage(encodeMessage(message));
    expect(plain(decoded)).toEqual(plain(message));
    expect(decoded.snapshot?.metadata?.index).toBe(30);
    expect(decoded.entries[1]?.type).toBe(EntryType.ENTRY_CONF_CHANGE);
    expect(decoded.snapshot?.metadata?.confState?.votersOutgoing).toEqual([1, 2]);
  });

  it('decodes 64-bit fields as numbers, up to 2^53 - 1', () => {
    const id = Number.MAX_SAFE_INTEGER;
    const decoded = decodeMessage(encodeMessage({ type: MessageType.MSG_HEARTBEAT, to: id, from: 1, term: 3 }));
    expect(decoded.to).toBe(id);
    expect(typeof decoded.term).toBe('number');
  });

  it('round-trips hard state and conf change', () => {
    const hs = raftpb.HardState.decode(raftpb.HardState.encode({ term: 9, vote: 3, commit: 100 }).finish());
    expect([hs.term, hs.vote, hs.commit]).toEqual([9, 3, 100]);
    const cc = raftpb.ConfChange.decode(
      raftpb.ConfChange.encode({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4, context: new Uint8Array([1]) }).finish(),
    );
    expect(cc.type).toBe(ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE);
    expect(cc.nodeId).toBe(4);
  });

  it('round-trips arbitrary messages (property)', () => {
    const u53 = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const entry = fc.record({ term: u53, index: u53, type: fc.constantFrom(0, 1), data: fc.uint8Array({ maxLength: 64 }) });
    fc.assert(
      fc.property(fc.record({ type: fc.integer({ min: 0, max: 18 }), to: u53, from: u53, term: u53, index: u53, commit: u53, entries: fc.array(entry, { maxLength: 5 }) }), (m) => {
        const d = decodeMessage(encodeMessage(m));
        expect([d.type, d.to, d.from, d.term, d.index, d.commit]).toEqual([m.type, m.to, m.from, m.term, m.index, m.commit]);
        expect(d.entries.map((e) => [e.term, e.index, e.type, Array.from(e.data ?? [])])).toEqual(m.entries.map((e) => [e.term, e.index, e.type, Array.from(e.data)]));
      }),
    );
  });

  it('rejects garbage with a ProtoDecodeError', () => {
    expect(() => decodeMessage(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow(ProtoDecodeError);
    expect(() => decodeMessage(new Uint8Array([0x3a, 0x05, 0x01]))).toThrow(ProtoDecodeError);
  });
});
