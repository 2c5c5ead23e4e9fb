<?php
/*
 * passk's isolated judge for MultiPL-E PHP programs: the benchmark's tests run in this process
 * (A), the candidate's code in another (B, `isolated-candidate.php`) that never sees the tests.
 *
 *   php -d ffi.enable=1 isolated-judge.php <file> <timeout in ms>
 *
 * MultiPL-E runs `prompt + completion + tests` in one process and takes exit code 0 as a pass,
 * so a program can print passk's completion sentinel and exit, exit 0 from an exception handler
 * or a shutdown function when a test throws, or read the expected values from its own file or
 * the caller's line. Here:
 *
 * - A makes itself non-dumpable (PR_SET_DUMPABLE through FFI: no other process of the same user
 *   can ptrace it, read its memory or open its descriptors through /proc), keeps its stdout on a
 *   close-on-exec descriptor for the verdict and points descriptor 1 at stderr (whatever else A
 *   prints goes there). Then it reads <file> and splits it at the benchmark's tests: the last
 *   `function candidate(...$args) {` / `return <entry>(...$args);` / `}` followed by
 *   `function test(): void {` and ending with `test();`. Without such a split the program is
 *   judged by the reference rule alone (`strict` is null) and the file is left as it was.
 * - <file> is rewritten with the candidate part only (the prompt and the completion: the same
 *   path, lines and `__FILE__` as in the reference run), and B starts under `setsid` and a shell
 *   (its parent is not A, it leads a process group of its own), stdin, stdout and stderr on
 *   /dev/null, descriptors 3 (A's calls) and 4 (its answers) as its only channel. B includes the
 *   file at its top level and serves calls of the entry point.
 * - The tests run in A: the entry point is a function of A's that calls B. Arguments and results
 *   cross as PHP's serialize() of plain values (null, bool, int, float bit for bit, string,
 *   array); A unserializes without classes and replaces anything else by an object equal to
 *   nothing, so `!==` is decided on A's own values by A's own code, which B cannot reach.
 * - When the tests are done (or <timeout> has passed), B's process group is killed, what B left
 *   in the work directory is removed and <file> is written back as it was (the judge leaves the
 *   work directory as it found it). This judge runs after the reference run, in a fresh work
 *   area (passk's `Step.freshFiles`: the program's files only, an empty /tmp), so nothing the
 *   reference run left, such as a copy of the tests, is there for B to read.
 * - A's stdout carries exactly one line, `__passk_php_verdict__ {"strict": {"status", "detail"} | null}`,
 *   written by A alone (B never holds A's stdout). A exits 0 whenever it could judge.
 */

final class PasskPhpJudgeTimeout extends Error
{
}

final class PasskPhpCandidateGone extends Error
{
}

final class PasskPhpJudge
{
    const VERDICT_MARK = '__passk_php_verdict__ ';
    /** The benchmark's tests: the candidate wrapper, then the test function (group 1: the entry point). */
    const TESTS_START = '/^function candidate\(\.\.\.\$args\) \{\n    return ([A-Za-z_][A-Za-z0-9_]*)\(\.\.\.\$args\);\n\}\n\nfunction test\(\): void \{\n/m';
    const TESTS_END = '/\n\}\n\s*test\(\);\s*$/';
    const MAX_FRAME_BYTES = 256 * 1024 * 1024;

    /** @var int descriptor of the real stdout, for the verdict line */
    private static $out = -1;
    private static $reported = false;
    private static $deadline = 0.0;
    private static $process = null;
    private static $pid = 0;
    private static $commands = null;
    private static $answers = null;
    private static $buffer = '';
    private static $timedOut = false;
    /** @var array{string, string, array}|null the program file, its contents, the names beside it */
    private static $restore = null;

    public static function main(array $argv): void
    {
        $libc = FFI::cdef('int prctl(int option, ...); int fcntl(int fd, int cmd, ...); int dup2(int from, int to);');
        // Non-dumpable before anything else (PR_SET_DUMPABLE = 4): the tests will be in this memory.
        if ($libc->prctl(4, 0, 0, 0, 0) !== 0) {
            fwrite(STDERR, "passk: prctl(PR_SET_DUMPABLE, 0) failed\n");
            exit(2);
        }
        // F_DUPFD_CLOEXEC = 1030: the verdict's descriptor is not inherited by B.
        self::$out = $libc->fcntl(1, 1030, 3);
        if (self::$out < 0 || $libc->dup2(2, 1) !== 1) {
            fwrite(STDERR, "passk: cannot keep stdout for the verdict\n");
            exit(2);
        }
        register_shutdown_function([self::class, 'shutdown']);
        $file = (string) ($argv[1] ?? '');
        $timeoutMs = (int) ($argv[2] ?? 0);
        self::$deadline = microtime(true) + ($timeoutMs > 0 ? $timeoutMs : 10000) / 1000;
        self::report(self::judge($file));
    }

