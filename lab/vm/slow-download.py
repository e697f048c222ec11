#!/usr/bin/env python3
"""The VM lab's long transfer (lab/vm/connection-sync.ts): one HTTP GET read at a fixed rate.

  slow-download.py ADDR[:PORT] PATH BYTES_PER_S STALL_S MAX_S

The receive buffer is kept small, so the TCP window paces the sender and the connection carries
packets through the director for the whole download (curl's --limit-rate lets the kernel buffer
megabytes ahead: a first run ended in 1.8 s). Prints "BYTES SECONDS STATUS CODE SHA256": the body's
size and sha256, the HTTP status (0 when none arrived), and 0 when the body arrived whole
(Content-Length bytes), 28 when no byte came for STALL_S or MAX_S passed, 56 on a reset or an
early end.
"""
import hashlib
import socket
import sys
import time

CHUNK = 8192


def main(addr: str, path: str, rate: int, stall_s: float, max_s: float) -> None:
    t0 = time.monotonic()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2 * CHUNK)
    sock.settimeout(stall_s)
    digest = hashlib.sha256()
    body = 0
    status = 0
    length = -1
    code = 0
    try:
        host, _, port = addr.partition(":")
        sock.connect((host, int(port or 80)))
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            data = sock.recv(CHUNK)
            if not data:
                raise ConnectionError("closed in the header")
            head += data
        head, rest = head.split(b"\r\n\r\n", 1)
        lines = head.decode(errors="replace").split("\r\n")
        status = int(lines[0].split()[1])
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        digest.update(rest)
        body = len(rest)
        # bounded by MAX_S and by STALL_S per read
        while length < 0 or body < length:
            if time.monotonic() - t0 > max_s:
                code = 28
                break
            due = t0 + body / rate
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
            data = sock.recv(CHUNK)
            if not data:
                code = 0 if length < 0 else 56
                break
            digest.update(data)
            body += len(data)
    except socket.timeout:
        code = 28
    except (ConnectionError, OSError):
        code = 56
    finally:
        sock.close()
    print(f"{body} {time.monotonic() - t0:.3f} {status} {code} {digest.hexdigest()}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]))
