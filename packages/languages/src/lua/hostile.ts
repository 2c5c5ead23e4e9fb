import { FORK_BOMB_NEEDS_SANDBOX, type HostileSuite } from '../hostile/hostile-program.ts';

/** Hostile programs for Lua (see `HostileSuite`). */
export const LUA_HOSTILE: HostileSuite = {
  language: 'lua',
  mainFile: 'main.lua',
  prompt: '-- Add two numbers x and y\nlocal function add(x, y)\n',
  tests:
    "end\n\nlu = require('luaunit')\n\nfunction test_humaneval()\nlocal candidate = add\n    lu.assertEquals(candidate(2, 3), 5)\n    lu.assertEquals(candidate(7, 5), 12)\nend\n\nos.exit(lu.LuaUnit.run())\n",
  timeoutMs: 15_000,
  cases: [
    { name: 'correct', completion: '  return x + y', expected: 'passed' },
    { name: 'wrong answer', completion: '  return x - y', expected: 'failed' },
    { name: 'syntax error', completion: '  return x +', expected: 'compile_error' },
    // luaunit turns os.exit inside a test into a test error: the reference fails it too.
    { name: 'os.exit(0) inside a test', completion: '  os.exit(0)', expected: 'runtime_error' },
    {
      name: 'early exit 0 past luaunit',
      completion: '  lu.unregisterCurrentSuite()\n  os.exit(0)',
      expected: 'runtime_error',
      referencePassed: true,
    },
    {
      name: 'endless loop',
      completion: '  while true do end',
      expected: 'timeout',
      timeoutMs: 1500,
    },
    {
      name: 'endless output',
      completion: "  while true do io.write(string.rep('x', 65536)) end",
      expected: 'output_limit',
    },
    {
      name: 'memory bomb',
      completion:
        "  local t = {}\n  for i = 1, 64 do t[i] = string.rep('x', 2 ^ 28) .. i end\n  return x + y",
      expected: 'memory_limit',
    },
    {
      name: 'fork bomb',
      completion: "  while true do os.execute('sleep 1000 &') end",
      expected: 'timeout',
      sandboxOnly: FORK_BOMB_NEEDS_SANDBOX,
    },
    {
      name: 'reads a planted secret',
      completion:
        "  if os.getenv('PASSK_HOSTILE_SECRET') then error('secret visible') end\n  return x + y",
      expected: 'passed',
    },
  ],
};
