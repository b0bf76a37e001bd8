#!/usr/bin/env python3
"""Read the ACPI tables QEMU's virt machine offers its firmware, straight from fw_cfg, unlinked.

Usage: dump-qemu-acpi-fwcfg.py OUTDIR [QEMU OPTION ...]

Starts qemu-system-aarch64 -machine virt stopped (-S: no guest code runs), driven through -qtest, with
Debian's AAVMF as pflash (QEMU builds ACPI tables only when firmware is loaded), reads the fw_cfg
files etc/acpi/tables, etc/acpi/rsdp and etc/table-loader through the fw_cfg MMIO registers, and
splits the tables blob into OUTDIR/<SIG> by walking it table by table (each table's Length). The
pointer fields are as QEMU writes them before its linker script runs: 0, or an offset within the
blob; their checksums are 0 (the firmware computes them when it links). OUTDIR/table-loader is the
linker script as QEMU gives it; OUTDIR/offsets.txt lists each table's offset in etc/acpi/tables;
OUTDIR/command.txt the command (without the firmware and qtest options).
"""
import os
import struct
import subprocess
import sys

FW_CFG = 0x09020000
CODE = '/usr/share/AAVMF/AAVMF_CODE.fd'


class Qtest:
    def __init__(self, args):
        self.p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def cmd(self, line):
        self.p.stdin.write(line + '\n')
        self.p.stdin.flush()
        while True:
            reply = self.p.stdout.readline()
            if not reply:
                raise SystemExit('QEMU went away after: ' + line)
            if reply.startswith('OK') or reply.startswith('FAIL'):
                break
        if not reply.startswith('OK'):
            raise SystemExit(f'{line}: {reply.strip()}')
        return reply[2:].strip()

    def select(self, key):
        self.cmd(f'write {FW_CFG + 8:#x} 2 {key:#06x}')  # big-endian selector

    def read(self, n):
        out = bytearray()
        while len(out) < n:
            chunk = min(8, n - len(out))
            value = self.cmd(f'read {FW_CFG:#x} {chunk}')
            out += bytes.fromhex(value[2:])
        return bytes(out)

    def close(self):
        self.p.stdin.close()
        try:
            self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.terminate()
            self.p.wait(timeout=30)


def main():
    out = os.path.abspath(sys.argv[1])
    extra = sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    cmd = ['qemu-system-aarch64', '-machine', 'virt', '-accel', 'tcg', '-m', '256M', '-nodefaults',
           '-display', 'none', '-nic', 'none', '-S'] + extra
    if extra.count('-m'):
        del cmd[5:7]
    full = cmd + ['-drive', f'if=pflash,format=raw,unit=0,readonly=on,file={CODE}', '-qtest', 'stdio']
    q = Qtest(full)
    try:
        q.select(0x19)
        count = struct.unpack('>I', q.read(4))[0]
        files = {}
        for _ in range(count):
            size, key, _reserved = struct.unpack('>IHH', q.read(8))
            name = q.read(56).split(b'\0')[0].decode()
            files[name] = (key, size)
        blobs = {}
        for name in ('etc/acpi/tables', 'etc/acpi/rsdp', 'etc/table-loader'):
            key, size = files[name]
            q.select(key)
            blobs[name] = q.read(size)
    finally:
        q.close()
    tables = blobs['etc/acpi/tables']
    at = 0
    seen = {}
    lines = []
    while at + 8 <= len(tables) and tables[at:at + 4] != b'\0\0\0\0':
        sig = tables[at:at + 4].decode('ascii')
        length = struct.unpack_from('<I', tables, at + 4)[0]
        name = sig if sig not in seen else f'{sig}.{seen[sig]}'
        seen[sig] = seen.get(sig, 0) + 1
        open(os.path.join(out, name), 'wb').write(tables[at:at + length])
        lines.append(f'{name} {at:#x} {length}')
        at += length
    open(os.path.join(out, 'RSDP'), 'wb').write(blobs['etc/acpi/rsdp'])
    open(os.path.join(out, 'table-loader'), 'wb').write(blobs['etc/table-loader'])
    with open(os.path.join(out, 'offsets.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    with open(os.path.join(out, 'command.txt'), 'w') as f:
        f.write(' '.join(cmd) + '\n')
    print(out, lines)


if __name__ == '__main__':
    main()
