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

    from generator import workers

    local = records(capsys, str(folder), "--no-cache")
    log = tmp_path / "sent.log"  # the task function is shipped to the worker by value: it reports through a file
    real = workers.worker_extract

    def spy(task):
        with open(log, "a") as f:
            f.write(f"{len(task[1])}\n")
        return real(task)

    def sent():
        return sum(int(n) for n in log.read_text().split()) if log.exists() else 0

    monkeypatch.setattr(workers, "worker_extract", spy)
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
