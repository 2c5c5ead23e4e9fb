export { canonicalJson, hashJson, sha256 } from './hash.ts';
export { type JsonlWriter, openJsonlWriter } from './jsonl-writer.ts';
export {
  type JsonlLine,
  parseJsonl,
  type ReadJsonlOptions,
  readJsonl,
  type StreamJsonlOptions,
  streamJsonl,
} from './read-jsonl.ts';
export { writeFileAtomic } from './write-file-atomic.ts';
