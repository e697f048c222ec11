"""The netns lab's SMTP sink: accepts every mail on ADDRESS:PORT and writes it to DIR/<n>.eml.

Usage: python3 smtp-sink.py ADDRESS PORT DIR (run in the lab's router namespace; stopped by PID).
"""

import os
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402  (Debian 12's python3.11 still ships smtpd and asyncore)
import smtpd  # noqa: E402


class Sink(smtpd.SMTPServer):
    count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        Sink.count += 1
        if isinstance(data, bytes):
            data = data.decode("utf-8", "replace")
        head = f"X-Peer: {peer[0]}\nX-MailFrom: {mailfrom}\nX-RcptTo: {', '.join(rcpttos)}\n"
        path = os.path.join(OUT, f"{Sink.count}.eml")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(head + data)
        os.rename(path + ".tmp", path)


if __name__ == "__main__":
    address, port, OUT = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    Sink((address, port), None, decode_data=True)
    print(f"smtp-sink listening on {address}:{port}", flush=True)
    asyncore.loop()
