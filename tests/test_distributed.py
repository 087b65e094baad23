"""Extraction on a Dask distributed cluster (a LocalCluster here): the same records as a local run."""

import json

import pytest

from generator import cli

TEXTS = {
    "a.txt": 'Budget\n\n"We will not raise taxes this year," said Gordon Brown, the chancellor.\n',
    "b.txt": "Election\n\nTony Blair said that the election would be held in May.\n",
    "c.txt": 'Match\n\n"The result is a disappointment," the manager Arsene Wenger told reporters.\n',
}


@pytest.fixture
def folder(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def records(capsys, *args):
    assert cli.main(["extract", *args, "--jsonl", "--workers", "1"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_cluster_prints_the_same_records_as_a_local_run_and_fills_the_cache(folder, tmp_path, capsys, monkeypatch):
    from distributed import LocalCluster

    from generator import build

    local = records(capsys, str(folder), "--no-cache")
    log = tmp_path / "sent.log"  # the task function is shipped to the worker by value: it reports through a file
    real = build._worker_extract

    def spy(task):
        with open(log, "a") as f:
            f.write(f"{len(task[1])}\n")
        return real(task)

    def sent():
        return sum(int(n) for n in log.read_text().split()) if log.exists() else 0

    monkeypatch.setattr(build, "_worker_extract", spy)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        args = [str(folder), "--scheduler", cluster.scheduler_address]
        monkeypatch.chdir(tmp_path)  # the default cache_dir (.cache/quotebrief) lands here
        remote = records(capsys, *args)
        assert remote == local
        assert sent() == len(TEXTS), "every article was sent to the cluster"
        again = records(capsys, *args)
        assert again == local and sent() == len(TEXTS), "cached articles are not sent again"


def test_an_unreachable_scheduler_is_a_one_line_error(folder, capsys, monkeypatch):
    from generator import distributed

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 2.0)
    code = cli.main(["extract", str(folder), "--no-cache", "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("quotebrief: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(err.strip().splitlines()) == 1


def _serve(handler):
    """A TCP server on a free local port, each connection given to `handler` in a thread."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def run():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=handler, args=(conn,), daemon=True).start()

    threading.Thread(target=run, daemon=True).start()
    return server


def _http_400_on_any_bytes(conn):
    conn.recv(100)
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")


def _http_400_at_once(conn):
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")


@pytest.mark.parametrize("handler", [_http_400_on_any_bytes, _http_400_at_once, None],
                         ids=["answers-400-when-spoken-to", "answers-400-at-once", "plain-http-server"])
def test_a_service_that_is_not_a_scheduler_is_one_line_within_15_seconds(folder, handler):
    """It took 61 s and two tracebacks (a 3.07 EiB allocation, then Client.__del__), or 99 s."""
    import http.server
    import subprocess
    import sys
    import threading
    import time

    if handler is None:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
    else:
        server = _serve(handler)
        port = server.getsockname()[1]
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "generator", "extract", str(folder), "--no-cache",
                           "--scheduler", f"tcp://127.0.0.1:{port}"], capture_output=True, text=True, timeout=120)
    took = time.monotonic() - start
    server.shutdown() if handler is None else server.close()
    assert proc.returncode == 2 and "is not a Dask scheduler" in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
    assert took < 15, f"{took:.1f} s"


@pytest.mark.parametrize("address, words", [("inproc://x", "no scheduler of this process has that in-process address"),
                                            ("http://127.0.0.1:9", "unknown protocol http://")])
def test_an_address_no_scheduler_can_have_is_one_line_at_once(folder, address, words):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "generator", "extract", str(folder), "--no-cache",
                           "--scheduler", address], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr
