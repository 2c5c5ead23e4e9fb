"""passk's isolated judge for EvalPlus (``evalplus_runner.py exec judge``).

EvalPlus runs the solution and its comparison in one process (``unsafe_execute``): the inputs,
the expected outputs, the comparison and the shared memory its verdict travels in are all in the
solution's reach, so a solution can write a full pass into that memory and end the process,
return the expected output it reads from the check's frame, or replace the comparison through
the check's globals. This judge keeps all of them out of its reach, with the machinery of
``isolated_judge.py`` (imported, see its header):

- A (this process, not dumpable) forks B, the candidate process, through a watcher *before* it
  reads the solution or the task's expected outputs. B first hides the directory of the
  expected outputs (the ground-truth cache the step mounts) under an empty tmpfs in a mount
  namespace of its own (where the kernel refuses, it says so on stderr and goes on), then sets
  itself up as EvalPlus's child does
  (a fresh temporary directory, ``reliability_guard`` with the memory limit; output swallowed),
  gets the solution's text, ``exec``s it and serves calls (``isolated_judge._candidate_main``),
  its entry point called at the stack depth of EvalPlus's child (``EVALPLUS_STACK_DEPTH``).
- A then reads the solution and the expected outputs, and for each base input, then each plus
  input, calls the entry point in B with the input as plain data and gets the output back as
  plain data (``isolated_judge.encode``: builtin types, subclasses as their base type, iterators
  materialised, NumPy values as lists and scalars; anything else is an opaque value here, equal
  only to itself). A compares with EvalPlus's own comparison (``_evalplus_compare``: ``==``, the
  special oracles, ``atol`` 1e-6 for floats, sticky; type, length and ``np.allclose``) under
  EvalPlus's per-input limits ``x * max(min_time_limit, gt_factor * gt_time)`` (A's alarm, which
  the solution cannot catch, from sending the input until B starts sending the output: the
  output's transfer and decoding count toward the budget only) and twice EvalPlus's subset
  budgets ``min(60 x, sum(limits)) + 2`` s (moving outputs takes time EvalPlus does not spend;
  the reference run holds the solution to EvalPlus's budgets exactly), stopping at the first
  failing input. Integers cross with no digit limit (B inherits that; A restores its own).
- B's group is killed. C, forked through a watcher after B is gone, runs EvalPlus's own
  judgement (``check_solution``: base and plus inputs each in a forked child, exactly as
  ``exec check``) with its stdout on A's stderr, and sends its report to A through a pipe.
- A writes one line on its stdout, which B and C never hold:
  ``__passk_verdict__ {"strict": {"base": <subset>, "plus": <subset> | null}, "reference":
  <check report> | {"ended": ...}}``. A subset report has ``check``'s fields (``status`` pass,
  fail or timeout, ``failed_input``, ``phase``, ``exception``, ``message``, ...); ``plus`` is null
  when the base inputs did not all pass apart (the plus inputs are then not called).

passk passes a solution only when both judgements pass; EvalPlus's is kept as the reference.
"""

import json
import os
import signal
import sys
import time
import types

import isolated_judge

_SETUP_LIMIT_S = 10.0
"""Time B may take to set up (the guard) before the solution's clock starts."""

_GONE_STATUS_WAIT_S = 1.0
"""How long A waits for the exit status of a B that ended, in seconds."""

_STRICT_BUDGET_FACTOR = 2
"""The judgement apart waits this many times EvalPlus's wait for a subset (see _strict_subset)."""

_REFERENCE_SLACK_S = 5.0
"""C's time beyond EvalPlus's own waits (``untrusted_check`` kills a child 5.1 s after its
budget at most): forking, and its report."""


class _Alarm(Exception):
    """A's alarm: ``kind`` is ``input`` (the input's limit) or ``budget`` (the subset's)."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


class _Opaque:
    """An object of the solution's process that is not plain data: equal only to itself."""

    __slots__ = ("type_name",)

    def __init__(self, type_name):
        self.type_name = type_name

    def __repr__(self):
        return f"<{self.type_name} of the solution>"


