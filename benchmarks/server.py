"""Load benchmark of ``governance-rules serve``: `make bench` (or `python benchmarks/server.py
--clients 8 --requests 25 --workers 1 2`).

Starts the real command (``governance-rules serve --workers W``) on a free local port for each
``--workers`` value, then ``--clients`` concurrent clients (threads, one keep-alive connection
each) post ``--requests`` realistic dossiers each: the five examples in turn, as JSON bodies (the
way an app sends records) or, with ``--upload``, as their YAML files (multipart). Prints, per
worker count: requests/s, p50 and p99 latency, the peak RSS of the server's process tree
(sampled every 10 ms from /proc on Linux) and the number of errors (any answer but 200 with the
expected findings count). Not a timed test: the clients share the machine with the server.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from _measure import tree_rss

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from governance_rules import check_paths  # noqa: E402
from governance_rules.records._parse import parse_record_text  # noqa: E402

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "community.yaml").is_file())


def _files(example: Path) -> list[Path]:
    return sorted(p for p in example.rglob("*") if p.is_file() and p.suffix == ".yaml")


def payloads(upload: bool) -> list[tuple[dict[str, object], int]]:
    """Request arguments for httpx and the findings each must give."""
    out = []
    for example in EXAMPLES:
        expected = len(check_paths([example]).findings)
        request: dict[str, object]
        if upload:
            request = {"files": [("files", (p.relative_to(example).as_posix(), p.read_bytes(),
                                            "application/yaml")) for p in _files(example)]}
            out.append((request, expected))
            continue
        data = {}
        for p in _files(example):
            parsed, _ = parse_record_text(p.read_bytes(), p.name)
            data[p.relative_to(example).as_posix()] = parsed
        body = json.dumps({"files": data}, default=str, ensure_ascii=False).encode("utf-8")
        request = {"content": body, "headers": {"content-type": "application/json"}}
        out.append((request, expected))
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(workers: int, clients: int, requests: int, upload: bool) -> dict[str, float]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "governance_rules", "serve", "--port", str(port),
                             "--workers", str(workers), "--concurrency", "4", "--log-level",
                             "warning"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        time.sleep(1.0 if workers > 1 else 0.0)  # let every worker finish loading the rule set
        bodies = payloads(upload)
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        peak = [tree_rss(proc.pid)]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(proc.pid))
                time.sleep(0.01)

        def client(k: int) -> None:
            with httpx.Client(base_url=url, timeout=120) as http:
                for i in range(requests):
                    kwargs, expected = bodies[(k + i) % len(bodies)]
                    started = time.perf_counter()
                    try:
                        answer = http.post("/check", **kwargs)  # type: ignore[arg-type]
                        ok = answer.status_code == 200 and \
                            len(answer.json()["findings"]) == expected
                    except httpx.HTTPError:
                        ok = False
                    elapsed = time.perf_counter() - started
                    with lock:
                        latencies.append(elapsed)
                        errors[0] += not ok

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        ordered = sorted(latencies)
        return {"workers": workers, "requests": len(ordered), "rps": len(ordered) / wall,
                "p50": statistics.median(ordered) * 1000,
                "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
                "rss": peak[0] / 2**20, "errors": errors[0]}
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--upload", action="store_true", help="send YAML files (multipart)")
    args = parser.parse_args()
    print(f"serve: {args.clients} clients × {args.requests} requests, the 5 examples in turn as "
          f"{'multipart YAML' if args.upload else 'JSON bodies'}; {os.cpu_count()} cores")
    print(f"{'workers':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'peak RSS MiB':>12} {'errors':>6}")
    for workers in args.workers:
        r = run(workers, args.clients, args.requests, args.upload)
        print(f"{r['workers']:>7} {r['requests']:>8} {r['rps']:>7.1f} {r['p50']:>7.0f} "
              f"{r['p99']:>7.0f} {r['rss']:>12.0f} {r['errors']:>6}")


if __name__ == "__main__":
    main()
