'use strict';
/*
 * passk's warm TypeScript compiler: a `passk-fork-v1` step server (see
 * packages/core/src/execution/fork-protocol.ts) for `node <tsc> --target <t> <file.ts>...`.
 *
 * Usage: node tsc-server.cjs <path of the tsc script>
 *
 * Each request compiles in a worker thread that keeps the compiler loaded, the way `tsc` does
 * without a tsconfig (see `compile`), rooted at the request's work directory: the same
 * diagnostics, emitted files and exit code, without paying Node.js start-up, loading the compiler
 * and parsing the standard library's declaration files for every sample. A compile that
 * passes its time limit is stopped by terminating the worker (answered as a timeout, as the
 * spawned process would be killed); output over the limit is answered as an output-limit kill.
 * The address-space limit is not applied in-process (a compiler runs no program code; tsc's
 * memory use is bounded by its input). Anything else (other flags, a crash inside the compiler)
 * is declined, and the executor spawns `tsc` instead.
 */
const { realpathSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { createInterface } = require('node:readline');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const TAIL_BYTES = 4096;

/** Worker thread: keeps the compiler loaded and compiles one request at a time. */
function runWorker() {
  const ts = require(workerData.typescript);
  const libDirectory = dirname(workerData.typescript);
  /** Parsed (and, once a program used them, bound) library files, shared by every compile. */
  const libraries = new Map();
  parentPort.on('message', ({ cwd, args }) => {
    try {
      parentPort.postMessage(compile(ts, libDirectory, libraries, cwd, args));
    } catch (error) {
      parentPort.postMessage({ crashed: String(error?.stack ?? error) });
    }
  });
}

/**
 * What `tsc <args>` does without a tsconfig (TypeScript's `executeCommandLine` ->
 * `performCompilation` -> `emitFilesAndReportErrorsAndGetExitStatus`): create the program,
 * collect syntactic, options, global, then semantic diagnostics, emit, report the sorted
 * diagnostics in the non-pretty format (stdout is not a terminal) and return the exit status:
 * 0 without diagnostics, 1 when emit was skipped, 2 otherwise. The only difference is that
 * the standard library's source files are parsed once and reused.
 */
function compile(ts, libDirectory, libraries, cwd, args) {
  const commandLine = ts.parseCommandLine(args);
  if (commandLine.errors.length > 0) return { crashed: 'unexpected command-line errors' };
  const options = commandLine.options;
  const at = (path) => resolve(cwd, path);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getCurrentDirectory = () => cwd;
  host.fileExists = (path) => ts.sys.fileExists(at(path));
  host.directoryExists = (path) => ts.sys.directoryExists(at(path));
  host.readFile = (path) => ts.sys.readFile(at(path));
  host.writeFile = (path, data, bom) => ts.sys.writeFile(at(path), data, bom);
  host.getSourceFile = (fileName, languageVersion, onError, fresh) => {
    const path = at(fileName);
    if (dirname(path) !== libDirectory) return getSourceFile(path, languageVersion, onError, fresh);
    const key = `${path}\0${JSON.stringify(languageVersion)}`;
    let file = libraries.get(key);
    if (file === undefined) {
      file = getSourceFile(path, languageVersion, onError, fresh);
      if (file !== undefined) libraries.set(key, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames: commandLine.fileNames, options, host });
  const diagnostics = [...program.getSyntacticDiagnostics()];
  if (diagnostics.length === 0) {
    diagnostics.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (diagnostics.length === 0) diagnostics.push(...program.getSemanticDiagnostics());
  }
  const emitted = program.emit();
  diagnostics.push(...emitted.diagnostics);
  const sorted = ts.sortAndDeduplicateDiagnostics(diagnostics);
  const formatHost = {
    getCurrentDirectory: () => cwd,
    getCanonicalFileName: (name) => name,
    getNewLine: () => ts.sys.newLine,
  };
  const stdout = sorted.map((diagnostic) => ts.formatDiagnostic(diagnostic, formatHost)).join('');
  const exitCode = sorted.length === 0 ? 0 : emitted.emitSkipped ? 1 : 2;
  return { exitCode, stdout };
}

/** The arguments after `node <tsc>` that this server runs (`--target <t>` and `.ts` files); null to decline. */
function argsToRun(argv, tscScript) {
  if (!Array.isArray(argv) || argv.length < 3 || !argv.every((arg) => typeof arg === 'string')) {
    return null;
  }
  let script;
  try {
    script = realpathSync(argv[1]);
  } catch {
    return null;
  }
  if (script !== tscScript) return null;
  const args = argv.slice(2);
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--target' && index + 1 < args.length && /^[A-Za-z0-9]+$/.test(args[index + 1])) {
      index++;
    } else if (arg.startsWith('-') || !/\.(ts|tsx|mts|cts)$/.test(arg)) {
      return null;
    }
  }
  return args;
}

