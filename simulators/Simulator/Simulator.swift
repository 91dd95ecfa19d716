// Device simulation and scenario running for custody-sim.