class _PlainSession(isolated_judge._Session):
    """The isolated judge's session whose answers hold no proxies: a value that is not plain
    data is an :class:`_Opaque`, so the comparison never calls back into B."""

    def resolve(self, form):
        return _Opaque(str(form.get("type", form.get("m"))))


def _candidate_runner(runner, base, max_memory):
    """What ``isolated_judge._candidate_main`` needs from a runner module, with EvalPlus's guard
    (its address-space, data and stack limits) and swallowed streams."""
    stream_class, swallow_io = runner._io_classes()
    return types.SimpleNamespace(
        _max_fd=base._max_fd,
        make_tempdir=base.make_tempdir,
        limit_address_space=lambda _bytes: None,
        WriteOnlyStringIO=stream_class,
        swallow_io=swallow_io,
        reliability_guard=lambda: runner.reliability_guard(max_memory if max_memory > 0 else None),
    )


def _reference_runner(runner, base, task, settings):
    """What ``isolated_judge._reference`` needs from a runner module: ``run_program`` writes
    EvalPlus's judgement of the solution (``check_solution``) as the report."""

    def run_program(code, report, _timeout, _max_memory, _preload):
        checked = runner.check_solution(code, task, settings)
        checked["result"] = f"base: {checked['base']['status']}, plus: {checked['plus']['status']}"
        report.write(json.dumps(checked))
        report.close()

    return types.SimpleNamespace(
        run_program=run_program,
        SetupError=runner.SetupError,
        _SETUP_FAILED=runner._SETUP_FAILED,
        _flush_std_streams=base._flush_std_streams,
        _exit_status=base._exit_status,
    )


def _reference_seconds(runner, task, settings):
    """Longest time C may take: EvalPlus's waits for both subsets, and slack."""
    total = _REFERENCE_SLACK_S
    for subset in ("base", "plus"):
        _limits, budget = _subset_limits(runner, task, subset, settings)
        total += budget + 1 + 5.1
    return total


def _subset_limits(runner, task, subset, settings):
    return runner.subset_limits(
        task[f"{subset}_time"], settings["min_time_limit"], settings["gt_factor"], settings["time_factor"]
    )


def _entry_point(session, code, name):
    """Sends B the solution; returns its entry point (a proxy when it is B's callable). Raises
    what ``exec`` raised in B (``phase`` exec), or KeyError(name) (``phase`` entry_point)."""
    isolated_judge._send(session.command_w, {"code": code})
    answer = isolated_judge._recv(session.answer_r)
    if "error" in answer:
        error = answer["error"]
        raise isolated_judge._exception_type(str(error.get("type")), str(error.get("message")))()
    form = answer["names"].get(name)
    if form is None:
        raise _Phase("entry_point", KeyError(name))
    if isinstance(form, dict) and "h" in form and form.get("callable") is True:
        return isolated_judge._Remote(session, form["h"], str(form.get("type")), True)
    return isolated_judge.decode(form, session.resolve)


class _Phase(Exception):
    """``error`` raised in ``phase`` (where the phase variable cannot say it)."""

    def __init__(self, phase, error):
        super().__init__(phase)
        self.phase = phase
        self.error = error


def _arm(deadline, limit):
    """Sets A's alarm to the input's ``limit`` (seconds) or the subset's ``deadline`` (monotonic
    clock), whichever comes first."""
    seconds = deadline - time.monotonic()
    kind = "budget"
    if limit is not None and limit < seconds:
        seconds, kind = limit, "input"
    _ALARM[:] = [kind, deadline]
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-6))


_ALARM = ["budget", 0.0]
"""The armed alarm's kind and the subset's deadline."""


def _on_alarm(_signum, frame):
    if _ALARM[0] == "input" and _receiving_answer(frame):
        # B has returned and sends the output: as EvalPlus times only the call, moving the
        # output (its transfer and decoding here) counts toward the subset's budget only.
        _arm(_ALARM[1], None)
        return
    raise _Alarm(_ALARM[0])


