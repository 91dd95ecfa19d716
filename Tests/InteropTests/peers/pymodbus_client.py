"""A pymodbus synchronous client that runs a fixed script of reads and writes against a Modbus server and
prints what it saw as one JSON object on stdout.

  pymodbus_client.py tcp HOST PORT UNIT
  pymodbus_client.py rtu PATH UNIT        (9600 8N1; a pseudo-terminal ignores the rate)

Script, all addresses 0-based as on the wire:
  read  holding 0..9, input 0..4, coils 0..7, discrete inputs 0..7
  write FC6 holding 20 = 0xBEEF, FC16 holding 30..32 = 1 2 3, FC5 coil 3 = on, FC15 coils 8..10 = on off on
  read  back holding 20, holding 30..32, coil 3, coils 8..10
  FC22  holding 2: AND 0x00F0, OR 0x0005, then read it
  FC23  write holding 41..42 = 7 8 and read holding 40..43 in one transaction
  read  holding 5000 (expected to be refused: its exception code is reported)
"""

import json
import logging
import sys

from pymodbus.client import ModbusSerialClient, ModbusTcpClient


def connect(argv: list[str]):
    if argv[1] == "tcp":
        return ModbusTcpClient(argv[2], port=int(argv[3]), timeout=2, retries=0), int(argv[4])
    if argv[1] == "rtu":
        client = ModbusSerialClient(argv[2], baudrate=9600, bytesize=8, parity="N", stopbits=1, timeout=2, retries=0)
        return client, int(argv[3])
    raise SystemExit(f"unknown transport {argv[1]!r}; use tcp or rtu")


def checked(response, what: str):
    if response.isError():
        raise SystemExit(f"{what} failed: {response}")
    return response


def main() -> None:
    logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
    client, unit = connect(sys.argv)
    if not client.connect():
        raise SystemExit("cannot connect")
    seen: dict[str, object] = {}
    seen["holding"] = checked(client.read_holding_registers(0, count=10, device_id=unit), "FC3").registers
    seen["input"] = checked(client.read_input_registers(0, count=5, device_id=unit), "FC4").registers
    seen["coils"] = checked(client.read_coils(0, count=8, device_id=unit), "FC1").bits[:8]
    seen["discrete"] = checked(client.read_discrete_inputs(0, count=8, device_id=unit), "FC2").bits[:8]
    checked(client.write_register(20, 0xBEEF, device_id=unit), "FC6")
    checked(client.write_registers(30, [1, 2, 3], device_id=unit), "FC16")
    checked(client.write_coil(3, True, device_id=unit), "FC5")
    checked(client.write_coils(8, [True, False, True], device_id=unit), "FC15")
    seen["holding20"] = checked(client.read_holding_registers(20, count=1, device_id=unit), "FC3").registers
    seen["holding30"] = checked(client.read_holding_registers(30, count=3, device_id=unit), "FC3").registers
    seen["coil3"] = checked(client.read_coils(3, count=1, device_id=unit), "FC1").bits[:1]
    seen["coils8"] = checked(client.read_coils(8, count=3, device_id=unit), "FC1").bits[:3]
    checked(client.mask_write_register(address=2, and_mask=0x00F0, or_mask=0x0005, device_id=unit), "FC22")
    seen["masked2"] = checked(client.read_holding_registers(2, count=1, device_id=unit), "FC3").registers
    seen["readwrite40"] = checked(
        client.readwrite_registers(read_address=40, read_count=4, write_address=41, values=[7, 8], device_id=unit), "FC23"
    ).registers
    refused = client.read_holding_registers(5000, count=1, device_id=unit)
    seen["refused"] = refused.exception_code if refused.isError() else None
    client.close()
    print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    main()
