import { canonicalJson, hashJson } from '../io/hash.ts';
import type { RunManifest } from '../spec/run.ts';

/** The manifest fields that make a run what it is (everything but the run id and timestamps). */
export type RunIdentitySource = Pick<
  RunManifest,
  | 'mode'
  | 'dataset'
  | 'provider'
  | 'sampling'
  | 'prompt'
  | 'seed'
  | 'timeout_factor'
  | 'input'
  | 'verdicts'
  | 'agent'
>;

/**
 * The identity of a run, by field name as shown to users: two runs with equal identities
 * may share a directory (the second resumes or tops up the first); `n`, `k`, the task list,
 * the executor and the toolchains may differ. The one definition used for default directory
 * names (`runIdFor`), the resume check of `openRunStore` and its message.
 */
export function runIdentity(manifest: RunIdentitySource): Readonly<Record<string, unknown>> {
  return {
    mode: manifest.mode,
    dataset: manifest.dataset,
    model: manifest.provider,
    sampling: manifest.sampling,
    prompt: manifest.prompt,
    seed: manifest.seed,
    'timeout factor': manifest.timeout_factor,
    input: manifest.input?.sha256,
    verdicts: manifest.verdicts ?? 'strict',
    // Absent (not undefined) for one-shot runs, so their identities stay what they were.
    ...(manifest.agent ? { agent: manifest.agent } : {}),
  };
}

/** `<name>-<first 8 hex digits of the identity's hash>`: the default run directory name. */
export function runIdFor(name: string, manifest: RunIdentitySource): string {
  return `${name}-${hashJson(runIdentity(manifest)).slice(0, 8)}`;
}

/**
 * The identity fields in which `previous` and `next` differ, as `field: a vs b` (empty when
 * the runs may share a directory).
 */
export function runIdentityDifferences(
  previous: RunIdentitySource,
  next: RunIdentitySource,
): string[] {
  const a = runIdentity(previous);
  const b = runIdentity(next);
  return Object.keys(a)
    .filter((field) => canonicalJson(a[field]) !== canonicalJson(b[field]))
    .map((field) => `${field}: ${canonicalJson(a[field])} vs ${canonicalJson(b[field])}`);
}
