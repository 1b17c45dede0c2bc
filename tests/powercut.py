"""A disk that loses power: the file calls a process made (recorded by strace), replayed
up to a cut, keeping only what had been synced (and any part of what had not).

Model: each file's content is what its fsync/fdatasync calls made durable; writes and
truncations after its last sync may each have reached the disk or not (in order, any
subset). Creating and removing a file count as done at once. A program is durable under
this model when no such state loses what it acknowledged.
"""

from __future__ import annotations

import dataclasses
import random
import re
import subprocess
from pathlib import Path

SYSCALLS = ",".join((
    "openat", "pwrite64", "pwritev", "pwritev2", "write", "writev", "ftruncate", "fsync",
    "fdatasync", "unlink", "unlinkat", "rename", "renameat", "renameat2", "fallocate"))
_CALL = re.compile(r"^(\w+)\((.*)\)\s+=\s+(-?\d+)")
_FD = re.compile(r"^(\d+)<(.*)>$")
_DATA = re.compile(r'"((?:\\x[0-9a-f]{2})*)"')


@dataclasses.dataclass
class Op:
    kind: str  # "write", "truncate", "sync", "create", "remove", "ack"
    name: str  # file name within the folder watched
    offset: int = 0
    data: bytes = b""
    size: int = 0


def record(cmd: list[str], trace: Path, env: dict[str, str] | None = None) -> None:
    """Run `cmd` under strace, writing the calls (with paths and whole data) to `trace`."""
    subprocess.run(["strace", "-qq", "-y", "-xx", "-s", str(1 << 20), "-e", f"trace={SYSCALLS}",
                    "-o", str(trace), *cmd], check=True, env=env, timeout=600)


def _unhex(text: str) -> str:
    """strace -xx writes every byte of a name as \\xHH."""
    return bytes.fromhex(text.replace("\\x", "")).decode("utf-8", "replace") if text else ""


def _fd(arg: str) -> tuple[int, str] | None:
    m = _FD.match(arg)
    return (int(m[1]), _unhex(m[2])) if m else None


def _args(text: str) -> list[str]:
    # the data argument is the only one with commas inside it only as hex escapes
    return [a.strip() for a in text.split(", ")]


def parse(trace: Path, folder: Path, ack_name: str) -> list[Op]:
    """The calls on files in `folder`, in order; writes to `ack_name` are acknowledgements."""
    prefix = str(folder) + "/"
    ops: list[Op] = []
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _CALL.match(line)
        if not m or int(m[3]) < 0:
            continue
        call, args, result = m[1], _args(m[2]), int(m[3])
        if call == "openat":
            fd = _fd(line.rsplit("= ", 1)[1].strip())
            if fd and fd[1].startswith(prefix) and "O_CREAT" in args[2]:
                ops.append(Op("create", fd[1][len(prefix):]))
                if "O_TRUNC" in args[2]:
                    ops.append(Op("truncate", fd[1][len(prefix):], size=0))
            continue
        if call in ("unlink", "unlinkat"):
            target = _unhex(args[1 if call == "unlinkat" else 0].strip('"'))
            if target.startswith(prefix):
                ops.append(Op("remove", target[len(prefix):]))
            continue
        if call.startswith("rename"):
            raise AssertionError(f"renames are not modelled: {line}")
        fd = _fd(args[0])
        if not fd or not fd[1].startswith(prefix):
            continue
        name = fd[1][len(prefix):]
        if call == "pwrite64":
            data = _DATA.search(m[2])
            assert data and result == int(args[-2]), line
            ops.append(Op("write", name, int(args[-1]), bytes.fromhex(data[1].replace("\\x", ""))))
        elif call == "write" and name == ack_name:
            data = _DATA.search(m[2])
            assert data, line
            ops.append(Op("ack", name, data=bytes.fromhex(data[1].replace("\\x", ""))))
        elif call in ("ftruncate",):
            ops.append(Op("truncate", name, size=int(args[1])))
        elif call in ("fsync", "fdatasync"):
            ops.append(Op("sync", name))
        else:
            raise AssertionError(f"a call the model does not know: {line}")
    return ops


def _apply(content: bytearray, op: Op) -> None:
    if op.kind == "write":
        end = op.offset + len(op.data)
        if len(content) < op.offset:
            content.extend(bytes(op.offset - len(content)))
        content[op.offset:end] = op.data
    elif op.kind == "truncate":
        del content[op.size:]


def disk_after(ops: list[Op], cut: int, keep: random.Random | str) -> dict[str, bytes]:
    """The files as a power cut after ops[:cut] leaves them. `keep`: "none" or "all" of
    the unsynced changes, or a Random choosing a subset of them."""
    durable: dict[str, bytearray] = {}
    pending: dict[str, list[Op]] = {}
    for op in ops[:cut]:
        if op.kind == "create":
            durable.setdefault(op.name, bytearray())
            pending.setdefault(op.name, [])
        elif op.kind == "remove":
            durable.pop(op.name, None)
            pending.pop(op.name, None)
        elif op.kind in ("write", "truncate"):
            pending.setdefault(op.name, []).append(op)
        elif op.kind == "sync":
            for done in pending.pop(op.name, []):
                _apply(durable.setdefault(op.name, bytearray()), done)
    out = {}
    for name, content in durable.items():
        for op in pending.get(name, []):
            if keep == "all" or (isinstance(keep, random.Random) and keep.random() < 0.5):
                _apply(content, op)
        out[name] = bytes(content)
    return out


def acknowledged(ops: list[Op], cut: int) -> list[str]:
    text = b"".join(op.data for op in ops[:cut] if op.kind == "ack").decode()
    return [line for line in text.split("\n")[:-1]]  # a line without its end: not told
