// The DeviceProfiles module. See DESIGN.md for its job.
