// The Modbus module. See DESIGN.md for its job.
