"""The Dask engine (`--engine dask`): extraction and comparison mapped over the workers of a Dask cluster.

An edge module, like the pipeline that calls it. Each worker process loads the French model once (the
first chunk it reads) and reads sources a chunk of them per task; the settings (gazetteer, lexicon) are sent once
to every worker. For the comparison the slots are sent to the workers in batches, each compared there;
the pipeline puts the findings back in the order of one machine, so the report is the same.

A real cluster: `dask scheduler` on one machine, `dask worker tcp://HOST:8786 --nthreads 1` on each
machine (with this package and its model installed), then `reconcile report --scheduler tcp://HOST:8786`.
Without `--scheduler`, a local cluster of `--jobs` worker processes is started for the run.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterable

from .errors import ReconcileError
from .model import Claim, Source

BATCHES_PER_WORKER = 4  # slots are sent in about this many batches per worker: few messages, even loads


class Engine:
    """A Dask client for one run, with the cluster it started (if any); a context manager."""

    def __init__(self, scheduler: str | None = None, jobs: int = 2):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ReconcileError("--engine dask needs Dask: pip install 'reconcile[dask]'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="10s")
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            if self.cluster is not None:
                self.cluster.close()
            raise ReconcileError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
        self._same_code(scheduler)

    def _same_code(self, scheduler: str | None) -> None:
        """Workers that run another version of this package would extract and judge otherwise (and their
        findings would enter the slot store under this one's fingerprint): refused, naming them."""
        from .store import data_fingerprint

        mine = data_fingerprint(comparison=True)
        try:
            theirs = self.client.run(_fingerprint)
        except Exception as exc:  # noqa: BLE001 (a worker without this package cannot import it)
            theirs = {"(a worker)": f"cannot run reconcile: {exc.__class__.__name__}"}
        odd = sorted(w for w, fp in theirs.items() if fp != mine)
        if odd:
            self.close()
            raise ReconcileError(f"Dask workers of {scheduler or 'the local cluster'} run another version of "
                                 f"reconcile than this one ({', '.join(odd[:3])}{' …' if len(odd) > 3 else ''}): "
                                 "install the same version on every worker")

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def extract(self, sources: list[Source], gazetteer, lex,
                progress: Callable[[str], None] | None = None) -> dict[str, tuple[list[Claim], str | None]]:
        """source id -> (its claims, None) or ([], a warning): what pipeline.extract_all gives."""
        from distributed import as_completed

        if not sources:
            return {}
        from .pipeline import chunks

        gaz, lx = self.client.scatter([gazetteer, lex], broadcast=True)
        futures = self.client.map(_extract_chunk, chunks(sources), gazetteer=gaz, lex=lx, pure=False)
        out = {}
        for _, done in as_completed(futures, with_results=True):
            for sid, got in done:
                out[sid] = got
                if progress:
                    progress(sid)
        return out

    def mapper(self) -> Callable[[Callable, list], list]:
        """A `map` for compare_all: the items cut into batches, each batch mapped on a worker, the results
        in the order of the items."""
        def run(fn: Callable, items: list) -> list:
            if not items:
                return []
            n = min(len(items), self.workers() * BATCHES_PER_WORKER)
            batches = [items[i::n] for i in range(n)]  # dealt like cards: big and small slots mixed
            done = self.client.gather(self.client.map(_map_batch, [fn] * n, batches, pure=False))
            out: list = [None] * len(items)
            for i, results in enumerate(done):
                out[i::n] = results
            return out
        return run


def _extract_chunk(chunk: list[Source], *, gazetteer, lex) -> list[tuple[str, tuple[list[Claim], str | None]]]:
    from .pipeline import chunk_claims

    return chunk_claims(chunk, gazetteer, lex)  # the model: loaded once per worker process


def _fingerprint() -> str:
    from .store import data_fingerprint

    return data_fingerprint(comparison=True)


def _map_batch(fn: Callable, items: Iterable) -> list:
    return [fn(x) for x in items]
