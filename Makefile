# custodyd — entry points. `make demo` and `make test` set up what they need first.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: setup build demo test bench bench-core bench-daemon clean release install uninstall check-systemd

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

demo: build
	@scripts/demo

# Serially: several suites block a thread while they wait on real sockets and processes, and the
# cooperative pool has one thread per core.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest --no-parallel

bench: setup
	@scripts/bench

# The rule engine alone: inputs/s at 10, 1,000 and 10,000 people in custody, and a month's replay.
bench-core:
	@scripts/core-bench

# The daemon against simulated devices: tag→unlock latency, fire release, CPU/RSS at 60 devices, and the
# FieldBus poll rate beside libmodbus's C loop (BENCHMARKS.md, "## Daemon").
bench-daemon: setup
	@scripts/daemon-bench

clean:
	rm -rf .build .venv

# Release binaries for `make install` (`make setup` first on a new machine). Build as yourself, then
# `sudo make install` finds them up to date.
release:
	$(SWIFT) build -c release

# Binaries, device profiles, example station file, systemd unit, sysusers.d, tmpfiles.d, udev rule.
# Works unprivileged into DESTDIR (and then touches nothing outside it). Layout: systemd/README.md.
install: release
	@DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" SWIFT="$(SWIFT)" scripts/install

# Removes what `make install` put in place, except /etc/custodyd and /var/lib/custodyd (the journal).
uninstall:
	@DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" scripts/install --uninstall

# Checks the systemd integration offline: verify, security exposure <= 2.0, sysusers, tmpfiles, udev rule,
# and a built custodyd under MemoryDenyWriteExecute and the unit's SystemCallFilter. Installs nothing.
check-systemd:
	@scripts/check-systemd
