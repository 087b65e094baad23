"""Parse and extract on a Dask distributed cluster: the same briefs as a local run, from other machines.

`quotebrief extract --scheduler tcp://host:8786` (plugin option `scheduler`) sends the
articles the cache does not hold, in chunks, to the cluster's workers; each worker loads
the spaCy model once and runs the same `extract_doc` as a local worker. The briefs come
back in article order and the local Build caches them, so a second run sends nothing.
Workers need quotebrief (and its model) installed; the `dask` extra installs the client.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Article, Brief

CONNECT_TIMEOUT = 30.0  # seconds to reach the scheduler before giving up


class SchedulerError(RuntimeError):
    """The scheduler cannot be reached or used; the message says which and why."""


def parse_and_extract(articles: list[Article], address: str, model: str | None = None,
                      stances: bool = False, timeout: float | None = None) -> Iterator[Brief]:
    """Briefs of `articles`, in order, computed by the workers of the scheduler at `address`."""
    from generator import workers  # spaCy and the extractor: loaded only when a cluster is used

    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError("the scheduler option needs Dask distributed: pip install 'quotebrief[dask]'") from None
    try:
        client = Client(address, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({e})") from None
    try:
        count = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = list(workers.split_chunks(articles, count, workers.CHUNK))
        futures = client.map(workers.worker_extract, [(model, chunk, stances) for chunk in chunks], pure=False)
        for future in futures:  # in order: each chunk's briefs as soon as it and those before it are done
            yield from future.result()
    finally:
        client.close()
