import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for Ruby (see `HostileSuite`). */
export const RUBY_HOSTILE: HostileSuite = {
  language: 'ruby',
  mainFile: 'main.rb',
  prompt: '# Add two numbers x and y\ndef add(x, y)\n',
  tests:
    "end\n\nrequire 'test/unit'\nclass TestHumanEval < Test::Unit::TestCase\n  def test_add\n    candidate = method(:add)\n    assert_equal(5, candidate.call(2, 3))\n    assert_equal(12, candidate.call(7, 5))\n  end\nend\n",
  timeoutMs: 5_000,
  cases: [
    { name: 'correct', completion: '  x + y', expected: 'passed' },
    { name: 'wrong answer', completion: '  x - y', expected: 'failed' },
    { name: 'syntax error', completion: '  x + (', expected: 'compile_error' },
    {
      name: 'early exit 0',
      completion: '  exit(0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'early exit! 0',
      completion: '  exit!(0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    { name: 'endless loop', completion: '  loop {}', expected: 'timeout', timeoutMs: 1500 },
    {
      name: 'endless output',
      completion: "  loop { $stdout.write('x' * 65536) }",
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion: "  a = []\n  64.times { |i| a << ('x' * (1 << 28)) + i.to_s }\n  x + y",
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: '  loop { fork { sleep 1000 } rescue nil }',
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion: "  raise 'secret visible' if ENV['PASSK_HOSTILE_SECRET']\n  x + y",
      expected: 'passed',
    },
  ],
};
