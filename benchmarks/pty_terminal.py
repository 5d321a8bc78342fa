"""A child process whose stderr is a pseudo-terminal, so kg draws its progress bar, which we read.

Shared by ``resume_check.py`` and the interrupt tests (``tests/test_batch_interrupt.py``). POSIX only.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import termios
import threading


class Terminal:
    """``command`` with stdout piped and stderr on a terminal of 40 x 120; ``text`` is what it drew."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self._leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=follower, text=True, preexec_fn=_default_sigint
        )
        os.close(follower)
        self.text = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._leader, 4096)
            except OSError:
                return
            if not data:
                return
            self.text += data.decode(errors="replace")

    def done(self, total: int) -> int:
        """Documents done, as the bar last said ("123/2000")."""
        counts = re.findall(rf"(\d+)/{total}\b", self.text)
        return int(counts[-1]) if counts else 0

    def finish(self, timeout: float | None = None) -> tuple[int, str, str]:
        """Wait for the end: exit code, stdout, and everything drawn on the terminal."""
        out, _ = self.process.communicate(timeout=timeout)
        self._reader.join(timeout=10)
        os.close(self._leader)
        return self.process.returncode, out, self.text


def _default_sigint() -> None:
    """Children of a background job inherit an ignored SIGINT; kg must see Ctrl-C here."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
