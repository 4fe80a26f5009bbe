/**
 * ClickHouse's sipHash64 (SipHash-2-4, zero key) in JavaScript, so the embedded api can know the
 * row key of an event it stored without reading it back. Works on 32-bit halves: BigInt
 * arithmetic would be tens of times slower.
 */

/** A 64-bit hash as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

// The state v0..v3, high and low halves. Module-level so a round touches no heap objects.
let v0h = 0;
let v0l = 0;
let v1h = 0;
let v1l = 0;
let v2h = 0;
let v2l = 0;
let v3h = 0;
let v3l = 0;

function start(): void {
  v0h = 0x736f6d65;
  v0l = 0x70736575;
  v1h = 0x646f7261;
  v1l = 0x6e646f6d;
  v2h = 0x6c796765;
  v2l = 0x6e657261;
  v3h = 0x74656462;
  v3l = 0x79746573;
}

// Every half is kept unsigned (>>> 0), so the carry test `lo < before` holds.
function sipRound(): void {
  let lo = (v0l + v1l) >>> 0;
  v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0;
  v0l = lo;
  let h = v1h;
  let l = v1l;
  v1h = (((h << 13) | (l >>> 19)) ^ v0h) >>> 0;
  v1l = (((l << 13) | (h >>> 19)) ^ v0l) >>> 0;
  h = v0h;
  v0h = v0l;
  v0l = h;

  lo = (v2l + v3l) >>> 0;
  v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0;
  v2l = lo;
  h = v3h;
  l = v3l;
  v3h = (((h << 16) | (l >>> 16)) ^ v2h) >>> 0;
  v3l = (((l << 16) | (h >>> 16)) ^ v2l) >>> 0;

  lo = (v0l + v3l) >>> 0;
  v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0;
  v0l = lo;
  h = v3h;
  l = v3l;
  v3h = (((h << 21) | (l >>> 11)) ^ v0h) >>> 0;
  v3l = (((l << 21) | (h >>> 11)) ^ v0l) >>> 0;

  lo = (v2l + v1l) >>> 0;
  v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0;
  v2l = lo;
  h = v1h;
  l = v1l;
  v1h = (((h << 17) | (l >>> 15)) ^ v2h) >>> 0;
  v1l = (((l << 17) | (h >>> 15)) ^ v2l) >>> 0;
  h = v2h;
  v2h = v2l;
  v2l = h;
}

/** Absorbs one 64-bit little-endian word. */
function compress(hi: number, lo: number): void {
  v3h = (v3h ^ hi) >>> 0;
  v3l = (v3l ^ lo) >>> 0;
  sipRound();
  sipRound();
  v0h = (v0h ^ hi) >>> 0;
  v0l = (v0l ^ lo) >>> 0;
}

/** Absorbs the last word (the tail bytes and the length), runs the finalisation. */
function finish(lastHi: number, lastLo: number): Hash64 {
  compress(lastHi, lastLo);
  v2l = (v2l ^ 0xff) >>> 0;
  sipRound();
  sipRound();
  sipRound();
  sipRound();
  return { hi: (v0h ^ v1h ^ v2h ^ v3h) >>> 0, lo: (v0l ^ v1l ^ v2l ^ v3l) >>> 0 };
}

function readWord(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** sipHash64 of the first `length` bytes. */
export function hashBytes(bytes: Uint8Array, length = bytes.length): Hash64 {
  start();
  const whole = length - (length % 8);
  for (let at = 0; at < whole; at += 8) compress(readWord(bytes, at + 4), readWord(bytes, at));
  let lo = 0;
  let hi = (length & 0xff) << 24;
  for (let at = whole; at < length; at += 1) {
    const shift = (at - whole) * 8;
    if (shift < 32) lo |= bytes[at] << shift;
    else hi |= bytes[at] << (shift - 32);
  }
  return finish(hi >>> 0, lo >>> 0);
}

// Labels and messages are at most 64 KiB of UTF-8; longer text gets its own buffer.
const scratch = Buffer.allocUnsafe(3 * 65_536);

/** sipHash64 of a String value: its UTF-8 bytes. Only for well-formed text (no lone surrogates). */
export function hashText(text: string): Hash64 {
  if (text.length * 3 > scratch.length) return hashBytes(Buffer.from(text, 'utf8'));
  return hashBytes(scratch, scratch.write(text, 0, 'utf8'));
}

/** sipHash64 of a UInt64 value (its 8 little-endian bytes); `value` is a safe integer. */
export function hashUInt64(value: number): Hash64 {
  start();
  compress(Math.floor(value / 0x1_0000_0000) >>> 0, value >>> 0);
  return finish(8 << 24, 0);
}

/** How sipHash64 of several arguments folds the next argument's hash in: sipHash64 of both, little-endian. */
export function combineHashes(first: Hash64, next: Hash64): Hash64 {
  start();
  compress(first.hi, first.lo);
  compress(next.hi, next.lo);
  return finish(16 << 24, 0);
}

export function toUnsigned(hash: Hash64): bigint {
  return (BigInt(hash.hi) << 32n) | BigInt(hash.lo);
}
