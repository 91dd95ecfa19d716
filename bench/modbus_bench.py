"""custodyd's Modbus benchmark: our client and servers beside their peers, in the same run.

Run through `make bench` (scripts/bench), which builds the Swift side first. Every figure is measured
here; the report gives medians over the rounds and the ratios to the peers, because absolute numbers
move 2-4x between machines and runs (BASELINES.md).
"""

import argparse
import datetime
import os
import platform
import re
import select
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path("/usr/share/doc/libmodbus-dev/examples")
PYMODBUS_SERVER = ROOT / "Tests/InteropTests/peers/pymodbus_server.py"
ANNOUNCE_READY = """#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
static void announce_ready(int s) {
    struct sockaddr_in a;
    socklen_t n = sizeof a;
    getsockname(s, (struct sockaddr *)&a, &n);
    printf("ready %d\\n", ntohs(a.sin_port));
    fflush(stdout);
}
"""
RESULT = re.compile(r"(\w+)=([-\d.]+)")


def libmodbus_flags() -> list[str]:
    """pkg-config's flags for libmodbus; Debian's layout when pkg-config itself is missing."""
    if shutil.which("pkg-config") is None:
        return ["-I/usr/include/modbus", "-lmodbus"]
    return subprocess.check_output(["pkg-config", "--cflags", "--libs", "libmodbus"], text=True).split()


def c_compiler() -> str:
    """gcc, or the C compiler Swift ships (clang)."""
    for name in ["gcc", "cc", "clang"]:
        if path := shutil.which(name):
            return path
    sys.exit("no C compiler found (gcc, cc or clang); install gcc")


def build_peers(out: Path) -> dict[str, Path]:
    """Our C poll loop, and libmodbus's bandwidth-server-one patched to bind port 0 and say `ready PORT`."""
    out.mkdir(parents=True, exist_ok=True)
    loop = out / "fc3_loop"
    subprocess.check_call([c_compiler(), "-O2", "-o", loop, ROOT / "bench/peers/fc3_loop.c", *libmodbus_flags()])
    source = (EXAMPLES / "bandwidth-server-one.c").read_text()
    for original, replacement in [
        ('modbus_new_tcp("127.0.0.1", 1502)', 'modbus_new_tcp("127.0.0.1", 0)'),
        ("s = modbus_tcp_listen(ctx, 1);", "s = modbus_tcp_listen(ctx, 1);\n        announce_ready(s);"),
    ]:
        if source.count(original) != 1:
            sys.exit(f"bandwidth-server-one.c changed: expected exactly one {original!r}")
        source = source.replace(original, replacement)
    patched = out / "bandwidth-server-one.c"
    patched.write_text(ANNOUNCE_READY + source)
    server = out / "bandwidth-server-one"
    subprocess.check_call([c_compiler(), "-O2", "-o", server, patched, *libmodbus_flags()])
    return {"loop": loop, "bandwidth_server": server}


class Server:
    """A server peer that prints `ready PORT`; stopped by closing its stdin, then SIGTERM."""

    def __init__(self, command: list[str]):
        self.command = command
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 20)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("ready "):
            self.stop()
            sys.exit(f"{' '.join(map(str, command))} did not say ready (got {line!r})")
        self.port = int(line.split()[1])

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far (all its threads)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait()


def measure(command: list[str]) -> dict[str, float]:
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if completed.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{completed.stdout}{completed.stderr}")
    line = completed.stdout.strip().splitlines()[-1]
    return {key: float(value) for key, value in RESULT.findall(line)}


def measure_against(server: Server, command: list[str]) -> dict[str, float]:
    """Runs a client loop against `server`; adds the server's CPU time per request (the client's 1000
    warm-up requests included, since they fall inside the same window)."""
    before = server.cpu_seconds()
    result = measure(command)
    result["server_cpu_us"] = (server.cpu_seconds() - before) / (result["requests"] + 1000) * 1e6
    return result


