"""A pymodbus Modbus server with known values, the independent peer for custodyd's client.

Serves one device (unit --unit) with four separate tables, addressed 0-based as on the wire:
  holding register i = 0x1000 + 3*i      (i < --registers)
  input register i   = 2000 + i          (i < --registers)
  coil i             = i % 3 == 0        (i < 32)
  discrete input i   = i % 2 == 1        (i < 32)
Anything else is an illegal data address.

Modbus/TCP (default): prints "ready PORT" once it listens.
Modbus RTU (--rtu): links two pseudo-terminals with socat, serves RTU on one at 9600 8N1 and prints
"ready PATH" with the other one's path, for the master to open.
Either way it serves until its stdin closes or it gets SIGTERM.
"""

import argparse
import asyncio
import logging
import shutil
import signal
import sys
import tempfile
import threading

from pymodbus.server import ModbusSerialServer, ModbusTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

BITS = 32


def device(unit: int, registers: int) -> SimDevice:
    coils = [SimData(0, values=[i % 3 == 0 for i in range(BITS)], datatype=DataType.BITS)]
    inputs = [SimData(0, values=[i % 2 == 1 for i in range(BITS)], datatype=DataType.BITS)]
    holding = [SimData(0, values=[0x1000 + 3 * i for i in range(registers)], datatype=DataType.REGISTERS)]
    input_registers = [SimData(0, values=[2000 + i for i in range(registers)], datatype=DataType.REGISTERS)]
    return SimDevice(unit, simdata=(coils, inputs, holding, input_registers))


async def until_stopped() -> None:
    """Returns when stdin closes or SIGTERM arrives, so the caller can clean up either way."""
    loop = asyncio.get_running_loop()
    stopped = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stopped.set)

    def read_stdin_to_end() -> None:
        sys.stdin.read()
        loop.call_soon_threadsafe(stopped.set)

    threading.Thread(target=read_stdin_to_end, daemon=True).start()
    await stopped.wait()


async def serve_tcp(args: argparse.Namespace) -> None:
    server = ModbusTcpServer(device(args.unit, args.registers), address=(args.host, args.port))
    await server.serve_forever(background=True)
    port = server.transport.sockets[0].getsockname()[1]
    print(f"ready {port}", flush=True)
    await until_stopped()
    await server.shutdown()


def only_for(unit: int):
    """Ignores requests addressed to another unit, as a device on a real bus does.

    pymodbus 3.16.1 answers a unit it does not serve with exception 04 over RTU, even with
    ignore_missing_devices (SimCore falls back to device 0, and the KeyError becomes DEVICE_FAILURE).
    A received PDU traced to None is consumed from the buffer and never handled, so nothing is sent.
    """

    def trace(sending: bool, pdu):
        return pdu if sending or pdu.dev_id == unit else None

    return trace


async def serve_rtu(args: argparse.Namespace) -> None:
    socat = shutil.which("socat")
    if socat is None:
        raise SystemExit("socat is not installed; run scripts/setup (Debian package socat)")
    directory = tempfile.mkdtemp(prefix="custodyd-pymodbus-rtu-")
    ours, theirs = f"{directory}/server", f"{directory}/client"
    link = await asyncio.create_subprocess_exec(
        socat, "-d", "-d", f"pty,raw,echo=0,link={ours}", f"pty,raw,echo=0,link={theirs}",
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        while b"starting data transfer loop" not in (line := await link.stderr.readline()):
            if not line:
                raise SystemExit("socat could not link two pseudo-terminals")
        server = ModbusSerialServer(
            device(args.unit, args.registers), port=ours, baudrate=9600, bytesize=8, parity="N", stopbits=1,
            trace_pdu=only_for(args.unit),
        )
        await server.serve_forever(background=True)
        print(f"ready {theirs}", flush=True)
        await until_stopped()
        await server.shutdown()
    finally:
        link.terminate()
        await link.wait()
        shutil.rmtree(directory, ignore_errors=True)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--rtu", action="store_true", help="serve Modbus RTU on a pseudo-terminal instead")
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("--registers", type=int, default=100)
    args = parser.parse_args()
    logging.getLogger("pymodbus").setLevel(logging.ERROR)
    await (serve_rtu(args) if args.rtu else serve_tcp(args))


if __name__ == "__main__":
    asyncio.run(main())
