"""Open the course in JupyterLab: ``python -m bpcore.lab [JupyterLab options] [folder]``.

README's course command ends with this launcher instead of ``jupyter lab`` for one reason:
Jupyter refuses to start as root ("Running as root is not recommended. Use --allow-root to
bypass."), and root is who runs the command in a Docker container or on a fresh cloud
machine.  The launcher adds ``--allow-root`` only when the effective user id is 0 (never on
Windows, which has no such id) and says why on stderr, in Chinese and English; every other
argument goes to JupyterLab unchanged, and JupyterLab runs in this same process.

Examples
--------
>>> lab_arguments(["--ip=127.0.0.1", "notebooks/"], euid=1000)
(['--ip=127.0.0.1', 'notebooks/'], None)
>>> args, note = lab_arguments(["--ip=127.0.0.1", "notebooks/"], euid=0)
>>> args
['--allow-root', '--ip=127.0.0.1', 'notebooks/']
>>> "--allow-root" in note
True
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from .i18n import LANGS, t

#: The options by which a user already allows root themselves (then nothing is added).
ALLOW_ROOT = ("--allow-root", "--ServerApp.allow_root=True", "--NotebookApp.allow_root=True")


def effective_uid() -> int | None:
    """The effective user id, or ``None`` where there is none (Windows)."""
    return os.geteuid() if hasattr(os, "geteuid") else None


def lab_arguments(argv: Sequence[str], euid: int | None) -> tuple[list[str], str | None]:
    """The arguments for JupyterLab, and the note to print (``None``: nothing to say).

    Parameters
    ----------
    argv : sequence of str
        What the user passed, e.g. ``["--ip=127.0.0.1", "notebooks/"]``.
    euid : int or None
        The effective user id (:func:`effective_uid`); ``0`` is root, ``None`` is Windows.

    Returns
    -------
    args : list of str
        ``argv``, with ``--allow-root`` in front when ``euid == 0`` and the user has not
        allowed root already.
    note : str or None
        Why ``--allow-root`` was added, in Chinese then English; ``None`` when it was not.
    """
    args = [str(a) for a in argv]
    if euid != 0 or any(a in ALLOW_ROOT for a in args):
        return args, None
    return ["--allow-root", *args], "\n".join(t("lab.root", lang) for lang in LANGS)


def _launch_lab(args: list[str]) -> None:
    from jupyterlab.labapp import LabApp

    LabApp.launch_instance(argv=args)


def main(
    argv: Sequence[str] | None = None,
    *,
    euid: int | None = None,
    launch: Callable[[list[str]], None] | None = None,
) -> int:
    """Start JupyterLab with ``argv`` (default: the command line), allowing root if root.

    ``euid`` and ``launch`` replace :func:`effective_uid` and JupyterLab itself (for tests).
    """
    argv = sys.argv[1:] if argv is None else argv
    args, note = lab_arguments(argv, effective_uid() if euid is None else euid)
    if note:
        print(note, file=sys.stderr, flush=True)
    (launch or _launch_lab)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
