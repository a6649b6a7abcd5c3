"""The console entry point. It runs first and imports nothing heavy, so Ctrl-C, SIGTERM
and a closed or full stdout are handled from the first millisecond, before Typer and
Rich are imported (which takes ~100 ms): one line on stderr and a documented exit code,
never a traceback. Everything that happens once the app runs is the app's error
boundary's (cli/lazy.py, LazyGroup.main); this covers only the moments around it.
"""

# Only modules that are built in or already loaded (errors.py needs only enum, which
# signal has loaded): this file's own import is the one moment a Ctrl-C could still end
# in a traceback, so it must take microseconds.
import errno
import os
import signal
import sys

from barkhane_cli.errors import ExitCode


class Terminated(BaseException):
    """SIGTERM, raised as an exception so ``finally`` blocks (temporary files) still run."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


class ClosedOutput:
    """Stands in for a stdout that was closed (``>&-``): any write fails as EBADF."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, s: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _say(message: str) -> None:
    try:
        sys.stderr.write(f"barkhane: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    if sys.stdout is None:
        sys.stdout = ClosedOutput()
    try:
        from barkhane_cli.cli.base import run

        code = run(sys.argv[1:])
        sys.stdout.flush()
    except KeyboardInterrupt:
        _say("interrupted")
        code = ExitCode.INTERRUPTED
    except Terminated:
        _say("terminated")
        code = ExitCode.TERMINATED
    except BrokenPipeError:
        code = ExitCode.OK  # the reader went away (`| head`): normal
        _silence_stdout()
    except OSError as exc:
        _say(f"cannot write the output ({exc.strerror or exc})")
        code = ExitCode.DATA
        _silence_stdout()
    # os._exit is not used: exit normally, with nothing left to flush into a dead stdout.
    sys.exit(code)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = ClosedOutput()
