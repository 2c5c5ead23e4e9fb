import { RUN_FORMAT_VERSION, type RunManifest } from '../../packages/core/src/spec/run.ts';

/**
 * A run manifest for tests: a `run` of a one-sample, k = 1 run of dataset `fake` by model
 * `fake` on a local unsandboxed executor; `fields` replace or add to it (give `task_ids`).
 */
export function testManifest(
  fields: Partial<RunManifest> & Pick<RunManifest, 'task_ids'>,
): RunManifest {
  return {
    format_version: RUN_FORMAT_VERSION,
    run_id: 'test',
    created_at: new Date(0).toISOString(),
    passk_version: 'test',
    mode: 'run',
    dataset: { id: 'fake', version: '1', content_hash: 'x' },
    provider: { id: 'fake', model: 'fake' },
    sampling: {},
    n: 1,
    k: [1],
    executor: { id: 'local', sandbox: 'none', concurrency: 1 },
    timeout_factor: 1,
    toolchains: {},
    seed: 0,
    ...fields,
  };
}
