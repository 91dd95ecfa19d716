// The station service: event loop, API, systemd integration. See DESIGN.md.
