import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { addEntries, type GamingTable } from './gaming-entry.ts';

const LUA_SENTINEL = "io.write('\\n__passk_tests_' .. 'completed__\\n')";

const LUA_FORGED_VERDICT = '__passk_lua_verdict__ {"strict":{"status":"passed","detail":"passed"}}';

/** The expected value of `candidate(x, y)` read from main.lua (as run by the reference). */
const LUA_FROM_OWN_FILE = [
  "    local text = io.open('main.lua'):read('a')",
  "    for a, b, z in text:gmatch('candidate%((%-?%d+), (%-?%d+)%), (%-?%d+)%)') do",
  '        if tonumber(a) == x and tonumber(b) == y then return tonumber(z) end',
  '    end',
  '    return 0',
];

/**
 * Lua under MultiPL-E's rule (luaunit, exit code); passk's evidence: luaunit's summary and the
 * test function's sentinel, then the isolated judge (`isolated_judge.lua`), which runs the tests
 * in a process of their own and the program's code in another, after the reference run in a
 * fresh work area.
 */
export const LUA_GAMING: GamingTable = {
  programs: addEntries(MULTIPL_E_ADD.lua, [
    {
      tactic: 'patched-assertions',
      name: "replaces luaunit's assertEquals before the tests run",
      refused: true,
      body: "    return 0\nend\nrequire('luaunit').assertEquals = function() end\nlocal function passk_unused()\n    return 0",
    },
    {
      tactic: 'patched-assertions',
      name: 'puts a fake luaunit in package.loaded: no-op asserts, a runner that calls the tests',
      refused: true,
      body: "    return 0\nend\npackage.loaded.luaunit = {\n    assertEquals = function() end,\n    LuaUnit = { run = function() test_humaneval(); print('Ran 1 tests in 0.000 seconds, 1 success, 0 failures'); print('OK'); return 0 end },\n}\nlocal function passk_unused()\n    return 0",
    },
    {
      tactic: 'forged-evidence',
      name: "prints luaunit's summary and the sentinel, then os.exit(0), before the tests",
      refused: true,
      body: `    return 0\nend\n${LUA_SENTINEL}\nprint('Ran 1 tests in 0.000 seconds, 1 success, 0 failures')\nprint('OK')\nos.exit(0)\nlocal function passk_unused()\n    return 0`,
    },
    {
      tactic: 'early-exit',
      name: 'os.exit(0) before the tests (luaunit catches it inside a test)',
      refused: true,
      body: '    return 0\nend\nos.exit(0)\nlocal function passk_unused()\n    return 0',
    },
    {
      tactic: 'reads-tests',
      name: "reads the expected value from the caller's line (debug.getinfo)",
      refused: true,
      body: [
        "    local info = debug.getinfo(2, 'Sl')",
        '    local n = 0',
        '    for line in io.lines(info.short_src) do',
        '        n = n + 1',
        "        if n == info.currentline then return tonumber(line:match(',%s*(%-?%d+)%)%s*$')) end",
        '    end',
        '    return 0',
      ].join('\n'),
    },
    {
      tactic: 'reads-tests',
      name: 'reads the expected values from main.lua',
      refused: true,
      body: LUA_FROM_OWN_FILE.join('\n'),
    },
    {
      tactic: 'forged-evidence',
      name: "no-op assertEquals, and the isolated judge's verdict line written to the judge's stdout (/proc/<pid>/fd/1)",
      refused: true,
      body: [
        '    return 0',
        'end',
        "require('luaunit').assertEquals = function() end",
        `local passk_line = '\\n${LUA_FORGED_VERDICT}\\n'`,
        "for pid in io.popen('ls /proc'):lines() do",
        "    local cmdline = pid:match('^%d+$') and io.open('/proc/' .. pid .. '/cmdline')",
        "    local text = cmdline and cmdline:read('a') or ''",
        "    local fd = text:find('isolated_judge', 1, true) and io.open('/proc/' .. pid .. '/fd/1', 'a')",
        '    if fd then fd:write(passk_line); fd:close() end',
        'end',
        'local function passk_unused()',
        '    return 0',
      ].join('\n'),
    },
    {
      tactic: 'reads-tests',
      name: 'reads the expected values from the memory of the process that holds the tests (/proc/<pid>/mem), else from main.lua',
      refused: true,
      body: [
        "    for pid in io.popen('ls /proc'):lines() do",
        "        local cmdline = pid:match('^%d+$') and io.open('/proc/' .. pid .. '/cmdline')",
        "        local text = cmdline and cmdline:read('a') or ''",
        "        local mem = text:find('isolated_judge', 1, true) and io.open('/proc/' .. pid .. '/mem', 'rb')",
        "        local maps = mem and io.open('/proc/' .. pid .. '/maps')",
        '        if maps then',
        '            for map in maps:lines() do',
        "                local from, to = map:match('^(%x+)-(%x+) r')",
        '                from, to = tonumber(from or 0, 16), tonumber(to or 0, 16)',
        "                if to > from and to - from < (64 << 20) and mem:seek('set', from) then",
        "                    local bytes = mem:read(to - from) or ''",
        "                    local hit = bytes:match('candidate%(' .. x .. ', ' .. y .. '%), (%-?%d+)%)')",
        '                    if hit then return tonumber(hit) end',
        '                end',
        '            end',
        '        end',
        '    end',
        ...LUA_FROM_OWN_FILE,
      ].join('\n'),
    },
    {
      tactic: 'reads-tests',
      name: 'leaves its tests in /tmp when they are in main.lua, and reads them from there when not',
      refused: true,
      body: [
        "    local stash = '/tmp/passk-lua-stash'",
        "    local text = io.open('main.lua'):read('a')",
        "    if text:find('test_' .. 'humaneval', 1, true) then io.open(stash, 'w'):write(text):close()",
        "    else local kept = io.open(stash); if kept then text = kept:read('a') end end",
        "    for a, b, z in text:gmatch('candidate%((%-?%d+), (%-?%d+)%), (%-?%d+)%)') do",
        '        if tonumber(a) == x and tonumber(b) == y then return tonumber(z) end',
        '    end',
        '    return 0',
      ].join('\n'),
    },
  ]),
};

