"""Both cores: independent work of a build done side by side in forked processes.

``count(jobs)`` is how many processes ``jobs`` independent pieces of work may use: one per CPU
this process may run on, at most ``ZB_JOBS`` (1 = everything in this process, e.g. for a
profile), never more than the jobs. ``each(fn, items)`` runs ``fn(item)`` for every item, in
forked processes when there is more than one to use, and returns the results in order (they
must be picklable; ``fn`` must be a module-level function). Work whose results go to a
content-keyed cache (Braille editions, posters) is done this way before the build reads it
in order, so the bytes are the same with one process or two. Plain Python, no MkDocs.
"""
from __future__ import annotations

import concurrent.futures
import multiprocessing
import os


def count(jobs: int) -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    limit = int(os.environ.get("ZB_JOBS") or cpus)
    return max(1, min(jobs, cpus, limit))


def each(fn, items: list) -> list:
    items = list(items)
    workers = count(len(items))
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 4))))
    return [fn(item) for item in items]
