import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { findFiles, findProcesses } from '@passk/core/conformance';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, runCli, workspace } from './run-cli.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const humanEval = join(DATA_DIR, 'humaneval/HumanEval.jsonl.gz');

/** Files below `directory` modified after `since` (ms), skipping build and dependency trees. */
function changedSince(directory: string, since: number, depth = 6): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', '.turbo', 'bench-results', 'runs']);
  const changed: string[] = [];
  for (const name of readdirSync(directory)) {
    if (skip.has(name) || name.startsWith('.passk-hostile-')) continue;
    const path = join(directory, name);
    const info = lstatSync(path);
    if (info.mtimeMs > since) changed.push(path);
    if (info.isDirectory() && depth > 0) changed.push(...changedSince(path, since, depth - 1));
  }
  return changed;
}

describe('a full HumanEval evaluation in the sandbox', () => {
  it.skipIf(!existsSync(humanEval))(
    'passes all 164 reference solutions, leaves no process and writes nothing outside the run directory',
    async () => {
      const { dir, env } = workspace();
      const marker = `passk-clean-${randomBytes(6).toString('hex')}`;
      const apiKey = `sk-${randomBytes(12).toString('hex')}`;
      const uidBase = 1_200_000_000 + randomBytes(3).readUIntBE(0, 3);
      const problems = gunzipSync(readFileSync(humanEval))
        .toString('utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, string>);
      const canonical = (id: string): string =>
        problems.find((problem) => problem.task_id === id)?.canonical_solution ?? '';
      // Besides the reference solutions, three samples that try to escape, each followed by the
      // reference solution (so they pass when the sandbox holds).
      const hostile: Record<string, string> = {
        'HumanEval/0': [
          '    import ctypes as _c, os as _o, sys as _s',
          '    if _c.CDLL(None).fork() == 0:',
          '        _c.CDLL(None).setsid()',
          `        _o.execv(_s.executable, [_s.executable, '-c', 'import time; time.sleep(600)', '${marker}'])`,
        ].join('\n'),
        'HumanEval/1': [
          `    for _p in ['${join(homedir(), `.${marker}`)}', '${join(REPO, `.${marker}`)}', '/tmp/${marker}', '/var/tmp/${marker}']:`,
          '        try:',
          "            open(_p, 'w').write('escaped')",
          '        except OSError:',
          '            pass',
        ].join('\n'),
        'HumanEval/2': [
          '    import os as _o',
          "    for _pid in [_x for _x in _o.listdir('/proc') if _x.isdigit()]:",
          '        try:',
          `            assert '${apiKey}' not in open('/proc/%s/environ' % _pid).read(), 'key leaked'`,
          '        except OSError:',
          '            pass',
        ].join('\n'),
      };
      const samples = [
        ...problems.map((problem) => ({
          task_id: problem.task_id,
          completion: problem.canonical_solution,
        })),
        ...Object.entries(hostile).map(([taskId, code]) => ({
          task_id: taskId,
          completion: `${code}\n${canonical(taskId)}`,
        })),
      ];
      const file = join(dir, 'samples.jsonl');
      writeFileSync(file, samples.map((sample) => `${JSON.stringify(sample)}\n`).join(''));
      const scratch = join(dir, 'scratch');
      const started = Date.now() - 1000;
      const result = await runCli(
        ['evaluate', file, '--dataset', 'humaneval', '--out', 'run', '--json', '--workers', '2'],
        {
          cwd: dir,
          env: {
            ...env,
            PASSK_PLANTED_API_KEY: apiKey,
            PASSK_SCRATCH_DIR: scratch,
            PASSK_SANDBOX_UID_BASE: String(uidBase),
          },
        },
      );
      expect(result.stderr).not.toMatch(/internal error|warning/);
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary.samples).toBe(167);
      expect(summary.statuses.passed).toBe(167);
      expect(
        JSON.parse(readFileSync(join(dir, 'run/manifest.json'), 'utf8')).executor.sandbox,
      ).toBe('bwrap');

      // No process of the run survives: none carries the marker or runs as a sandbox uid, and
      // none refers to the run's scratch directory.
      const uids = new Set([uidBase, uidBase + 1]);
      expect(findProcesses(marker, uids)).toEqual([]);
      expect(findProcesses(scratch)).toEqual([]);
      // Nothing was written outside the run directory: no file anywhere passk's sandboxes could
      // have written owns a sandbox uid or carries the marker, the scratch directory is empty,
      // and the repository is unchanged.
      expect(
        findFiles([homedir(), REPO, '/tmp', '/var/tmp', '/dev/shm', dir], marker, uids, 6),
      ).toEqual([]);
      expect(readdirSync(scratch)).toEqual([]);
      expect(readdirSync(join(dir, 'run')).sort()).toEqual([
        'manifest.json',
        'results.jsonl',
        'samples.jsonl',
        'summary.json',
      ]);
      expect(changedSince(REPO, started)).toEqual([]);
    },
    240_000,
  );
});
