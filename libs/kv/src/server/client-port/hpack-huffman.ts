/**
 * The HPACK Huffman code (RFC 7541 Appendix B), decoding only. The code is
 * canonical, so the 257 code lengths (256 octets and EOS) define it; the
 * decoding tree is built once from them.
 */

/** Code length in bits of each symbol 0..255, then EOS (256); RFC 7541 Appendix B. */
const CODE_LENGTHS: readonly number[] = [13,23,28,28,28,28,28,28,28,24,30,28,28,30,28,28,28,28,28,28,28,28,30,28,28,28,28,28,28,28,28,28,6,10,10,12,13,6,8,11,10,10,8,11,8,6,6,6,5,5,5,6,6,6,6,6,6,6,7,8,15,6,12,10,13,6,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,7,8,7,8,13,19,13,14,6,15,5,6,5,6,5,6,6,6,5,7,7,6,6,6,5,6,7,6,5,5,6,7,7,7,7,7,15,11,14,13,28,20,22,20,20,22,22,22,23,22,23,23,23,23,23,24,23,24,24,22,23,24,23,23,23,23,21,22,23,22,23,23,24,22,21,20,22,22,23,23,21,23,22,22,24,21,22,23,23,21,21,22,21,23,22,23,23,20,22,22,22,23,22,22,23,26,26,20,19,22,23,22,25,26,26,26,27,27,26,24,25,19,21,26,27,27,26,27,24,21,21,26,26,28,27,27,27,20,24,20,21,22,21,21,23,22,22,25,25,24,24,26,23,26,27,26,26,27,27,27,27,27,28,27,27,27,27,27,26,30];

const EOS = 256;

/** A binary decoding tree in two arrays: children of node n are zero[n] and one[n]; a leaf holds -1 - symbol. */
interface Tree {
  readonly zero: Int32Array;
  readonly one: Int32Array;
}

function buildTree(): Tree {
  const zero = new Int32Array(2 * CODE_LENGTHS.length).fill(0);
  const one = new Int32Array(2 * CODE_LENGTHS.length).fill(0);
  let nodes = 1;
  const order = CODE_LENGTHS.map((length, symbol) => ({ length, symbol })).sort((a, b) => a.length - b.length || a.symbol - b.symbol);
  let code = 0;
  let previous = 0;
  for (const { length, symbol } of order) {
    code = code * 2 ** (length - previous);
    previous = length;
    let node = 0;
    for (let bit = length - 1; bit >= 0; bit--) {
      const side = Math.floor(code / 2 ** bit) % 2 === 1 ? one : zero;
      if (bit === 0) side[node] = -1 - symbol;
      else {
        if (side[node] === 0) side[node] = nodes++;
        node = side[node]!;
      }
    }
    code++;
  }
  return { zero, one };
}

const TREE = buildTree();

/** A Huffman-coded string that is not valid HPACK (RFC 7541 section 5.2). */
export class HuffmanDecodeError extends Error {}

/** Decodes an HPACK Huffman-coded string. Throws HuffmanDecodeError on EOS or bad padding. */
export function decodeHuffman(bytes: Uint8Array): Buffer {
  const out: number[] = [];
  let node = 0;
  let bitsSinceSymbol = 0;
  let paddingAllOnes = true;
  for (const byte of bytes) {
    for (let bit = 7; bit >= 0; bit--) {
      const isOne = ((byte >> bit) & 1) === 1;
      const next = isOne ? TREE.one[node]! : TREE.zero[node]!;
      bitsSinceSymbol++;
      paddingAllOnes &&= isOne;
      if (next < 0) {
        const symbol = -1 - next;
        if (symbol === EOS) throw new HuffmanDecodeError('EOS in a Huffman-coded string');
        out.push(symbol);
        node = 0;
        bitsSinceSymbol = 0;
        paddingAllOnes = true;
      } else if (next === 0) throw new HuffmanDecodeError('invalid Huffman code');
      else node = next;
    }
  }
  if (bitsSinceSymbol > 7 || !paddingAllOnes) throw new HuffmanDecodeError('invalid Huffman padding');
  return Buffer.from(out);
}
