import {
  FORK_BOMB_NEEDS_SANDBOX,
  type HostileSuite,
  MEMORY_BOMB_NEEDS_SANDBOX,
} from '../hostile/hostile-program.ts';

/** Hostile programs for Julia (see `HostileSuite`); not run here (no Julia toolchain). */
export const JULIA_HOSTILE: HostileSuite = {
  language: 'julia',
  mainFile: 'main.jl',
  prompt: '"""Add two numbers x and y"""\nfunction add(x::Int64, y::Int64)::Int64 \n',
  tests:
    'end\nusing Test\n\n@testset begin\n\ncandidate = add;\n\t@test(candidate(2, 3) == 5)\n\t@test(candidate(7, 5) == 12)\nend\n',
  timeoutMs: 5_000,
  cases: [
    { name: 'correct', completion: '    return x + y', expected: 'passed' },
    { name: 'wrong answer', completion: '    return x - y', expected: 'failed' },
    { name: 'syntax error', completion: '    return x + )', expected: 'compile_error' },
    {
      name: 'early exit(0)',
      completion: '    exit(0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'endless loop',
      completion: '    while true end',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion: '    while true; print("x"^65536); end',
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion:
        '    a = [Vector{UInt8}(undef, 1 << 28) for _ in 1:64]; fill!.(a, 0x01)\n    return x + y',
      expected: 'memory_limit',
      sandboxOnly: MEMORY_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'fork bomb',
      completion: '    while true; run(`sleep 1000`; wait=false); end',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        '    haskey(ENV, "PASSK_HOSTILE_SECRET") && error("secret visible")\n    return x + y',
      expected: 'passed',
    },
  ],
};