def _receiving_answer(frame):
    """Whether A, interrupted in ``frame``, is past the header of B's answer (reading or decoding
    it): a frame of ``isolated_judge._recv`` that has read the size, or of its ``decode``."""
    while frame is not None:
        code = frame.f_code
        if code is isolated_judge.decode.__code__:
            return True
        if code is isolated_judge._recv.__code__ and "size" in frame.f_locals:
            return True
        frame = frame.f_back
    return False


def _reason(runner, report, index, phase, error, time_limits):
    """Adds why the subset failed to ``report`` (as ``untrusted_check`` reports it)."""
    try:
        message = str(error)
    except BaseException:
        message = ""
    if index >= 0:
        report["failed_input"] = index
        report["time_limit_seconds"] = time_limits[index] if index < len(time_limits) else None
    report["phase"] = phase
    report["exception"] = type(error).__name__[:64]
    report["message"] = message[: runner.TAIL_CHARS].encode("utf-8", "replace")[:200].decode("utf-8", "ignore")


def _gone(session, base, report):
    """Adds how B ended to ``report``: EvalPlus's ``timeout`` of a child that left no status."""
    report["status"] = "timeout"
    report["killed"] = False
    try:
        raw = session.watched.line(time.monotonic() + _GONE_STATUS_WAIT_S)
    except isolated_judge._Timeout:
        raw = None
    status = -signal.SIGKILL if raw is None else base._exit_status(int(raw))
    if status < 0:
        report["signal"] = -status
    else:
        report["exit_code"] = status


def _strict_subset(runner, base, session, state, task, subset, settings):
    """Calls the entry point in B on ``subset``'s inputs and compares in A; the subset's report."""
    import numpy

    inputs, expected = task[f"{subset}_input"], task[subset]
    time_limits, budget = _subset_limits(runner, task, subset, settings)
    started = time.monotonic()
    # Twice EvalPlus's wait (min(60 x, sum(limits)) + 2 s): moving outputs between processes
    # takes time EvalPlus does not spend (a 70 MiB string: seconds), and the reference run
    # holds the solution to EvalPlus's budget exactly.
    deadline = started + _STRICT_BUDGET_FACTOR * (budget + 1)
    kind, entry_point, oracles = settings["kind"], task["entry_point"], settings["oracles"]
    atol = task["atol"]
    report = {"status": "fail", "inputs": len(inputs), "passed_inputs": 0}
    index, phase = -1, "exec"
    try:
        if "fn" not in state:
            _arm(deadline, None)
            state["fn"] = _entry_point(session, code=state.pop("code"), name=entry_point)
        fn = state["fn"]
        for index, inp in enumerate(inputs):
            phase = "call"
            _arm(deadline, time_limits[index])
            out = fn(*inp)
            phase = "compare"
            _arm(deadline, None)
            atol = runner._evalplus_compare(kind, entry_point, oracles, inp, out, expected[index], atol, numpy)
            report["passed_inputs"] += 1
        report["status"] = "pass"
    except _Alarm as alarm:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if alarm.kind == "budget":
            report["status"] = "timeout"
            report["killed"] = True
        else:
            _reason(runner, report, index, phase, runner.TimeoutException("Timed out!"), time_limits)
    except _Phase as failure:
        _reason(runner, report, index, failure.phase, failure.error, time_limits)
    except BaseException as error:
        signal.setitimer(signal.ITIMER_REAL, 0)
        # B's own exceptions arrive as subclasses (never these exact classes).
        if type(error) in (isolated_judge._CandidateGone, BrokenPipeError):
            _gone(session, base, report)
        else:
            _reason(runner, report, index, phase, error, time_limits)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    report["seconds"] = time.monotonic() - started
    report["budget_seconds"] = _STRICT_BUDGET_FACTOR * (budget + 1)
    return report


