import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, forkBombCommand, literal as rkt } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.racket);

/** Tries to write every target and to read `read`; errors if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '  (define reached',
    '    (append',
    `     (for/list ([path (list ${targets.map(rkt).join(' ')})]`,
    '                #:when (with-handlers ([exn:fail? (lambda (e) #f)])',
    '                         (call-with-output-file path (lambda (out) (write-string "hostile" out)) #:exists \'replace)',
    '                         #t)',
    `                #:when (equal? path ${rkt(guarded)}))`,
    '       (string-append "wrote " path))',
    `     (if (with-handlers ([exn:fail? (lambda (e) #f)]) (file->string ${rkt(read)})) (list "read") (list))))`,
    '  (unless (null? reached) (error "reached" reached))',
    '  (+ x y)',
  ].join('\n');

/**
 * Racket + rackunit: MultiPL-E's program (`racket main.rkt`; exit code 0 and empty stderr
 * pass; evidence: the sentinel printed after the module ran).
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `  (system ${rkt(forkBombCommand(c))})\n  (let loop () (loop))`, SHORT_TIMEOUT_MS),
    'a shell fork bomb (system), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    '(make-bytes (expt 2 33))',
    ['memory_limit'],
    body(() => '  (make-bytes (expt 2 33))\n  (+ x y)'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        '  (call-with-output-file "filler"',
        '    (lambda (out) (let loop () (write-bytes (make-bytes 1048576 120) out) (loop))))',
        '  (+ x y)',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'write-string without end',
    ['output_limit'],
    body(() => '  (let loop () (write-string (make-string 65536 #\\x)) (loop))'),
  ),
  hostile(
    'endless-sleep',
    '(sleep 1000)',
    ['timeout'],
    body(() => '  (sleep 1000)\n  (+ x y)', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body((c) => `  (system ${rkt(daemonCommand(c))})\n  (+ x y)`),
    'a setsid shell loop holding stdout (system), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `  (when (getenv ${rkt(c.apiKeyName)}) (error "leaked in the environment"))`,
        '  (for ([pid (directory-list "/proc")] #:when (regexp-match? #rx"^[0-9]+$" (path->string pid)))',
        '    (define environ (with-handlers ([exn:fail? (lambda (e) #"")]) (file->bytes (build-path "/proc" pid "environ"))))',
        `    (when (regexp-match? (regexp-quote ${rkt(c.apiKey)}) environ) (error "leaked in" pid)))`,
        '  (+ x y)',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 (tcp-connect, bash /dev/tcp) and to the internet',
    ['passed'],
    body((c) =>
      [
        `  (for ([target (list (cons "127.0.0.1" ${c.port}) (cons "1.1.1.1" 80))])`,
        '    (when (with-handlers ([exn:fail? (lambda (e) #f)]) (tcp-connect (car target) (cdr target)) #t)',
        '      (error "connected to" (car target))))',
        `  (when (system ${rkt(connectCommand(c))}) (error "bash connected"))`,
        '  (+ x y)',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'closes its output and error ports (the sentinel cannot be printed)',
    ['runtime_error'],
    body(
      () =>
        '  (close-output-port (current-output-port))\n  (close-output-port (current-error-port))\n  (+ x y)',
    ),
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => '  (port->string (current-input-port))\n  (+ x y)'),
  ),
  hostile(
    'early-exit',
    '(exit 0) before the tests (MultiPL-E: exit code 0 and no stderr pass)',
    ['runtime_error'],
    body(() => '  (exit 0)'),
    'passed',
  ),
  row.killParent(
    body(() =>
      [
        '  (define parent (cadr (regexp-match #rx"^[0-9]+ [(].*[)] . ([0-9]+)" (file->string "/proc/self/stat"))))',
        '  (system (string-append "kill -9 " parent " 2>/dev/null"))',
        '  (+ x y)',
      ].join('\n'),
    ),
    'SIGKILL to its parent (read from /proc), then the right answer',
  ),
  row.killSelf(
    body(() => '  (system "kill -9 $PPID")\n  (+ x y)'),
    'SIGKILL to its own process (the shell kills its parent) before the tests',
  ),
];

export const RACKET_TABLE: HostileTable = { programs: PROGRAMS };
