#!/usr/bin/env python3
"""The VM lab's udp service check (lab/vm/ipvs-options.ts).

  udp-hostname.py serve PORT SECONDS       answer each datagram with this host's name, for at most SECONDS
  udp-hostname.py probe ADDR PORT COUNT    COUNT datagrams, each from a fresh socket (a new IPVS
                                           connection), print one answer (or "lost") per line
"""
import socket
import sys
import time


def serve(port: int, seconds: float) -> None:
    name = socket.gethostname().encode()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("0.0.0.0", port))
    deadline = time.monotonic() + seconds
    # bounded: the lab stops it by PID, and it ends by itself if the lab dies first
    while time.monotonic() < deadline:
        sock.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            _, peer = sock.recvfrom(512)
        except socket.timeout:
            continue
        sock.sendto(name, peer)


def probe(addr: str, port: int, count: int) -> None:
    for i in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.settimeout(3)
        try:
            sock.sendto(b"who %d" % i, (addr, port))
            answer = sock.recv(512).decode(errors="replace")
        except socket.timeout:
            answer = "lost"
        finally:
            sock.close()
        print(answer, flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]), float(sys.argv[3]))
    elif len(sys.argv) == 5 and sys.argv[1] == "probe":
        probe(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
