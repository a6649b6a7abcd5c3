"""`chart fatalities | head -1` at a terminal: the caveat on what the bars count reaches
the watched stderr though head has closed the pipe. Told after the rows, it was lost
whenever head left before the last row was written (`chart fatalities --facet country
| head -1`): U45's "2019 2193" without "not a total death toll", which U47 mended only
where every row was written before head left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_pager import child_environ, shown_until_closed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


# a faceted chart by actor is some 50 kB, over the 8 kB stdout buffer: rows written
# before the caveat, as any chart's are where Python writes unbuffered (in a container)
@pytest.mark.parametrize(
    ("facet", "environ"), [(("--facet", "actor"), {}), ((), {"PYTHONUNBUFFERED": "1"})]
)
def test_the_caveat_survives_head_closing_the_pipe(
    tmp_path: Path, bundled: None, facet: tuple[str, ...], environ: dict[str, str]
) -> None:
    import pty  # noqa: F401  (POSIX only: the skip above)

    main, side = os.openpty()
    environ = {**environ, **child_environ(tmp_path)}
    read, write = os.pipe()
    os.close(read)  # as a head that has left: every row written meets a closed pipe
    proc = subprocess.Popen(
        [sys.executable, "-m", "barkhane_cli", "chart", "fatalities", *facet],
        stdout=write,
        stderr=side,
        env=environ,
    )
    os.close(write)
    os.close(side)
    told = shown_until_closed(main)
    proc.wait(timeout=60)
    assert b"not a total death toll" in told.replace(b"\r\n", b" ").replace(b"\n", b" ")
