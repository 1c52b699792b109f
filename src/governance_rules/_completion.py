"""Shell completion (bash, zsh, fish and others) by argcomplete.

``governance-rules completion bash`` prints the script to source (``>> ~/.bashrc``, or into
``/etc/bash_completion.d/``; for fish, into ``~/.config/fish/completions/governance-rules.fish``).
The script calls the command back with argcomplete's environment variables set: :func:`complete`
then answers from the parser itself, with rule ids, catalogue ids and document ids from the bundled
rule set. argcomplete is imported only then, so an ordinary start pays nothing for it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

SHELLS = ("bash", "zsh", "fish", "tcsh", "powershell")
PROGRAM = "governance-rules"


def wanted() -> bool:
    """Whether this run is a completion request from the shell."""
    return "_ARGCOMPLETE" in os.environ


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell and exit (argcomplete's protocol); returns only when not asked to."""
    import argcomplete

    argcomplete.autocomplete(parser)


def script(shell: str) -> str:
    """The completion script for ``shell``."""
    from argcomplete.shell_integration import shellcode

    return str(shellcode([PROGRAM], shell=shell))


def rule_ids(prefix: str, **_: Any) -> list[str]:
    """Rule ids and catalogue ids (``rules show``)."""
    from ._ruleset_peek import peek

    found = peek()
    return [i for i in (*found.rule_ids, *found.catalogue_ids) if i.startswith(prefix)]


def document_ids(prefix: str, **_: Any) -> list[str]:
    """Document ids followed by a colon (``source HLS-356:``)."""
    from ._ruleset_peek import peek

    return [f"{d}:" for d in peek().document_ids if f"{d}:".startswith(prefix)]
