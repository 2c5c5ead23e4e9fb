import { gzipSync } from 'node:zlib';
import type { ReportData } from '@passk/core';

/**
 * The report data without the sample texts (what the page embeds as plain JSON), and the
 * texts apart: per run, per problem, per sample `[code, detail, stdout_tail, stderr_tail]`,
 * as gzip-compressed JSON in base64 (the page decompresses it with the browser's
 * `DecompressionStream`; in Node: `JSON.parse(gunzipSync(Buffer.from(text, 'base64')))`).
 */
export function splitSampleTexts(data: ReportData): { data: unknown; texts: string } {
  const texts = data.runs.map((run) =>
    run.problems.map((problem) =>
      problem.samples.map((sample) => [
        sample.code,
        sample.detail,
        sample.stdout_tail,
        sample.stderr_tail,
      ]),
    ),
  );
  const stripped = {
    ...data,
    runs: data.runs.map((run) => ({
      ...run,
      problems: run.problems.map((problem) => ({
        ...problem,
        samples: problem.samples.map((sample) => ({
          index: sample.index,
          status: sample.status,
          passed: sample.passed,
          duration_ms: sample.duration_ms,
        })),
      })),
    })),
  };
  return {
    data: stripped,
    texts: gzipSync(JSON.stringify(texts), { level: 9 }).toString('base64'),
  };
}
