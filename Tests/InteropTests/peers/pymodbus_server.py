"""A pymodbus Modbus/TCP server with known values, the independent peer for custodyd's client.

Serves one device (unit --unit) with four separate tables, addressed 0-based as on the wire:
  holding register i = 0x1000 + 3*i      (i < --registers)
  input register i   = 2000 + i          (i < --registers)
  coil i             = i % 3 == 0        (i < 32)
  discrete input i   = i % 2 == 1        (i < 32)
Anything else is an illegal data address. Prints "ready PORT" on stdout once it listens, then serves until
it is terminated or its stdin closes.
"""

import argparse
import asyncio
import logging
import sys

from pymodbus.server import ModbusTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

BITS = 32


def device(unit: int, registers: int) -> SimDevice:
    coils = [SimData(0, values=[i % 3 == 0 for i in range(BITS)], datatype=DataType.BITS)]
    inputs = [SimData(0, values=[i % 2 == 1 for i in range(BITS)], datatype=DataType.BITS)]
    holding = [SimData(0, values=[0x1000 + 3 * i for i in range(registers)], datatype=DataType.REGISTERS)]
    input_registers = [SimData(0, values=[2000 + i for i in range(registers)], datatype=DataType.REGISTERS)]
    return SimDevice(unit, simdata=(coils, inputs, holding, input_registers))


async def wait_for_stdin_eof() -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("--registers", type=int, default=100)
    args = parser.parse_args()
    logging.getLogger("pymodbus").setLevel(logging.ERROR)

    server = ModbusTcpServer(device(args.unit, args.registers), address=(args.host, args.port))
    await server.serve_forever(background=True)
    port = server.transport.sockets[0].getsockname()[1]
    print(f"ready {port}", flush=True)
    await wait_for_stdin_eof()
    await server.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
