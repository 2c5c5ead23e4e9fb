<?php
/*
 * passk's isolated PHP judge, process B: the candidate's part of a MultiPL-E PHP program (the
 * prompt and the completion), without the benchmark's tests. Started by `isolated-judge.php` (A)
 * as `php isolated-candidate.php <file> <entry>`, with descriptor 3 (A's calls) and 4 (its
 * answers) as its only channel; stdin, stdout and stderr are /dev/null. <file> holds only the
 * candidate part; B includes it at its top level (its variables are globals, `__FILE__` is the
 * program's, as in `php <file>`), then serves calls. One frame per message: the length in
 * decimal, a newline, then serialize()'s bytes.
 *
 *   B → A  ['defined' => bool]                 whether <entry> is a function of the program's
 *   A → B  ['call' => name, 'args' => [...]]   call it
 *   B → A  ['value' => result] | ['error' => 'Class: message']
 *
 * What B answers is the candidate's answer, whatever the candidate does to B: A unserializes it
 * without classes, so no object of B's reaches the tests.
 */

final class PasskPhpCandidate
{
    private static $commands = null;
    private static $answers = null;
    private static $entry = '';

    /** Opens the channel and sets `$argv` and `$_SERVER` as `php <file>` has them; returns <file>. */
    public static function begin(array $argv): string
    {
        $file = (string) ($argv[1] ?? '');
        self::$entry = (string) ($argv[2] ?? '');
        self::$commands = fopen('php://fd/3', 'r');
        self::$answers = fopen('php://fd/4', 'w');
        $GLOBALS['argv'] = [$file];
        $GLOBALS['argc'] = 1;
        $_SERVER['argv'] = [$file];
        $_SERVER['argc'] = 1;
        foreach (['PHP_SELF', 'SCRIPT_NAME', 'SCRIPT_FILENAME', 'PATH_TRANSLATED'] as $key) {
            $_SERVER[$key] = $file;
        }
        return $file;
    }

    /** Answers A's calls until A closes the channel. */
    public static function serve(): void
    {
        $entry = self::$entry;
        $defined = $entry !== '' && function_exists($entry) && (new ReflectionFunction($entry))->isUserDefined();
        self::send(serialize(['defined' => $defined]));
        while (($message = self::receive()) !== null) {
            try {
                $name = (string) ($message['call'] ?? '');
                $args = (array) ($message['args'] ?? []);
                $reply = ['value' => $name(...$args)];
                ini_set('serialize_precision', '-1');
                $data = serialize($reply);
            } catch (Throwable $error) {
                $data = serialize(['error' => substr(get_class($error) . ': ' . $error->getMessage(), 0, 500)]);
            }
            self::send($data);
        }
        exit(0);
    }

    /** One frame: the length of `$data` in decimal, a newline, then `$data`. */
    private static function send(string $data): void
    {
        fwrite(self::$answers, strlen($data) . "\n" . $data);
        fflush(self::$answers);
    }

    /** A's next call, or null when A closed the channel. */
    private static function receive(): ?array
    {
        $head = fgets(self::$commands);
        if ($head === false) {
            return null;
        }
        $length = (int) $head;
        $data = '';
        while (strlen($data) < $length) {
            $chunk = fread(self::$commands, $length - strlen($data));
            if ($chunk === false || $chunk === '') {
                return null;
            }
            $data .= $chunk;
        }
        $message = unserialize($data, ['allowed_classes' => false]);
        return is_array($message) ? $message : null;
    }
}

include PasskPhpCandidate::begin($argv);
PasskPhpCandidate::serve();