def _strict(runner, base, session, code, task, settings):
    """EvalPlus's judgement with the solution in B: ``{"base": ..., "plus": ... | None}``.
    Raises runner.SetupError when B did not start."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        try:
            _arm(time.monotonic() + _SETUP_LIMIT_S, None)
            ready = isolated_judge._recv(session.answer_r).get("ready") is True
        except (_Alarm, isolated_judge._CandidateGone):
            ready = False
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if not ready:
            raise runner.SetupError("the solution's process did not start")
        state = {"code": code}
        strict = {"base": _strict_subset(runner, base, session, state, task, "base", settings), "plus": None}
        if strict["base"]["status"] == "pass":
            strict["plus"] = _strict_subset(runner, base, session, state, task, "plus", settings)
        return strict
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_CLONE_NEWNS = 0x00020000
_HIDING_MOUNT_FLAGS = 1 | 2 | 4 | 8
"""MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC."""


def _hide(base, directory):
    """Hides ``directory`` from this process and all it starts: an empty read-only tmpfs over it,
    in a mount namespace of its own (``humaneval_runner._isolate_job``: in a user namespace of its
    own, whose capabilities are given up after the mount). Raises OSError when the kernel
    refuses."""

    def mount(libc):
        import ctypes

        target = os.fsencode(directory)
        if libc.mount(b"tmpfs", target, b"tmpfs", _HIDING_MOUNT_FLAGS, b"size=4k,mode=0") != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"mount over {directory}: {os.strerror(error)}")

    base._isolate_job(base._CLONE_NEWUSER | _CLONE_NEWNS, mount)


def _candidate(runner, base, command_r, answer_w, max_memory, hidden):
    """Body of B (never returns): the expected outputs' directory ``hidden`` made unreachable,
    then isolated_judge's candidate process, its calls at the stack depth of EvalPlus's child."""
    try:
        _hide(base, hidden)
    except Exception as error:
        os.write(2, f"passk-runner: the expected outputs stay visible to the solution ({error})\n".encode())
    candidate_runner = _candidate_runner(runner, base, max_memory)
    runner._at_stack_depth(
        runner.EVALPLUS_STACK_DEPTH - 1,
        lambda: isolated_judge._candidate_main(candidate_runner, command_r, answer_w, max_memory, ()),
    )
    os._exit(0)


def run_judge(runner, solution_path, options):
    """A: judges the solution at ``solution_path`` against ``options["--task"]`` (the runner's
    check options) and writes the verdict line on stdout. Raises runner.UsageError or
    runner.SetupError before the solution ran."""
    import humaneval_runner as base

    settings = runner.check_settings(options)
    base._resolve_prctl()
    base._set_dumpable(False)
    digits = getattr(sys, "get_int_max_str_digits", lambda: None)()
    if digits is not None:
        sys.set_int_max_str_digits(0)
    command_r, command_w = os.pipe()
    answer_r, answer_w = os.pipe()
    base._flush_std_streams()
    watched = isolated_judge._fork_watched()
    if watched is None:
        os.close(command_w)
        os.close(answer_r)
        hidden = os.path.dirname(os.path.abspath(options["--task"]))
        _candidate(runner, base, command_r, answer_w, settings["max_memory"], hidden)
    os.close(command_r)
    os.close(answer_w)
    session = _PlainSession(watched, command_w, answer_r)
    try:
        code, task = runner.read_inputs(solution_path, options["--task"])
        strict = _strict(runner, base, session, code, task, settings)
    finally:
        session.kill()
        if digits is not None:
            sys.set_int_max_str_digits(digits)
    reference = isolated_judge._reference(
        _reference_runner(runner, base, task, settings), code, _reference_seconds(runner, task, settings), 0, ()
    )
    line = json.dumps({"strict": strict, "reference": reference}, ensure_ascii=False)
    view = memoryview(("\n" + isolated_judge.VERDICT_MARK + line + "\n").encode("utf-8", "replace"))
    while view:
        view = view[os.write(1, view) :]
