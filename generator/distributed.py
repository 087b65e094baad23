"""Parse and extract on a Dask distributed cluster: the same briefs as a local run, from other machines.

`quotebrief extract --scheduler tcp://host:8786` (plugin option `scheduler`) sends the
articles the cache does not hold, in chunks, to the cluster's workers; each worker loads
the spaCy model once and runs the same `extract_doc` as a local worker. The briefs come
back in article order and the local Build caches them, so a second run sends nothing.
Workers need quotebrief (and its model) installed; the `dask` extra installs the client.
"""

from __future__ import annotations

import socket
import struct
from collections.abc import Iterator

from generator.model import Article, Brief

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler before giving up
HANDSHAKE_TIMEOUT = 3.0  # seconds a scheduler has to greet a new connection
MAX_HANDSHAKE_BYTES = 1_000_000  # a scheduler's greeting is a few hundred bytes


class SchedulerError(RuntimeError):
    """The scheduler cannot be reached or used; the message says which and why."""


def parse_and_extract(articles: list[Article], address: str, model: str | None = None,
                      stances: bool = False, timeout: float | None = None) -> Iterator[Brief]:
    """Briefs of `articles`, in order, computed by the workers of the scheduler at `address`."""
    from generator.build import CHUNK, _worker_extract, split_chunks

    try:
        from distributed import Client
    except ImportError:
        raise SchedulerError("the scheduler option needs Dask distributed: pip install 'quotebrief[dask]'") from None
    check_scheduler(address, timeout or CONNECT_TIMEOUT)
    try:
        client = Client(address, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({e})") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = list(split_chunks(articles, workers, CHUNK))
        futures = client.map(_worker_extract, [(model, chunk, stances) for chunk in chunks], pure=False)
        for future in futures:  # in order: each chunk's briefs as soon as it and those before it are done
            yield from future.result()
    finally:
        client.close()


def check_scheduler(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """SchedulerError unless `address` can be a Dask scheduler, found out before a Client is made.

    Why: a Client pointed at something else fails late and loudly: a service that answers
    HTTP makes it read "HTTP/1.1" as a message length (a 3 EiB allocation, after a minute),
    a plain HTTP server keeps it waiting 99 s, and a Client whose start failed prints a
    traceback (and waits a minute more) when it is collected. A scheduler greets each new
    connection at once with its handshake: 8 bytes of length, then a small message; so a
    tcp:// address that sends nothing within HANDSHAKE_TIMEOUT, or an implausible length,
    is not one. inproc:// reaches only a scheduler inside this very process (a test's LocalCluster).
    """
    scheme, _, rest = address.partition("://") if "://" in address else ("tcp", "", address)
    scheme = scheme.lower()
    if scheme == "inproc":
        from distributed.comm.inproc import global_manager

        try:
            found = global_manager.get_listener_for(rest) is not None
        except ValueError:  # another host's or process's address, or not one at all
            found = False
        if not found:
            raise SchedulerError(f"{address}: no scheduler of this process has that in-process address "
                                 "(inproc:// reaches only one inside the same Python process); "
                                 "give the scheduler's tcp://host:port")
        return
    if scheme not in ("tcp", "tls", "ws", "wss", "ucx"):
        raise SchedulerError(f"{address}: unknown protocol {scheme}://; give the scheduler's tcp://host:port")
    if scheme != "tcp":
        return  # encrypted or other transports: the Client's own timeout applies
    from distributed.comm.addressing import parse_host_port

    try:
        host, port = parse_host_port(rest, default_port=8786)
    except ValueError as e:
        raise SchedulerError(f"{address} is not a host:port address ({e})") from None
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(HANDSHAKE_TIMEOUT)
            head, closed = b"", False
            try:
                while len(head) < 8:
                    chunk = sock.recv(8 - len(head))
                    if not chunk:
                        closed = True
                        break
                    head += chunk
            except TimeoutError:
                pass
    except OSError as e:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} ({e.strerror or e})") from None
    if len(head) < 8:
        said = f"sent only {head!r}, then " if head else ""
        quiet = "nothing" if head else "sent nothing"
        said += "closed the connection" if closed else f"{quiet} for {HANDSHAKE_TIMEOUT:g} s"
        raise SchedulerError(f"{address} is not a Dask scheduler: it {said} (a scheduler greets a connection at once)")
    (length,) = struct.unpack("Q", head)
    if not 0 < length <= MAX_HANDSHAKE_BYTES:
        raise SchedulerError(f"{address} is not a Dask scheduler: it answered {head!r}"
                             f"{' (an HTTP server?)' if head.startswith(b'HTTP') else ''}")