    /** A fatal error in A (memory, a broken answer): the tests did not pass. */
    public static function shutdown(): void
    {
        self::restore();
        if (!self::$reported) {
            $error = error_get_last();
            self::report(self::outcome('runtime_error', 'the isolated judge stopped: ' . ($error['message'] ?? 'unknown')));
        }
    }

    private static function report(?array $strict): void
    {
        self::$reported = true;
        $line = "\n" . self::VERDICT_MARK . json_encode(['strict' => $strict], JSON_INVALID_UTF8_SUBSTITUTE | JSON_UNESCAPED_SLASHES) . "\n";
        $stream = fopen('php://fd/' . self::$out, 'w');
        fwrite($stream, $line);
        fflush($stream);
        exit(0);
    }

    /** The tests' outcome, or null when the program has no test part to split off. */
    private static function judge(string $file): ?array
    {
        $source = file_get_contents($file);
        if (!is_string($source)) {
            return null;
        }
        $split = self::split($source);
        if ($split === null) {
            return null;
        }
        [$candidate, $tests, $entry] = $split;
        self::$restore = [$file, $source, scandir('.')];
        unlink($file);
        file_put_contents($file, $candidate);
        try {
            return self::runApart($file, $tests, $entry);
        } finally {
            self::restore();
        }
    }

    /** Kills B, removes what it left in the work directory and writes the program file back. */
    private static function restore(): void
    {
        self::stopCandidate();
        if (self::$restore === null) {
            return;
        }
        [$file, $source, $kept] = self::$restore;
        self::$restore = null;
        foreach (array_diff(scandir('.') ?: [], $kept) as $name) {
            self::remove($name);
        }
        @unlink($file);
        file_put_contents($file, $source);
    }

    /** [candidate part, tests, entry point], or null. */
    private static function split(string $source): ?array
    {
        if (preg_match_all(self::TESTS_START, $source, $matches, PREG_OFFSET_CAPTURE) < 1) {
            return null;
        }
        $last = count($matches[0]) - 1;
        $at = $matches[0][$last][1];
        $tests = substr($source, $at);
        if (preg_match(self::TESTS_END, $tests) !== 1) {
            return null;
        }
        return [substr($source, 0, $at), $tests, $matches[1][$last][0]];
    }

    private static function runApart(string $file, string $tests, string $entry): array
    {
        try {
            self::startCandidate($file, $entry);
            $ready = self::receive();
            if (isset($ready['error'])) {
                return self::outcome('runtime_error', "the program's code did not run apart from its tests: " . self::text($ready['error']));
            }
            if (($ready['defined'] ?? false) === true && !function_exists($entry)) {
                eval('function ' . $entry . '(...$args) { return PasskPhpJudge::call(' . var_export($entry, true) . ', $args); }');
            }
            ob_start(function () {
                return '';
            }, 4096);
            try {
                eval($tests);
            } finally {
                ob_end_clean();
            }
            return self::outcome('passed', 'passed');
        } catch (PasskPhpJudgeTimeout $e) {
            return self::outcome('timeout', 'the tests timed out');
        } catch (PasskPhpCandidateGone $e) {
            return self::outcome('runtime_error', "the program's process ended or broke the protocol (" . $e->getMessage() . ')');
        } catch (Throwable $e) {
            $status = get_class($e) === 'Exception' && $e->getMessage() === 'Test failed!' ? 'failed' : 'runtime_error';
            return self::outcome($status, get_class($e) . ': ' . $e->getMessage());
        }
    }

    /** The entry point's call in B: the tests' `candidate(...)` lands here. */
    public static function call(string $name, array $args)
    {
        self::send(['call' => $name, 'args' => $args]);
        $reply = self::receive();
        if (array_key_exists('error', $reply)) {
            throw new RuntimeException('the program raised ' . self::text($reply['error']));
        }
        if (!array_key_exists('value', $reply)) {
            throw new PasskPhpCandidateGone('a malformed answer');
        }
        return $reply['value'];
    }

