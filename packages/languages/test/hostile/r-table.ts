import type { HostileProgram } from '@passk/core/conformance';
import { MULTIPL_E_ADD } from '../multipl-e-add.ts';
import { connectCommand, daemonCommand, forkBombCommand, literal as r } from './hostile-code.ts';
import { fileEntries, hostile, multiplE, SHORT_TIMEOUT_MS } from './hostile-entry.ts';
import * as row from './standard-rows.ts';
import type { HostileTable } from './tables.ts';

const { body } = multiplE(MULTIPL_E_ADD.r);

/** Tries to write every target and to read `read`; stops if the read or a guarded write works. */
const reachOut = (read: string, guarded: string, targets: readonly string[]): string =>
  [
    '    reached <- character(0)',
    `    for (path in c(${targets.map(r).join(', ')})) {`,
    "        wrote <- tryCatch({ writeLines('hostile', path); TRUE }, error = function(e) FALSE, warning = function(w) FALSE)",
    `        if (wrote && path == ${r(guarded)}) reached <- c(reached, paste('wrote', path))`,
    '    }',
    `    if (tryCatch({ readLines(${r(read)}); TRUE }, error = function(e) FALSE, warning = function(w) FALSE)) reached <- c(reached, 'read')`,
    "    if (length(reached) > 0) stop(paste('reached', paste(reached, collapse = ', ')))",
    '    return(x + y)',
  ].join('\n');

/**
 * R: MultiPL-E's program (`Rscript main.r`, exit code; evidence: the sentinel line passk
 * appends after the tests). R cannot close its standard connections: the close-stdout program
 * sinks them instead.
 */
const PROGRAMS: readonly HostileProgram[] = [
  row.forkBomb(
    body((c) => `    system(${r(forkBombCommand(c))})\n    repeat {}`, SHORT_TIMEOUT_MS),
    'a shell fork bomb (system), then a busy loop',
  ),
  hostile(
    'memory-bomb',
    'numeric(2^31): a 16 GiB vector',
    ['memory_limit'],
    body(() => '    v <- numeric(2^31)\n    return(x + y)'),
  ),
  hostile(
    'disk-filler',
    'one file written without end',
    ['output_limit'],
    body(() =>
      [
        "    handle <- file('filler', 'wb')",
        '    chunk <- as.raw(rep(120L, 1048576))',
        '    repeat writeBin(chunk, handle)',
      ].join('\n'),
    ),
  ),
  hostile(
    'endless-output',
    'cat without end',
    ['output_limit'],
    body(() => "    chunk <- strrep('x', 65536)\n    repeat cat(chunk)"),
  ),
  hostile(
    'endless-sleep',
    'Sys.sleep(1000)',
    ['timeout'],
    body(() => '    Sys.sleep(1000)\n    return(x + y)', SHORT_TIMEOUT_MS),
  ),
  row.daemon(
    body((c) => `    system(${r(daemonCommand(c))})\n    return(x + y)`),
    'a setsid shell loop holding stdout (system), then the right answer',
  ),
  row.apiKey(
    body((c) =>
      [
        `    if (Sys.getenv(${r(c.apiKeyName)}, unset = NA) %in% ${r(c.apiKey)} || !is.na(Sys.getenv(${r(c.apiKeyName)}, unset = NA))) stop('leaked in the environment')`,
        "    for (file in Sys.glob('/proc/[0-9]*/environ')) {",
        '        environ <- tryCatch(readBin(file, "raw", 1e6), error = function(e) raw(0), warning = function(w) raw(0))',
        `        if (grepl(${r(c.apiKey)}, rawToChar(environ[environ != as.raw(0)]), fixed = TRUE)) stop(paste('leaked in', file))`,
        '    }',
        '    return(x + y)',
      ].join('\n'),
    ),
  ),
  ...fileEntries(body, reachOut),
  hostile(
    'network',
    'connects to 127.0.0.1 (socketConnection, bash /dev/tcp) and to the internet',
    ['passed'],
    body((c) =>
      [
        `    for (target in list(list('127.0.0.1', ${c.port}), list('1.1.1.1', 80))) {`,
        '        connection <- tryCatch(socketConnection(target[[1]], target[[2]], open = "r+", timeout = 2), error = function(e) NULL, warning = function(w) NULL)',
        "        if (!is.null(connection)) stop(paste('connected to', target[[1]]))",
        '    }',
        `    if (system(${r(connectCommand(c))}) == 0) stop('bash connected')`,
        '    return(x + y)',
      ].join('\n'),
    ),
  ),
  hostile(
    'close-stdout',
    'sinks stdout and messages into /dev/null (the tests complete, the sentinel is lost)',
    ['runtime_error'],
    body(() =>
      [
        "    sink(file('/dev/null', 'w'))",
        "    sink(file('/dev/null', 'w'), type = 'message')",
        '    return(x + y)',
      ].join('\n'),
    ),
    'passed',
  ),
  hostile(
    'block-stdin',
    'reads stdin to its end',
    ['passed'],
    body(() => "    readLines(file('stdin'))\n    return(x + y)"),
  ),
  hostile(
    'early-exit',
    'quit(status = 0) before the tests (MultiPL-E: exit code 0 passes)',
    ['runtime_error'],
    body(() => '    quit(status = 0)'),
    'passed',
  ),
  row.killParent(
    body(() =>
      [
        "    parent <- as.integer(strsplit(sub('^.*\\\\) ', '', readLines('/proc/self/stat')), ' ')[[1]][2])",
        '    tools::pskill(parent, tools::SIGKILL)',
        '    return(x + y)',
      ].join('\n'),
    ),
    'SIGKILL to its parent (read from /proc), then the right answer',
  ),
  row.killSelf(body(() => '    tools::pskill(Sys.getpid(), tools::SIGKILL)\n    return(x + y)')),
];

export const R_TABLE: HostileTable = { programs: PROGRAMS };
