'use strict';
/*
 * passk's isolated judge for Node.js test programs (MultiPL-E JavaScript/TypeScript, HumanEval-X
 * JavaScript): the benchmark's tests run in this process (A), the candidate's code in another (B,
 * `isolated-candidate.cjs`) that never sees the tests.
 *
 *   node isolated-judge.cjs <multipl-e|humaneval-x> <file> [other file holding the tests …]
 *
 * A reads <file>, deletes it and the other files named, and splits it at the benchmark's tests
 * (MultiPL-E: the last `const assert = require('node:assert');` line; HumanEval-X: the last
 * `const testX = () => {` line). B gets the candidate part through a pipe and serves calls; the
 * tests run in A with the candidate's names bound to proxies: arguments go as plain data, results
 * come back as plain data decoded by A (no object of B's reaches the tests), synchronously (a
 * worker thread talks to B while the tests wait on Atomics.wait). A's own stdout carries exactly
 * one line, `__passk_js_verdict__ {"strict": {"status", "detail"} | null}`; B's output is dropped.
 * `strict` is null when the program has no test part to split off. Nothing runs (a
 * `runtime_error`) when the reference run left no completion report: it cannot have passed.
 */
const { isMainThread, Worker, workerData, MessageChannel, receiveMessageOnPort } =
  require('node:worker_threads');

const VERDICT_MARK = '__passk_js_verdict__ ';
/** The completion hook's report of the reference run (`completion-hook.cjs`). */
const COMPLETION_REPORT = 'passk-completion.json';