    private static function startCandidate(string $file, string $entry): void
    {
        $candidate = __DIR__ . '/isolated-candidate.php';
        $pipes = [];
        self::$process = proc_open(
            ['setsid', '/bin/sh', '-c', '"$0" "$@"; exit $?', PHP_BINARY, $candidate, $file, $entry],
            [
                0 => ['file', '/dev/null', 'r'],
                1 => ['file', '/dev/null', 'w'],
                2 => ['file', '/dev/null', 'w'],
                3 => ['pipe', 'r'],
                4 => ['pipe', 'w'],
            ],
            $pipes,
        );
        if (!is_resource(self::$process)) {
            throw new PasskPhpCandidateGone('not started');
        }
        self::$pid = (int) proc_get_status(self::$process)['pid'];
        self::$commands = $pipes[3];
        self::$answers = $pipes[4];
        stream_set_blocking(self::$answers, false);
    }

    private static function stopCandidate(): void
    {
        if (self::$process === null) {
            return;
        }
        foreach ([self::$commands, self::$answers] as $pipe) {
            if (is_resource($pipe)) {
                fclose($pipe);
            }
        }
        // setsid made the shell the leader of B's group; before it ran, the pid alone.
        @posix_kill(-self::$pid, 9);
        @posix_kill(self::$pid, 9);
        proc_close(self::$process);
        self::$process = null;
    }

    /** One frame: the length in decimal, a newline, then serialize()'s bytes. */
    private static function send(array $message): void
    {
        $data = serialize($message);
        $frame = strlen($data) . "\n" . $data;
        while ($frame !== '') {
            $written = @fwrite(self::$commands, $frame);
            if ($written === false || $written === 0) {
                throw new PasskPhpCandidateGone("the program's process ended");
            }
            $frame = substr($frame, $written);
        }
        fflush(self::$commands);
    }

    /** B's next frame as plain values (an array); never an object of B's making. */
    private static function receive(): array
    {
        $at = self::fill(function () {
            return strpos(self::$buffer, "\n");
        });
        $head = substr(self::$buffer, 0, $at);
        if (preg_match('/^\d{1,10}$/', $head) !== 1 || (int) $head > self::MAX_FRAME_BYTES) {
            throw new PasskPhpCandidateGone('a malformed answer');
        }
        $length = (int) $head;
        self::fill(function () use ($at, $length) {
            return strlen(self::$buffer) - $at - 1 >= $length ? 0 : false;
        });
        $data = substr(self::$buffer, $at + 1, $length);
        self::$buffer = (string) substr(self::$buffer, $at + 1 + $length);
        $value = @unserialize($data, ['allowed_classes' => false, 'max_depth' => 512]);
        if (!is_array($value)) {
            throw new PasskPhpCandidateGone('a malformed answer');
        }
        return self::plain($value);
    }

    /** Reads B's answers until `$done` returns an offset (not false), within the deadline. */
    private static function fill(callable $done): int
    {
        for (;;) {
            $found = $done();
            if ($found !== false) {
                return $found;
            }
            if (strlen(self::$buffer) > self::MAX_FRAME_BYTES + 16) {
                throw new PasskPhpCandidateGone('an oversized answer');
            }
            $left = self::$deadline - microtime(true);
            if ($left <= 0 || self::$timedOut) {
                self::$timedOut = true;
                throw new PasskPhpJudgeTimeout('timed out');
            }
            $read = [self::$answers];
            $none = null;
            $ready = @stream_select($read, $none, $none, (int) $left, (int) (($left - (int) $left) * 1e6));
            if ($ready === 0) {
                continue;
            }
            $chunk = fread(self::$answers, 1 << 20);
            if ($chunk === false || ($chunk === '' && feof(self::$answers))) {
                throw new PasskPhpCandidateGone("the program's process ended");
            }
            self::$buffer .= $chunk;
        }
    }

    /** `$value` with every object (unserialize's incomplete classes) replaced by one equal to nothing. */
    private static function plain($value)
    {
        if (is_array($value)) {
            foreach ($value as $key => $item) {
                $value[$key] = self::plain($item);
            }
            return $value;
        }
        if ($value === null || is_bool($value) || is_int($value) || is_float($value) || is_string($value)) {
            return $value;
        }
        return new stdClass();
    }

    private static function text($value): string
    {
        return is_string($value) ? $value : 'an error';
    }

    private static function outcome(string $status, string $detail): array
    {
        return ['status' => $status, 'detail' => substr($detail, 0, 300)];
    }

    private static function remove(string $name): void
    {
        if (is_dir($name) && !is_link($name)) {
            foreach (array_diff(scandir($name) ?: [], ['.', '..']) as $child) {
                self::remove($name . '/' . $child);
            }
            @rmdir($name);
            return;
        }
        @unlink($name);
    }
}

PasskPhpJudge::main($argv);
