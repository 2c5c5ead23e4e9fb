/**
 * Baseline of the `providers` bench section: the least a client can do for the same load,
 * measured in the same run on the same machine. Sends `BENCH_REQUESTS` chat-completion
 * requests with plain `fetch` (no SDK, no parsing beyond JSON, no extraction, no files), at
 * most `BENCH_CONCURRENCY` in flight, to the URL in argv[2]; prints the elapsed milliseconds.
 */
const url = process.argv[2] as string;
const total = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 64);
const prompt = process.argv[3] ?? '';
const body = JSON.stringify({
  model: 'bench',
  messages: [{ role: 'user', content: prompt }],
  max_tokens: 2048,
});
let sent = 0;
const started = performance.now();
async function worker(): Promise<void> {
  while (sent < total) {
    sent++;
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await response.json();
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
process.stdout.write(`${Math.round(performance.now() - started)}\n`);
