/**
 * Appends ClickHouse's binary encodings (LEB128 lengths, little-endian integers, length-prefixed
 * UTF-8 strings) to one growing buffer, as the Native and RowBinary formats lay values out.
 */
const TWO_TO_32 = 2 ** 32;
/** A UTF-16 string of fewer code units than this is at most 127 UTF-8 bytes: its length fits one byte. */
const ONE_BYTE_LENGTH_UNITS = 43;

export class BinaryWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(initialBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(64, initialBytes));
  }

  /** The bytes written so far (a view of the writer's buffer). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Unsigned LEB128, as ClickHouse writes lengths and counts. */
  varUInt(value: number): void {
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  /** A String value: its UTF-8 length, then its bytes (lone surrogates become U+FFFD). */
  string(value: string): void {
    if (value.length < ONE_BYTE_LENGTH_UNITS) {
      this.reserve(1 + value.length * 3);
      const written = this.buffer.write(value, this.length + 1, 'utf8');
      this.buffer[this.length] = written;
      this.length += 1 + written;
      return;
    }
    const size = Buffer.byteLength(value, 'utf8');
    this.varUInt(size);
    this.reserve(size);
    this.length += this.buffer.write(value, this.length, size, 'utf8');
  }

  uint8(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** A UInt64 or Int64 of a non-negative safe integer (dates after 1970, sequence numbers, offsets). */
  uint64(value: number): void {
    this.reserve(8);
    this.buffer.writeUInt32LE(value % TWO_TO_32, this.length);
    this.buffer.writeUInt32LE(Math.floor(value / TWO_TO_32), this.length + 4);
    this.length += 8;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
