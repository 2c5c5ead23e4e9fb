import { createPasskMcpServer, type PasskMcpServer, type PasskMcpServerOptions } from '@passk/mcp';
import { createBuiltinRegistry } from '../src/builtin-registry.ts';

export { connectInMemory } from '../../mcp/test/connect.ts';

/** A server over the built-in registry, in a test workspace (`run-cli.ts`); `options` add to it. */
export function workspaceServer(
  workspace: { readonly dir: string; readonly env: NodeJS.ProcessEnv },
  options: Partial<PasskMcpServerOptions> = {},
): PasskMcpServer {
  return createPasskMcpServer({
    registry: createBuiltinRegistry(),
    version: 'test',
    env: workspace.env,
    cwd: workspace.dir,
    ...options,
  });
}

/** The structured content of a tool result, typed for the test. */
export function structured<T>(result: unknown): T {
  return (result as { structuredContent: T }).structuredContent;
}
