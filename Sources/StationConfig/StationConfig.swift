// The StationConfig module. See DESIGN.md for its job.