/** Base64 of the last TAIL_BYTES of `text`, and its length in bytes. */
function tail(text) {
  const bytes = Buffer.from(text, 'utf8');
  return {
    tail: bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64'),
    bytes: bytes.length,
  };
}

function respond(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Main thread: the protocol loop, one request at a time. */
function runServer() {
  const tscScript = realpathSync(process.argv[2]);
  const typescript = resolve(dirname(dirname(tscScript)), 'lib', 'typescript.js');
  let worker;
  let pending;
  const startWorker = () => {
    worker = new Worker(__filename, { workerData: { typescript } });
    worker.on('message', (message) => pending?.finish(message));
    worker.on('error', (error) => pending?.finish({ crashed: String(error) }));
    worker.on('exit', () => {
      worker = undefined;
    });
    worker.unref();
  };
  const stopWorker = () => {
    void worker?.terminate();
    worker = undefined;
  };
  const handle = (request) =>
    new Promise((done) => {
      const id = request.id;
      const args = argsToRun(request.argv, tscScript);
      if (args === null || typeof request.cwd !== 'string') {
        respond({ id, error: 'not a plain `tsc --target <t> <files>` step' });
        done();
        return;
      }
      if (worker === undefined) startWorker();
      const started = performance.now();
      const timer = setTimeout(() => {
        pending = undefined;
        stopWorker();
        respond({
          id,
          exit_code: null,
          signal: 'SIGKILL',
          timed_out: true,
          output_limit_exceeded: false,
          duration_ms: performance.now() - started,
          stdout_tail: '',
          stderr_tail: '',
          stdout_bytes: 0,
          stderr_bytes: 0,
        });
        done();
      }, request.timeout_ms);
      pending = {
        finish(message) {
          clearTimeout(timer);
          pending = undefined;
          if (message.crashed !== undefined) {
            stopWorker();
            respond({ id, error: `tsc failed in-process: ${message.crashed.slice(0, 500)}` });
            done();
            return;
          }
          const stdout = tail(message.stdout);
          const overflow = stdout.bytes > request.max_output_bytes;
          respond({
            id,
            exit_code: overflow ? null : message.exitCode,
            signal: overflow ? 'SIGKILL' : null,
            timed_out: false,
            output_limit_exceeded: overflow,
            duration_ms: performance.now() - started,
            stdout_tail: stdout.tail,
            stderr_tail: '',
            stdout_bytes: stdout.bytes,
            stderr_bytes: 0,
          });
          done();
        },
      };
      worker.postMessage({ cwd: request.cwd, args });
    });
  let queue = Promise.resolve();
  createInterface({ input: process.stdin }).on('line', (line) => {
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      process.exit(2);
    }
    queue = queue.then(() => handle(request));
  });
  process.stdin.on('end', () => {
    void queue.then(() => process.exit(0));
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (isMainThread) runServer();
else runWorker();
