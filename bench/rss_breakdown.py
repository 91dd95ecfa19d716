"""Where a process's resident memory is: /proc/PID/smaps summed per mapped file, split by permissions.

    python3 bench/rss_breakdown.py PID        # a running process
    python3 bench/rss_breakdown.py FILE       # a copy of /proc/PID/smaps taken earlier

Prints one line per file (and per anonymous kind: [anon], [heap], [stack]) with its resident KiB, the
part of it that is anonymous (written private pages), and the resident KiB per permission set (r-xp
code, r--p read-only data and relocated RELRO, rw-p data), largest first, then the total. Used for the
memory figures of BENCHMARKS.md, "## Daemon".
"""

import collections
import sys
from pathlib import Path


def breakdown(smaps: str) -> dict[str, collections.Counter]:
    files: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    current = ("", "")
    for line in smaps.splitlines():
        parts = line.split()
        if not parts:
            continue
        if "-" in parts[0] and not parts[0].endswith(":"):
            current = (parts[5] if len(parts) > 5 else "[anon]", parts[1])
        elif parts[0] == "Rss:":
            files[current[0]]["rss"] += int(parts[1])
            files[current[0]][current[1]] += int(parts[1])
        elif parts[0] == "Anonymous:":
            files[current[0]]["anon"] += int(parts[1])
    return files


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    source = Path(sys.argv[1]) if not sys.argv[1].isdigit() else Path(f"/proc/{sys.argv[1]}/smaps")
    files = breakdown(source.read_text())
    total = 0
    for name, counts in sorted(files.items(), key=lambda item: -item[1]["rss"]):
        if counts["rss"] == 0:
            continue
        total += counts["rss"]
        permissions = " ".join(f"{key}={value}" for key, value in counts.items() if key not in ("rss", "anon") and value)
        print(f"{counts['rss']:8d} KiB  anon {counts['anon']:6d}  {Path(name).name:40s} {permissions}")
    print(f"{total:8d} KiB = {total / 1024:.1f} MiB = {total * 1024 / 1e6:.1f} MB resident")


if __name__ == "__main__":
    main()
