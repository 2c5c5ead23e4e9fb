// An agent loop on the `ai` SDK whose tools come from passk's MCP server: `passk mcp`, spawned
// over stdio, through the `ai` SDK's MCP client. The model is a local script: it reads a demo
// problem, checks a wrong program against the prompt's examples (it fails, naming the example),
// then a right one against the benchmark's hidden tests (it passes), and stops.
import { fileURLToPath } from 'node:url';
import { createMCPClient } from '@ai-sdk/mcp';
import { StdioMCPTransport } from '@ai-sdk/mcp/mcp-stdio';
import { generateText, isStepCount } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

const bin = fileURLToPath(new URL('../bin/passk.js', import.meta.resolve('passk')));
const env = process.env as Record<string, string>;
const mcp = await createMCPClient({
  transport: new StdioMCPTransport({ command: process.execPath, args: [bin, 'mcp'], env }),
});

const task = { dataset: 'demo', task_id: 'demo/0' };
const right = '    return sum(x * x for x in nums if x % 2)\n';
const calls: [string, object][] = [
  ['get_problem', task],
  ['check_solution', { ...task, tests: 'visible', code: '    return sum(nums)\n' }],
  ['check_solution', { ...task, tests: 'hidden', code: right }],
];
type Reply = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;
const zero = { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0, text: 0, reasoning: 0 };
const reply = (content: Reply['content'][number]): Reply => ({
  content: [content],
  finishReason: { unified: content.type === 'text' ? 'stop' : 'tool-calls', raw: undefined },
  usage: { inputTokens: zero, outputTokens: zero },
  warnings: [],
});
const model = new MockLanguageModelV4({
  doGenerate: [
    ...calls.map(([toolName, args], id) =>
      reply({ type: 'tool-call', toolCallId: `${id}`, toolName, input: JSON.stringify(args) }),
    ),
    reply({ type: 'text', text: 'demo/0 solved' }),
  ],
});

try {
  const { steps, text } = await generateText({
    model,
    tools: await mcp.tools(),
    prompt: 'Solve demo/0 of the demo dataset.',
    stopWhen: isStepCount(10),
  });
  type Output = { structuredContent: Record<string, unknown> };
  const [problem, failed, passed] = steps.flatMap((step) =>
    step.toolResults.map(({ output }) => (output as Output).structuredContent),
  );
  console.log(`${problem?.task_id}: entry point ${problem?.entry_point}`);
  console.log(`wrong program: ${failed?.status}, ${JSON.stringify(failed?.failed_example)}`);
  console.log(`right program: ${passed?.status} on the ${passed?.tests} tests; model: ${text}`);
  if (problem?.entry_point !== 'sum_odd_squares' || failed?.passed !== false || !passed?.passed)
    throw new Error('expected the wrong program to fail and the right one to pass');
} finally {
  await mcp.close();
}
