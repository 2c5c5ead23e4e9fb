// A language passk does not ship, Tcl (Debian package `tcl`), passing the conformance kit.
import { execFileSync } from 'node:child_process';
import { defineLanguage, type Language } from 'passk';
import { checkLanguage } from 'passk/testing';

const DONE = 'passk: tcl tests done'; // printed after the last test: the evidence they all ran
const tcl = defineLanguage({
  id: 'tcl',
  aliases: ['tclsh'],
  extension: '.tcl',
  async detect() {
    try {
      const path = execFileSync('sh', ['-c', 'command -v tclsh'], { encoding: 'utf8' }).trim();
      const version = execFileSync(path, { input: 'puts [info patchlevel]', encoding: 'utf8' });
      return { available: true, path, version: version.trim() };
    } catch {
      return { available: false, problem: 'tclsh not found (Debian: apt-get install tcl)' };
    }
  },
  steps({ mainFile, timeoutMs }, { path = 'tclsh' }, { timeoutFactor }) {
    return [{ name: 'run', argv: [path, mainFile], timeoutMs: timeoutMs * timeoutFactor }];
  },
  limits: () => ({ maxOutputBytes: 1024 ** 2, maxMemoryBytes: 512 * 1024 ** 2 }),
  classify(_program, { steps: [step] }) {
    if (step === undefined) return { status: 'infra_error', passed: false, detail: 'no step ran' };
    const stderr = step.stderrTail.trim().split('\n')[0] ?? '';
    const rules: [boolean, ReturnType<Language['classify']>['status']][] = [
      [step.timedOut, 'timeout'],
      [step.outputLimitExceeded, 'output_limit'],
      [
        step.limit === 'memory' || /out of memory|unable to (re)?alloc/.test(stderr),
        'memory_limit',
      ],
      [stderr.startsWith('assertion failed'), 'failed'],
      [step.exitCode !== 0, 'runtime_error'],
      [!step.stdoutTail.trimEnd().endsWith(DONE), 'failed'], // exited before its tests ended
    ];
    const status = rules.find(([applies]) => applies)?.[1] ?? 'passed';
    return { status, passed: status === 'passed', detail: stderr || status };
  },
});
// The probes: a candidate, then the benchmark's tests (`double` doubles) and the evidence line.
const ASSERT = 'proc assert {c} {if {![uplevel 1 [list expr $c]]} {error "assertion failed: $c"}}';
const withTests = (c: string) => `${c}\n${ASSERT}\nassert {[double 21] == 42}\nputs "${DONE}"\n`;
const BASE = { language: 'tcl', mainFile: 'main.tcl', judge: 'script', timeoutMs: 5000 } as const;
const program = (contents: string) => ({ ...BASE, files: [{ path: 'main.tcl', contents }] });
const check = await checkLanguage({
  language: tcl,
  probes: {
    program,
    passes: withTests('proc double {x} {return [expr {$x * 2}]}'),
    fails: withTests('proc double {x} {return $x}'),
    earlyExit: withTests('exit 0'),
    endlessLoop: withTests('while 1 {}'),
    memoryBomb: withTests('set s [string repeat x [expr {1 << 30}]]'),
    outputFlood: withTests('while 1 {puts [string repeat x 1000]}'),
  },
});
for (const outcome of check.outcomes) console.log(`${outcome.name}: ${outcome.observed}`);
if (!check.ok) throw new Error(`tcl is not conformant:\n${check.problems.join('\n')}`);
