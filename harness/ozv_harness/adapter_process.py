"""One adapter as a child process speaking JSON lines, with timeouts and restarts.

A reader thread moves stdout lines into a queue so that every wait has a deadline: a hung
adapter is killed (its whole process group, since Node or a shell may have children) and
started again for the next case.
"""

import json
import os
import queue
import signal
import subprocess
import threading

from . import protocol

_EOF = object()


class AdapterFailure(Exception):
    """The adapter crashed, hung or broke the protocol; the message says which."""


class AdapterProcess:
    def __init__(self, name, argv, env=None, cwd=None, stderr_path=None,
                 start_timeout=60.0):
        self.name = name
        self.argv = list(argv)
        self.env = env
        self.cwd = cwd
        self.stderr_path = stderr_path
        self.start_timeout = start_timeout
        self.proc = None
        self.lines = None
        self.description = None
        self.restarts = 0
        if stderr_path:
            open(stderr_path, "wb").close()  # one run's log, not an ever-growing one

    # -- lifecycle ---------------------------------------------------------------------
    def start(self):
        """Starts the process and performs the handshake; returns the self-description."""
        self.kill()
        stderr = open(self.stderr_path, "ab") if self.stderr_path else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(
                self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                env=self.env, cwd=self.cwd, start_new_session=True)
        except OSError as error:
            raise AdapterFailure("cannot start %s: %s" % (self.argv[0], error))
        finally:
            if stderr is not subprocess.DEVNULL:
                stderr.close()
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self.proc.stdout, self.lines),
                         daemon=True).start()
        self._send({"cmd": "start", "protocol": protocol.PROTOCOL_VERSION})
        answer = self._receive(self.start_timeout, "start")
        try:
            self.description = protocol.check_start_answer(answer)
        except protocol.ProtocolError as error:
            self.kill()
            raise AdapterFailure("protocol violation at start: %s" % error)
        return self.description

    def ensure_started(self):
        if self.proc is None or self.proc.poll() is not None:
            if self.description is not None:
                self.restarts += 1  # it ran before: this start replaces a killed or dead one
            self.start()

    def stop(self):
        """Asks politely, then kills: a stop must never hang the harness."""
        if self.proc is None:
            return
        try:
            self._send({"cmd": "stop"})
            self.proc.wait(timeout=5)
        except (AdapterFailure, subprocess.TimeoutExpired):
            pass
        self.kill()

    def kill(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
        self.proc = None

    # -- one case ----------------------------------------------------------------------
    def run_case(self, message, timeout):
        """Sends a run command and returns the checked answer.

        Any failure kills the process (its state is unknown) and raises AdapterFailure;
        the next call starts a fresh one.
        """
        self.ensure_started()
        try:
            self._send(message)
            answer = self._receive(timeout, "case " + message["case"])
            return protocol.check_run_answer(answer, message["case"])
        except protocol.ProtocolError as error:
            self.kill()
            raise AdapterFailure("protocol violation: %s" % error)
        except AdapterFailure:
            self.kill()
            raise

    # -- plumbing ----------------------------------------------------------------------
    @staticmethod
    def _pump(stream, lines):
        try:
            for line in stream:
                lines.put(line)
        except (OSError, ValueError):
            pass
        lines.put(_EOF)

    def _send(self, message):
        try:
            self.proc.stdin.write((json.dumps(message, sort_keys=True) + "\n").encode("utf-8"))
            self.proc.stdin.flush()
        except (OSError, ValueError, AttributeError) as error:
            raise AdapterFailure("adapter closed its input (%s)" % error.__class__.__name__)

    def _receive(self, timeout, what):
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise AdapterFailure("timeout: no answer to %s within %gs" % (what, timeout))
        if line is _EOF:
            try:
                code = self.proc.wait(timeout=5) if self.proc else None
            except subprocess.TimeoutExpired:
                code = "still running, stdout closed"
            self.kill()
            raise AdapterFailure("adapter exited (code %s) during %s" % (code, what))
        try:
            return json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self.kill()
            raise AdapterFailure("protocol violation: answer to %s is not JSON: %r"
                                 % (what, line[:80]))
