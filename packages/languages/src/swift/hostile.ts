import {
  FORK_BOMB_NEEDS_SANDBOX,
  type HostileSuite,
  MEMORY_BOMB_NEEDS_SANDBOX,
} from '../hostile/hostile-program.ts';

/** Hostile programs for Swift (see `HostileSuite`); not run here (no Swift toolchain). */
export const SWIFT_HOSTILE: HostileSuite = {
  language: 'swift',
  mainFile: 'main.swift',
  prompt: 'import Foundation\n\n/// Add two numbers x and y\nfunc add(x: Int, y: Int) -> Int {\n',
  tests: '}\n\nassert(add(x: 2, y: 3) == 5)\nassert(add(x: 7, y: 5) == 12)\n',
  timeoutMs: 5_000,
  cases: [
    { name: 'correct', completion: '    return x + y', expected: 'passed' },
    { name: 'wrong answer', completion: '    return x - y', expected: 'failed' },
    { name: 'syntax error', completion: '    return x +', expected: 'compile_error' },
    {
      name: 'early exit(0)',
      completion: '    exit(0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    { name: 'endless loop', completion: '    while true {}', expected: 'timeout', timeoutMs: 1500 },
    {
      name: 'endless output',
      completion: '    while true { print(String(repeating: "x", count: 65536)) }',
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion:
        '    var a: [[UInt8]] = []\n    for _ in 0..<64 { a.append([UInt8](repeating: 1, count: 1 << 28)) }\n    return x + y',
      expected: 'memory_limit',
      sandboxOnly: MEMORY_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'fork bomb',
      completion: '    while true { fork() }',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        '    if ProcessInfo.processInfo.environment["PASSK_HOSTILE_SECRET"] != nil { fatalError("secret visible") }\n    return x + y',
      expected: 'passed',
    },
  ],
};
