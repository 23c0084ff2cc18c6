"""Print the web editor's address once the site answers on port 8000 (dev container, start.sh).

Usage: announce.py PID ADDRESS. Gives up quietly when process PID (make edit) has ended.
"""

import os
import socket
import sys
import time


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def main(pid: int, address: str) -> None:
    while running(pid):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", 8000)) == 0:
                print(f"\n  Webredaktøren: {address}/kin/admin/\n  Nettstedet:    {address}/kin/\n", flush=True)
                return
        time.sleep(1)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