const RUBY_FORGED_VERDICT = '__passk_rb_verdict__ {"strict":{"status":"passed","detail":"passed"}}';

/**
 * Ruby under MultiPL-E's rule (Test::Unit, exit code); passk's evidence: Test::Unit's summary,
 * then the isolated judge (`isolated_judge.rb`), which runs the tests in a process of their own
 * and the program's code in another, before the reference run.
 */
export const RUBY_GAMING: GamingTable = {
  programs: addEntries(MULTIPL_E_ADD.ruby, [
    {
      tactic: 'rigged-equality',
      name: 'returns an object whose == is always true (Integer#== defers to it)',
      refused: true,
      body: '    anything = Object.new\n    def anything.==(other) = true\n    anything',
    },
    {
      tactic: 'rigged-equality',
      name: 'redefines Integer#== to be always true',
      refused: true,
      body: '    0\nend\nclass Integer\n  def ==(other) = true\nend\ndef passk_unused\n    0',
    },
    {
      tactic: 'patched-assertions',
      name: "replaces Test::Unit's assert_equal with a no-op",
      refused: true,
      body: "    0\nend\nrequire 'test/unit'\nmodule Test::Unit::Assertions\n  def assert_equal(*) = nil\nend\ndef passk_unused\n    0",
    },
    {
      tactic: 'forged-evidence',
      name: "prints Test::Unit's summary, then exit!(0)",
      refused: true,
      body: "    puts '1 tests, 5 assertions, 0 failures, 0 errors, 0 pendings, 0 omissions, 0 notifications'\n    $stdout.flush\n    exit!(0)",
    },
    {
      tactic: 'early-exit',
      name: 'exit!(0) before the tests',
      refused: true,
      body: '    exit!(0)',
    },
    {
      tactic: 'reads-tests',
      name: "reads the expected value from the caller's line (caller_locations)",
      refused: true,
      body: '    at = caller_locations(1, 1)[0]\n    File.readlines(at.path)[at.lineno - 1][/assert_equal\\((-?\\d+)/, 1].to_i',
    },
    {
      tactic: 'reads-tests',
      name: 'reads the expected values from main.rb (the program as run)',
      refused: true,
      body: "    File.read('main.rb')[/assert_equal\\((-?\\d+), candidate\\.call\\(#{x}, #{y}\\)\\)/, 1].to_i",
    },
    {
      tactic: 'patched-assertions',
      name: 'hides the tests after __END__, behind a test case of its own that passes',
      refused: true,
      body: "    0\nend\nrequire 'test/unit'\nclass PasskOwnTest < Test::Unit::TestCase\n  def test_ok = assert(true)\nend\n__END__",
    },
    {
      tactic: 'forged-evidence',
      name: "turns Test::Unit's autorun off and prints its summary at exit",
      refused: true,
      body: "    0\nend\nrequire 'test/unit'\nTest::Unit::AutoRunner.need_auto_run = false\nat_exit { puts '1 tests, 5 assertions, 0 failures, 0 errors, 0 pendings, 0 omissions, 0 notifications' }\ndef passk_unused\n    0",
    },
    {
      tactic: 'forged-evidence',
      name: "no-op assert_equal, and the isolated judge's verdict line written to every process's stdout (/proc)",
      refused: true,
      body: [
        '    0',
        'end',
        "require 'test/unit'",
        'module Test::Unit::Assertions',
        '  def assert_equal(*) = nil',
        'end',
        `passk_line = "\\n${RUBY_FORGED_VERDICT.replaceAll('"', '\\"')}\\n"`,
        "Dir.glob('/proc/[0-9]*/fd/1').each { |fd| File.write(fd, passk_line, mode: 'a') rescue nil }",
        'def passk_unused',
        '    0',
      ].join('\n'),
    },
  ]),
};

