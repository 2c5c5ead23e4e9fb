import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';

/**
 * An append-only JSONL file. Each `append` is one `write(2)` of a whole line, so a killed
 * process leaves at most one torn last line, which `open` removes before appending.
 */
export interface JsonlWriter {
  /** Appends one record as a line. */
  append(record: unknown): void;
  /** Flushes to disk and closes. */
  close(): void;
}

/** Opens `path` for appending, creating it, and cutting a torn last line left by a crash. */
export function openJsonlWriter(path: string): JsonlWriter {
  cutTornTail(path);
  const fd = openSync(path, 'a');
  let closed = false;
  return {
    append(record) {
      writeSync(fd, `${JSON.stringify(record)}\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}

function cutTornTail(path: string): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size === 0) return;
  const text = readFileSync(path);
  if (text[text.length - 1] === 0x0a) return;
  const lastNewline = text.lastIndexOf(0x0a);
  truncateSync(path, lastNewline + 1);
}
