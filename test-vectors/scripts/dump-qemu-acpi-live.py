#!/usr/bin/env python3
"""Capture the ACPI tables QEMU's virt machine hands to UEFI, as the guest sees them.

Usage: dump-qemu-acpi-live.py OUTDIR [QEMU OPTION ...]

Boots qemu-system-aarch64 -machine virt under TCG with Debian's AAVMF firmware (pflash), waits until
the firmware reaches its boot manager (the tables are installed by then), stops the VM, saves guest
RAM through the monitor, finds the RSDP, follows RSDP -> XSDT -> tables (and FADT -> DSDT), and
writes each table as OUTDIR/<SIG> (a second table with the same signature as <SIG>.1), plus
OUTDIR/command.txt with the QEMU command line. Nothing is changed in the tables: the pointer fields
hold the addresses the firmware chose, and RSDP/XSDT are the firmware's own.
"""
import os
import shutil
import socket
import struct
import subprocess
import sys
import time

RAM_BASE = 0x40000000
CODE = '/usr/share/AAVMF/AAVMF_CODE.fd'
VARS = '/usr/share/AAVMF/AAVMF_VARS.fd'


def main():
    out = os.path.abspath(sys.argv[1])
    extra = sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    mem_mb = 256
    for i, a in enumerate(extra):
        if a == '-m':
            mem_mb = int(extra[i + 1].rstrip('M'))
    vars_copy = os.path.join(out, 'vars.fd')
    shutil.copyfile(VARS, vars_copy)
    monitor = os.path.join(out, 'monitor.sock')
    serial = os.path.join(out, 'serial.log')
    for f in (monitor, serial):
        if os.path.exists(f):
            os.unlink(f)
    cmd = ['qemu-system-aarch64', '-machine', 'virt', '-accel', 'tcg', '-m', f'{mem_mb}M', '-nodefaults',
           '-display', 'none', '-nic', 'none'] + [a for a in extra] + [
           '-drive', f'if=pflash,format=raw,unit=0,readonly=on,file={CODE}',
           '-drive', f'if=pflash,format=raw,unit=1,file={vars_copy}',
           '-serial', f'file:{serial}', '-monitor', f'unix:{monitor},server,nowait']
    if '-m' in extra:
        del cmd[5:7]  # the caller's -m wins
    qemu = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(out, 'qemu.err'), 'w'))
    ram = os.path.join(out, 'ram.bin')
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            time.sleep(2)
            if qemu.poll() is not None:
                sys.exit('QEMU exited early, see ' + os.path.join(out, 'qemu.err'))
            if os.path.exists(serial) and b'BdsDxe' in open(serial, 'rb').read():
                break
        else:
            sys.exit('the firmware did not reach BdsDxe in time')
        time.sleep(2)
        mon = socket.socket(socket.AF_UNIX)
        mon.connect(monitor)
        mon.settimeout(2)

        def hmp(line):
            mon.sendall((line + '\n').encode())
            time.sleep(1)
            try:
                return mon.recv(1 << 16)
            except socket.timeout:
                return b''

        hmp('stop')
        hmp(f'pmemsave {RAM_BASE:#x} {mem_mb << 20} "{ram}"')
        for _ in range(60):
            if os.path.exists(ram) and os.path.getsize(ram) == mem_mb << 20:
                break
            time.sleep(1)
        time.sleep(1)
        hmp('quit')
    finally:
        time.sleep(1)
        if qemu.poll() is None:
            qemu.kill()
    mem = open(ram, 'rb').read()
    os.unlink(ram)
    os.unlink(vars_copy)

    def at(address, n):
        return mem[address - RAM_BASE:address - RAM_BASE + n]

    def table(address):
        return at(address, struct.unpack_from('<I', at(address, 8), 4)[0])

    rsdp_at = -1
    i = mem.find(b'RSD PTR ')
    while i >= 0:
        if sum(mem[i:i + 20]) & 0xff == 0 and mem[i + 15] >= 2:
            rsdp_at = i
            break
        i = mem.find(b'RSD PTR ', i + 1)
    if rsdp_at < 0:
        sys.exit('no RSDP in guest RAM')
    rsdp = mem[rsdp_at:rsdp_at + 36]
    written = {}

    def write(sig, data):
        name = sig if sig not in written else f'{sig}.{written[sig]}'
        written[sig] = written.get(sig, 0) + 1
        open(os.path.join(out, name), 'wb').write(data)

    write('RSDP', rsdp)
    xsdt = table(struct.unpack_from('<Q', rsdp, 24)[0])
    write('XSDT', xsdt)
    for k in range(36, len(xsdt), 8):
        t = table(struct.unpack_from('<Q', xsdt, k)[0])
        sig = t[:4].decode('ascii')
        write(sig, t)
        if sig == 'FACP':
            dsdt = struct.unpack_from('<Q', t, 140)[0] or struct.unpack_from('<I', t, 40)[0]
            write('DSDT', table(dsdt))
    with open(os.path.join(out, 'command.txt'), 'w') as f:
        f.write(' '.join(cmd[:cmd.index('-drive')]) + '\n')
    print(out, sorted(written))


if __name__ == '__main__':
    main()
