export {
  createPasskMcpServer,
  type McpLogger,
  type PasskMcpServer,
  type PasskMcpServerOptions,
} from './create-passk-mcp-server.ts';
