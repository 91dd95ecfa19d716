# custodyd — entry points. `make demo` and `make test` set up what they need first.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: setup build demo test bench clean

setup:
	@scripts/setup

build: setup
	$(SWIFT) build

demo: build
	@scripts/demo

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

bench: setup
	@scripts/bench

clean:
	rm -rf .build .venv
