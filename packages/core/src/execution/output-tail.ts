/** Bytes of each output stream kept for `StepResult.stdoutTail` / `stderrTail`. */
export const TAIL_BYTES = 4096;

/**
 * Counts the bytes of one output stream and keeps its last {@link TAIL_BYTES} bytes.
 * Not thread-safe; one instance per stream.
 */
export class OutputTail {
  /** Total bytes seen. */
  bytes = 0;
  private tail: Buffer = Buffer.alloc(0);

  /** Records a chunk of output. */
  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (chunk.length >= TAIL_BYTES) {
      this.tail = Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES));
    } else {
      const joined = Buffer.concat([this.tail, chunk]);
      this.tail = joined.length > TAIL_BYTES ? joined.subarray(joined.length - TAIL_BYTES) : joined;
    }
  }

  /** The kept bytes decoded by {@link decodeTail}. */
  text(): string {
    return decodeTail(this.tail, this.bytes > this.tail.length);
  }
}

/**
 * Decodes the last bytes of a stream as UTF-8 (invalid sequences become U+FFFD). When the
 * bytes were cut from a longer stream (`truncated`), up to three leading continuation bytes
 * of a split character are dropped first.
 */
export function decodeTail(bytes: Uint8Array, truncated: boolean): string {
  let start = 0;
  if (truncated) {
    while (
      start < 3 &&
      start < bytes.length &&
      (bytes[start] ?? 0) >= 0x80 &&
      (bytes[start] ?? 0) <= 0xbf
    ) {
      start += 1;
    }
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
}
