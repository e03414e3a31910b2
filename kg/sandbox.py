"""The engine's network switch, which pyoxigraph lacks: a query worker may open no IP socket.

pyoxigraph evaluates ``SERVICE`` by fetching from the address the query names, and offers
no option to turn federation off. :mod:`kg.query_guard` refuses such queries before they
run; as a second wall, each query worker installs a seccomp filter (Linux, x86-64 and
AArch64) under which creating an IPv4 or IPv6 socket fails with EACCES, so even a query
the guard misread cannot reach out. Elsewhere this is a no-op that says so.
"""

from __future__ import annotations

import ctypes
import platform
import struct
import sys

_ARCHES = {  # audit architecture, socket(2) syscall number
    "x86_64": (0xC000003E, 41),
    "aarch64": (0xC00000B7, 198),
}
_AF_INET, _AF_INET6 = 2, 10
_EACCES = 13
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LD_ABS, _JEQ, _RET = 0x20, 0x15, 0x06
_ALLOW, _ERRNO = 0x7FFF0000, 0x00050000


def deny_network() -> bool:
    """Forbid this thread (and threads it starts later) to create IP sockets; True if done."""
    machine = platform.machine().lower()
    if not sys.platform.startswith("linux") or machine not in _ARCHES:
        return False
    arch, socket_call = _ARCHES[machine]
    program = [
        (_LD_ABS, 0, 0, 4),  # the architecture
        (_JEQ, 0, 5, arch),
        (_LD_ABS, 0, 0, 0),  # the syscall number
        (_JEQ, 0, 3, socket_call),
        (_LD_ABS, 0, 0, 16),  # socket(domain, ...): the low word of the first argument
        (_JEQ, 2, 0, _AF_INET),
        (_JEQ, 1, 0, _AF_INET6),
        (_RET, 0, 0, _ALLOW),
        (_RET, 0, 0, _ERRNO | _EACCES),
    ]
    filters = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *instruction) for instruction in program))
    fprog = struct.pack("HL", len(program), ctypes.addressof(filters))  # struct sock_fprog, native alignment
    fprog_buffer = ctypes.create_string_buffer(fprog)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(fprog_buffer), 0, 0) == 0