/** Worker: starts B and relays lines between A's main thread and B. */
function serve() {
  const { spawn } = require('node:child_process');
  const { createInterface } = require('node:readline');
  const { port, flag, candidate } = workerData;
  const signal = () => {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  // B runs under a shell, so that B's parent is not A: a program that kills its parent ends
  // the shell, not the judge. B is gone when its channel closes (every holder of it ended).
  const child = spawn('/bin/sh', ['-c', '"$0" "$1"; exit $?', process.execPath, candidate], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const channel = child.stdio[3];
  channel.on('error', () => {});
  const lines = createInterface({ input: channel });
  lines.on('line', (line) => {
    port.postMessage({ line });
    signal();
  });
  lines.on('close', () => {
    port.postMessage({ exit: 'its channel closed' });
    signal();
  });
  child.on('error', (error) => {
    port.postMessage({ exit: `not started: ${error.message}` });
    signal();
  });
  port.on('message', (message) => {
    if (message.kill) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      port.postMessage({ killed: true });
      signal();
      return;
    }
    channel.write(`${message.line}\n`);
  });
}

class JudgeTimeout extends Error {}

function main() {
  const { readFileSync, unlinkSync } = require('node:fs');
  const { resolve } = require('node:path');
  const [judge, file, ...hidden] = process.argv.slice(2);
  const timeoutMs = Number(process.env.PASSK_JUDGE_TIMEOUT_MS || 0) || 10_000;
  const deadline = Date.now() + timeoutMs;
  const report = (strict) => {
    process.stdout.write(`\n${VERDICT_MARK}${JSON.stringify({ strict })}\n`, () => process.exit(0));
  };
  // The reference rule passes only a run that ended naturally, which the completion hook
  // reports in the work directory: without that report the tests need not run here. (A report
  // gone missing after a pass is refused: the skip is reported as a runtime error.)
  let completion;
  try {
    completion = JSON.parse(readFileSync(COMPLETION_REPORT, 'utf8'));
  } catch {}
  if (completion?.completed !== true || completion?.tests !== true) {
    return report({
      status: 'runtime_error',
      detail: 'not run: the reference run did not complete',
    });
  }
  const source = readFileSync(file, 'utf8');
  for (const name of [file, ...hidden]) {
    try {
      unlinkSync(name);
    } catch {}
  }
  const split = splitProgram(judge, source);
  if (split === undefined) return report(null);

  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(__filename, {
    workerData: { port: port2, flag, candidate: resolve(__dirname, 'isolated-candidate.cjs') },
    transferList: [port2],
  });
  worker.unref();
  let ended;
  const next = () => {
    for (;;) {
      const received = receiveMessageOnPort(port1);
      if (received !== undefined) return received.message;
      const left = deadline - Date.now();
      if (left <= 0) throw new JudgeTimeout('timed out');
      Atomics.wait(flag, 0, 0, left);
      Atomics.store(flag, 0, 0);
    }
  };
  const ask = (message) => {
    if (ended !== undefined) throw new Error(`the candidate's process ended (${ended})`);
    port1.postMessage({ line: JSON.stringify(message) });
    const reply = next();
    if (reply.exit !== undefined) {
      ended = reply.exit;
      throw new Error(`the candidate's process ended (${ended})`);
    }
    return JSON.parse(reply.line);
  };
  const stop = () => {
    port1.postMessage({ kill: true });
    try {
      while (!next().killed);
    } catch {}
  };

  let strict;
  const output = [];
  try {
    const names = testNames(split.tests);
    const loaded = ask({ load: split.candidate, names });
    if (loaded.error) throw rebuildError(loaded.error);
    const bound = names.filter((name) => name in loaded.names);
    const values = bound.map((name) => {
      const form = loaded.names[name];
      if (form !== 'function') return decode(form);
      return function candidateProxy(...args) {
        const reply = ask({ call: name, args: args.map((arg) => encode(arg, 0)) });
        if (reply.error) throw rebuildError(reply.error);
        return decode(reply.value);
      };
    });
    const { runInThisContext } = require('node:vm');
    const run = runInThisContext(
      `(function (require, console, ${bound.join(', ')}) {${split.tests}\n})`,
      { filename: 'passk-tests.js' },
    );
    run(require, recordingConsole(output), ...values);
    strict = outcome(judge, undefined, output);
  } catch (error) {
    strict = outcome(judge, error, output);
  }
  stop();
  report(strict);
}

/** The candidate part and the tests, or undefined when the tests are not found. */
function splitProgram(judge, source) {
  const pattern =
    judge === 'humaneval-x'
      ? /^const test\w+ = \(\) => \{$/gm
      : /^const assert = require\('node:assert'\);?\n\s*function test\(\) \{$/gm;
  let at = -1;
  for (const match of source.matchAll(pattern)) at = match.index;
  if (at < 0) return undefined;
  return { candidate: source.slice(0, at), tests: source.slice(at) };
}

const RESERVED = new Set(
  `break case catch class const continue debugger default delete do else enum export extends false
  finally for function if import in instanceof new null return super switch this throw true try
  typeof var void while with yield let static implements interface package private protected
  public await async of undefined NaN Infinity arguments eval require console`.split(/\s+/),
);

/** Identifiers the tests use but neither declare nor find among the globals: the candidate's names. */
function testNames(tests) {
  const declared = new Set(
    [...tests.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)].map(
      (match) => match[1],
    ),
  );
  const names = new Set();
  for (const match of tests.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) {
    const name = match[0];
    if (RESERVED.has(name) || declared.has(name) || name in globalThis) continue;
    names.add(name);
  }
  return [...names];
}

/** A console whose every use is recorded (HumanEval-X fails on any output). */
function recordingConsole(output) {
  const record = (...args) => output.push(args.map(String).join(' '));
  return {
    log: record,
    info: record,
    warn: record,
    error: record,
    debug: record,
    trace: record,
    dir: record,
    assert: (condition, ...args) => {
      if (!condition) output.push(['Assertion failed', ...args.map(String)].join(': '));
    },
  };
}

function outcome(judge, error, output) {
  if (error instanceof JudgeTimeout) return { status: 'timeout', detail: 'timed out' };
  if (error !== undefined) {
    const name = error && typeof error.name === 'string' ? error.name : 'Error';
    const message = `${name}: ${error?.message}`.slice(0, 300);
    if (judge !== 'humaneval-x' && error && error.code === 'ERR_ASSERTION') {
      return { status: 'failed', detail: message };
    }
    return { status: 'runtime_error', detail: message };
  }
  if (judge === 'humaneval-x' && output.length > 0) {
    return { status: 'failed', detail: output.join('; ').slice(0, 300) };
  }
  return { status: 'passed', detail: 'passed' };
}

const ERRORS = { TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError };

function rebuildError({ name, message }) {
  const Type = ERRORS[name] ?? Error;
  const error = new Type(String(message));
  if (Type === Error) error.name = String(name);
  return error;
}

/** An argument of A's as plain data (the same forms as the candidate's `encode`). */
function encode(value, depth) {
  if (depth > 64) return { x: 'too deep' };
  if (value === undefined) return { u: 1 };
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value)) return { n: String(value) };
    return Object.is(value, -0) ? { n: '-0' } : { v: value };
  }
  if (typeof value === 'bigint') return { b: value.toString() };
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return { v: value };
  if (typeof value !== 'object') return { x: typeof value };
  if (Array.isArray(value)) return { a: Array.from(value, (item) => encode(item, depth + 1)) };
  if (value instanceof Map) {
    return { m: [...value].map(([k, v]) => [encode(k, depth + 1), encode(v, depth + 1)]) };
  }
  if (value instanceof Set) return { s: [...value].map((item) => encode(item, depth + 1)) };
  if (value instanceof Date) return { d: value.getTime() };
  return { o: Object.keys(value).map((key) => [key, encode(value[key], depth + 1)]) };
}

/** A candidate's answer as A's own plain values; anything else is an opaque object equal only to itself. */
function decode(form) {
  if (typeof form !== 'object' || form === null) return opaque('malformed');
  if ('v' in form) {
    const value = form.v;
    const type = typeof value;
    return value === null || type === 'string' || type === 'number' || type === 'boolean'
      ? value
      : opaque('malformed');
  }
  if ('u' in form) return undefined;
  if ('n' in form) return form.n === '-0' ? -0 : Number(form.n);
  if ('b' in form) return BigInt(String(form.b));
  if ('a' in form && Array.isArray(form.a)) return form.a.map(decode);
  if ('o' in form && Array.isArray(form.o)) {
    const object = {};
    for (const [key, item] of form.o) {
      Object.defineProperty(object, String(key), {
        value: decode(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }
  if ('m' in form && Array.isArray(form.m)) {
    return new Map(form.m.map(([k, v]) => [decode(k), decode(v)]));
  }
  if ('s' in form && Array.isArray(form.s)) return new Set(form.s.map(decode));
  if ('d' in form) return new Date(Number(form.d));
  return opaque(String(form.x));
}

function opaque(kind) {
  return Object.freeze(Object.create(null, { [Symbol.toStringTag]: { value: `opaque ${kind}` } }));
}

if (isMainThread) main();
else serve();
