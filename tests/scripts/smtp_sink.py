"""A local SMTP server for the e-mail tests (Debian's python3-aiosmtpd).

Usage: smtp_sink.py DIR SECONDS
Listens on 127.0.0.1 on a free port, writes the port to DIR/port once it accepts connections,
stores each message it receives as DIR/N.json ({"mail_from", "rcpt_tos", "data"}), and stops
by itself after SECONDS (or at SIGTERM): a test never leaves it running.
"""
import json
import os
import signal
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": envelope.original_content.decode("utf-8", "replace"),
        }
        path = os.path.join(self.folder, f"{self.count}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.replace(path + ".tmp", path)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder, seconds = sys.argv[1], float(sys.argv[2])
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=free_port())
    controller.start()
    with open(os.path.join(folder, "port.tmp"), "w") as f:
        f.write(str(controller.port))
    os.replace(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    end = time.monotonic() + seconds
    while not stop["now"] and time.monotonic() < end:
        time.sleep(0.05)
    controller.stop()


if __name__ == "__main__":
    main()
