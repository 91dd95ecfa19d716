// The CustodyCore module. See DESIGN.md for its job.
