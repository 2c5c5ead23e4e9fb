export {
  createPasskMcpServer,
  type McpLogger,
  type PasskMcpServer,
  type PasskMcpServerOptions,
} from './create-passk-mcp-server.ts';
export type { McpRunRequest, StartPasskRun } from './run-request.ts';
export { type HttpServing, type ServeHttpOptions, serveHttp } from './transports/serve-http.ts';
export { serveStdio } from './transports/serve-stdio.ts';
