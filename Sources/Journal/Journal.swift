// The Journal module. See DESIGN.md for its job.
