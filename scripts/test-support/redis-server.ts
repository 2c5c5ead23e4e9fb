import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Why tests against a real Redis cannot run here (no `redis-server`: Debian package
 * redis-server, listed in .ci/apt/queue.txt), or undefined when they can. Prints the reason.
 */
export function redisSkipReason(what: string): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  const reason =
    probe.status === 0
      ? undefined
      : `redis-server not found (apt-get install redis-server): ${probe.error?.message ?? probe.stderr}`;
  if (reason !== undefined) console.warn(`skipped ${what}: ${reason}`);
  return reason;
}

/** A `redis-server` child process on 127.0.0.1, without persistence. */
export interface TestRedis {
  readonly port: number;
  /** Process id of the running server. */
  pid(): number | undefined;
  /** `redis://127.0.0.1:<port>/<db>`. */
  url(db?: number): string;
  /** Stops it (SIGKILL: its data is gone) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

/**
 * Starts `redis-server --port <free> --save '' --appendonly no` in `directory` and waits until
 * it accepts connections. The caller stops it.
 */
export async function startRedis(directory: string): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: directory, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start: ${output}`)),
        10_000,
      );
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    pid: () => child?.pid,
    url: (db = 0) => `redis://127.0.0.1:${port}/${db}`,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