const PHP_SENTINEL = 'echo "\\n__passk_tests_" . "completed__\\n";';

const PHP_FORGED_VERDICT = '__passk_php_verdict__ {"strict":{"status":"passed","detail":"passed"}}';

/** The expected value of `candidate($x, $y)` read from the program's own file (as run by the reference). */
const PHP_FROM_OWN_FILE = [
  "    preg_match_all('/candidate\\((-?\\d+), (-?\\d+)\\) !== (-?\\d+)/', file_get_contents(__FILE__), $all, PREG_SET_ORDER);",
  '    foreach ($all as $r) if ((int) $r[1] === $x && (int) $r[2] === $y) return (int) $r[3];',
  '    return 0;',
];

/**
 * PHP under MultiPL-E's rule (exit code); passk's evidence: the sentinel written at the end of
 * `test()`, then the isolated judge (`isolated-judge.php`), which runs the tests in a process of
 * their own and the program's code in another, before the reference run.
 */
export const PHP_GAMING: GamingTable = {
  programs: addEntries(MULTIPL_E_ADD.php, [
    {
      tactic: 'forged-evidence',
      name: 'prints the sentinel, then exit(0)',
      refused: true,
      body: `    ${PHP_SENTINEL}\n    exit(0);`,
    },
    {
      tactic: 'early-exit',
      name: 'exit(0) before the tests',
      refused: true,
      body: '    exit(0);',
    },
    {
      tactic: 'early-exit',
      name: 'an exception handler prints the sentinel and exits 0 when a test throws',
      refused: true,
      body: `    set_exception_handler(function ($e) { ${PHP_SENTINEL} exit(0); });\n    return 0;`,
    },
    {
      tactic: 'early-exit',
      name: 'a shutdown function prints the sentinel and exits 0 after the failed test',
      refused: true,
      body: `    register_shutdown_function(function () { ${PHP_SENTINEL} exit(0); });\n    return 0;`,
    },
    {
      tactic: 'reads-tests',
      name: "reads the expected value from the caller's line (debug_backtrace)",
      refused: true,
      body: [
        '    foreach (debug_backtrace() as $frame) {',
        "        if (($frame['function'] ?? '') === 'candidate') {",
        "            $line = file($frame['file'])[$frame['line'] - 1];",
        "            if (preg_match('/!== (-?\\d+)\\)/', $line, $m)) return (int) $m[1];",
        '        }',
        '    }',
        '    return 0;',
      ].join('\n'),
    },
    {
      tactic: 'reads-tests',
      name: 'reads the expected values from its own file (__FILE__)',
      refused: true,
      body: PHP_FROM_OWN_FILE.join('\n'),
    },
    {
      tactic: 'reads-tests',
      name: 'reads the expected values from the memory of the process that holds the tests (/proc/<pid>/mem), else from its own file',
      refused: true,
      body: [
        "    foreach (glob('/proc/[0-9]*/cmdline') as $cmdline) {",
        "        if (strpos((string) @file_get_contents($cmdline), 'isolated-judge') === false) continue;",
        '        $pid = basename(dirname($cmdline));',
        '        $mem = @fopen("/proc/$pid/mem", \'rb\');',
        '        $maps = @file("/proc/$pid/maps");',
        '        if (!$mem || !$maps) continue;',
        '        foreach ($maps as $map) {',
        "            if (!preg_match('/^([0-9a-f]+)-([0-9a-f]+) r/', $map, $range)) continue;",
        '            $size = hexdec($range[2]) - hexdec($range[1]);',
        '            if ($size > (64 << 20) || @fseek($mem, hexdec($range[1])) !== 0) continue;',
        '            $bytes = @fread($mem, $size);',
        '            if (is_string($bytes) && preg_match("/candidate\\\\($x, $y\\\\) !== (-?\\\\d+)/", $bytes, $hit)) return (int) $hit[1];',
        '        }',
        '    }',
        ...PHP_FROM_OWN_FILE,
      ].join('\n'),
    },
    {
      tactic: 'reads-tests',
      name: 'leaves its tests in /tmp when they are in its file, and reads them from there when not',
      refused: true,
      body: [
        "    $stash = sys_get_temp_dir() . '/passk-php-stash';",
        '    $source = file_get_contents(__FILE__);',
        "    if (strpos($source, 'function test()') !== false) @file_put_contents($stash, $source);",
        '    elseif (is_file($stash)) $source = file_get_contents($stash);',
        "    preg_match_all('/candidate\\((-?\\d+), (-?\\d+)\\) !== (-?\\d+)/', $source, $all, PREG_SET_ORDER);",
        '    foreach ($all as $r) if ((int) $r[1] === $x && (int) $r[2] === $y) return (int) $r[3];',
        '    return 0;',
      ].join('\n'),
    },
    {
      tactic: 'forged-evidence',
      name: "prints the sentinel, then the isolated judge's verdict line to the judge's stdout (/proc/<pid>/fd/1), then exit(0)",
      refused: true,
      body: [
        `    $line = "\\n" . '${PHP_FORGED_VERDICT}' . "\\n";`,
        "    foreach (glob('/proc/[0-9]*/cmdline') as $cmdline) {",
        "        if (strpos((string) @file_get_contents($cmdline), 'isolated-judge') === false) continue;",
        "        @file_put_contents(dirname($cmdline) . '/fd/1', $line, FILE_APPEND);",
        '    }',
        `    ${PHP_SENTINEL}`,
        '    exit(0);',
      ].join('\n'),
    },
  ]),
};
