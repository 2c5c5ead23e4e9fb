import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { PasskMcpServer } from '@passk/mcp';

/** A client connected to a new session of `server` through the SDK's linked in-memory transport. */
export async function connectInMemory(server: PasskMcpServer): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'passk-test', version: '1' });
  await Promise.all([
    server.createSession().connect(serverTransport),
    client.connect(clientTransport),
  ]);
  return client;
}

/** The structured content of a tool result, typed for the test. */
export function structured<T>(result: unknown): T {
  return (result as { structuredContent: T }).structuredContent;
}
