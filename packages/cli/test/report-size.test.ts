import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { temporaryDirectory } from '../../../scripts/test-support/temporary-directory.ts';
import { renderHtmlReport, report } from '../src/index.ts';
import { writeSyntheticRun } from './synthetic-run.ts';

/** The HTML report of 164 problems × 100 samples (every sample's code kept) stays under 5 MB. */
it('a 164 × 100 report is under 5 MB with every sample kept', async () => {
  const dir = temporaryDirectory('passk-report-size-');
  writeSyntheticRun(dir, {
    problems: 164,
    n: 100,
    k: [1, 10, 100],
    model: 'synthetic',
    seed: 5,
    statistics: true,
  });
  const data = await report([dir]);
  const html = await renderHtmlReport(data);
  const bytes = Buffer.byteLength(html);
  const texts = /<script type="text\/plain" id="passk-samples"[^>]*>([^<]*)<\/script>/.exec(html);
  const samples = JSON.parse(gunzipSync(Buffer.from(texts?.[1] ?? '', 'base64')).toString('utf8'));
  // Every sample's code is in the page.
  expect(samples[0]).toHaveLength(164);
  expect(samples[0][163]).toHaveLength(100);
  expect(samples[0][163][99][0]).toBe(data.runs[0]?.problems[163]?.samples[99]?.code);
  const codeBytes = samples[0]
    .flat()
    .reduce((sum: number, sample: string[]) => sum + Buffer.byteLength(sample[0] ?? ''), 0);
  console.warn(
    `164 × 100 report: ${(bytes / 1e6).toFixed(2)} MB (sample code ${(codeBytes / 1e6).toFixed(2)} MB uncompressed; curve k = 1..${data.runs[0]?.curve.length})`,
  );
  expect(bytes).toBeLessThan(5_000_000);
}, 120_000);
