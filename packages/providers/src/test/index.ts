export {
  type FakeModelServer,
  type FakeModelServerOptions,
  type FakeServerStats,
  type Fault,
  requestKey,
  startFakeModelServer,
} from './fake-model-server.ts';
export { FIXTURES_DIR, fixture } from './fixtures.ts';
export type { FakeAnswer, FakeRequest, FakeToolCall, Protocol } from './protocols.ts';