def median(results: list[dict[str, float]], key: str) -> float:
    return statistics.median(result[key] for result in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--swift-bin", required=True, help="the release modbus-bench executable")
    parser.add_argument("--seconds", type=float, default=1.5, help="length of each TCP measurement")
    parser.add_argument("--rounds", type=int, default=7, help="pinned rounds; medians are reported")
    parser.add_argument("--cpu", default=os.environ.get("BENCH_CPU", "0"), help="CPU both ends are pinned to")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out")
    args = parser.parse_args()

    peers = build_peers(args.out)
    pin = ["taskset", "-c", args.cpu]
    python = sys.executable
    loop = lambda port: [str(peers["loop"]), "127.0.0.1", str(port), "1", "10", str(args.seconds)]  # noqa: E731
    swift_client = lambda port: [args.swift_bin, "client", "127.0.0.1", str(port), "1", "10", str(args.seconds)]  # noqa: E731
    servers = {
        "libmodbus": [str(peers["bandwidth_server"]), "tcp"],
        "ours": [args.swift_bin, "server", "--registers", "100", "--unit", "1"],
        "pymodbus": [python, str(PYMODBUS_SERVER), "--port", "0", "--unit", "1", "--registers", "100"],
    }
    scenarios = {
        "c-client/libmodbus-server": ("libmodbus", loop),
        "swift-client/libmodbus-server": ("libmodbus", swift_client),
        "c-client/our-server": ("ours", loop),
        "c-client/pymodbus-server": ("pymodbus", loop),
    }

    load_before = os.getloadavg()
    results: dict[str, list[dict[str, float]]] = {name: [] for name in scenarios}
    unpinned: dict[str, list[dict[str, float]]] = {}
    for round_number in range(args.rounds):
        for name, (server_name, client) in scenarios.items():
            server = Server(pin + servers[server_name])
            results[name].append(measure_against(server, pin + client(server.port)))
            server.stop()
            print(f"round {round_number + 1}/{args.rounds} {name}: {results[name][-1]}", file=sys.stderr)
    for name in ["c-client/libmodbus-server", "swift-client/libmodbus-server"]:
        server_name, client = scenarios[name]
        for _ in range(2):
            server = Server(servers[server_name])
            unpinned.setdefault(name, []).append(measure(client(server.port)))
            server.stop()

    rtu_seconds = max(args.seconds, 3.0)
    rtu = {"pty, no wire delay": measure(pin + [args.swift_bin, "rtu", "10", str(rtu_seconds)])}
    for line in ["9600-8E1", "9600-8N1", "19200-8N1", "115200-8N1"]:
        rtu[line] = measure(pin + [args.swift_bin, "rtu", "10", str(rtu_seconds), "--wire", line])
    load_after = os.getloadavg()

    report = render(args, results, unpinned, rtu, load_before, load_after)
    print(report)
    (args.out / "modbus.md").write_text(report)
    print(f"(written to {args.out / 'modbus.md'})", file=sys.stderr)


def render(args, results, unpinned, rtu, load_before, load_after) -> str:
    def row(label: str, name: str) -> str:
        r = results[name]
        rps = [x["rps"] for x in r]
        return (
            f"| {label} | {median(r, 'rps'):,.0f} ({min(rps):,.0f}–{max(rps):,.0f}) "
            f"| {median(r, 'p50_us'):.1f} / {median(r, 'p99_us'):.1f} µs "
            f"| {median(r, 'cpu_us'):.1f} µs | {median(r, 'server_cpu_us'):.1f} µs |"
        )

    def ratio(name: str, peer: str, digits: int) -> str:
        """Ratio of the medians, then the median and range of the per-round ratios (each round runs both
        back to back, so a burst of load from elsewhere on the machine hits both sides of a pair)."""
        whole = median(results[name], "rps") / median(results[peer], "rps")
        paired = [a["rps"] / b["rps"] for a, b in zip(results[name], results[peer])]
        return (f"{whole:.{digits}f}× | {statistics.median(paired):.{digits}f}× "
                f"({min(paired):.{digits}f}–{max(paired):.{digits}f})")

    def cpu_ratio(name: str, peer: str, key: str) -> str:
        whole = median(results[name], key) / median(results[peer], key)
        paired = [a[key] / b[key] for a, b in zip(results[name], results[peer])]
        return f"{whole:.2f}× | {statistics.median(paired):.2f}× ({min(paired):.2f}–{max(paired):.2f})"

    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), "?")
    versions = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libmodbus-dev"], capture_output=True, text=True
    ).stdout.strip() or "?"
    lines = [
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC with `make bench` "
        f"(`scripts/bench`: {args.rounds} pinned rounds of {args.seconds:g} s per TCP figure, medians, range in brackets).",
        f"Machine: {cpu}, {os.cpu_count()} CPUs, Linux {platform.release()}, libmodbus {versions}, "
        f"pymodbus {pymodbus_version()}; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after "
        f"(a shared build machine). Both ends pinned with `taskset -c {args.cpu}` unless marked unpinned.",
        "",
        "Modbus/TCP on loopback, FC3 read 10 holding registers, one connection:",
        "",
        "| configuration | requests/s | p50 / p99 | client CPU / request | server CPU / request |",
        "|---|---|---|---|---|",
        row("libmodbus C loop (bench/peers/fc3_loop.c) → libmodbus bandwidth-server-one", "c-client/libmodbus-server"),
        row("**our client** (ModbusConnection, modbus-bench client) → bandwidth-server-one", "swift-client/libmodbus-server"),
        row("C loop → **our server** (ModbusTCPServer, 100 registers)", "c-client/our-server"),
        row("C loop → pymodbus 3.16.1 server (100 registers)", "c-client/pymodbus-server"),
    ]
    for name, label in [("c-client/libmodbus-server", "C loop → bandwidth-server-one, unpinned"),
                        ("swift-client/libmodbus-server", "our client → bandwidth-server-one, unpinned")]:
        rps = [x["rps"] for x in unpinned[name]]
        lines.append(f"| {label} | {min(rps):,.0f}–{max(rps):,.0f} | "
                     f"{min(x['p50_us'] for x in unpinned[name]):.1f} / {max(x['p99_us'] for x in unpinned[name]):.1f} µs | – | – |")
    lines += [
        "",
        "| ratio | of the medians | per round: median (range) | goal |",
        "|---|---|---|---|",
        f"| our client / C client (same server), requests/s | {ratio('swift-client/libmodbus-server', 'c-client/libmodbus-server', 2)} | ≥ 0.9× |",
        f"| our server / pymodbus server (same C client), requests/s | {ratio('c-client/our-server', 'c-client/pymodbus-server', 1)} | ≥ 5× |",
        f"| our server / libmodbus bandwidth-server-one (same C client), requests/s | {ratio('c-client/our-server', 'c-client/libmodbus-server', 2)} | – |",
        f"| our client's CPU per request / C client's (lower is better) | "
        f"{cpu_ratio('swift-client/libmodbus-server', 'c-client/libmodbus-server', 'cpu_us')} | ≤ 1.11× (≡ 0.9×) |",
        f"| our server's CPU per request / pymodbus server's (lower is better) | "
        f"{cpu_ratio('c-client/our-server', 'c-client/pymodbus-server', 'server_cpu_us')} | ≤ 0.2× (≡ 5×) |",
        f"| our server's CPU per request / bandwidth-server-one's (lower is better) | "
        f"{cpu_ratio('c-client/our-server', 'c-client/libmodbus-server', 'server_cpu_us')} | – |",
        f"| our client's p50 latency / C client's (lower is better) | "
        f"{median(results['swift-client/libmodbus-server'], 'p50_us') / median(results['c-client/libmodbus-server'], 'p50_us'):.2f}× "
        f"| – | – |",
        "",
        "Modbus RTU, our client → our RTU server over a pseudo-terminal, FC3 read 10 registers "
        f"({rtu_label(rtu)}; with a line, the server delays each reply by the line's wire time):",
        "",
        "| line | requests/s | p50 / p99 | wire limit (cycle) | bus utilisation |",
        "|---|---|---|---|---|",
    ]
    for line, r in rtu.items():
        if "wire_us" in r:
            lines.append(f"| {line} | {r['rps']:,.1f} | {r['p50_us'] / 1000:.2f} / {r['p99_us'] / 1000:.2f} ms "
                         f"| {r['wire_limit_rps']:.1f}/s ({r['wire_us'] / 1000:.2f} ms) | {r['utilisation'] * 100:.1f} % |")
        else:
            lines.append(f"| {line} | {r['rps']:,.0f} | {r['p50_us']:.1f} / {r['p99_us']:.1f} µs | – | – |")
    return "\n".join(lines) + "\n"


def rtu_label(rtu) -> str:
    seconds = next(iter(rtu.values()))["seconds"]
    return f"{seconds:.0f} s each, pinned"


def pymodbus_version() -> str:
    try:
        import pymodbus  # noqa: PLC0415

        return pymodbus.__version__
    except ImportError:
        return "not installed"


if __name__ == "__main__":
    main()
