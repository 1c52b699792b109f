"""Find record files, group them into dossiers, validate and resolve them.

Every problem becomes an :class:`~governance_rules.errors.InputError` naming file, line and
field; a broken file never stops the others from being read.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._input_words import english_message
from .._said import os_reason
from .._suggest import close_matches
from ..errors import InputError, printable, short_input
from ..models.record_file import RECORD_KEYS
from ._budget import ErrorBudget
from ._own_reports import is_own_report
from ._parse import (
    LineIndex,
    ParseFailure,
    Path_,
    parse_record_lines,
    parse_record_text,
    read_file,
)
from ._pseudo_fs import PseudoFileSystems
from ._resolve import resolve
from .dossier import COUNTED_RECORDS, Dossier, Located, RefusedRecord

RECORD_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
COMMUNITY_FILES = tuple(f"community{s}" for s in RECORD_SUFFIXES)
IGNORED_FILES = frozenset({"governance-waivers.yaml", ".pre-commit-hooks.yaml"})

_Runs = list[tuple[str, list[Located[Any]]]]
"""A file's records as runs of one collection's records, in file order (``(collection,
records)``): the records of a key of the file make one run, and a dossier is assembled a run at
a time instead of a record at a time."""


class DossierSource:
    """The files of one dossier, and which of them the user asked to have checked.

    Kept small: every dossier of a run is discovered before the first is read, so each file is
    held as its name under ``root`` (a path object took ten times the memory: 42 MiB for the
    84,000 files of the benchmark's 1M records), and the chosen files only when they are not
    all of them. Immutable, compared by value, picklable.

    >>> source = DossierSource(Path("/c"), (Path("/c/a.yaml"), Path("/c/m/b.yaml")),
    ...                        {Path("/c/a.yaml")})
    >>> source.files, sorted(source.selected)
    ((PosixPath('/c/a.yaml'), PosixPath('/c/m/b.yaml')), [PosixPath('/c/a.yaml')])
    """

    __slots__ = ("_chosen", "_links", "_names", "_root")

    def __init__(self, root: Path, files: Iterable[str | os.PathLike[str]],
                 selected: Iterable[str | os.PathLike[str]],
                 links_outside: tuple[Path, ...] = ()) -> None:
        prefix = str(root).rstrip(os.sep) + os.sep
        names = tuple(_under(os.fspath(f), prefix) for f in files)
        chosen = frozenset(_under(os.fspath(f), prefix) for f in selected)
        self._root, self._names, self._links = root, names, tuple(links_outside)
        self._chosen = None if chosen == frozenset(names) else chosen

    @property
    def root(self) -> Path:
        return self._root

    @property
    def files(self) -> tuple[Path, ...]:
        """Every file of the dossier, in path order."""
        return tuple(map(self._path, self._names))

    @property
    def selected(self) -> frozenset[Path]:
        """The files whose findings the user asked for (the others give context)."""
        return frozenset(map(self._path, self._names if self._chosen is None else self._chosen))

    @property
    def all_selected(self) -> bool:
        """Whether every file of the dossier is asked for (as when its folder is given)."""
        return self._chosen is None

    def _path(self, name: str) -> Path:
        return Path(name[1:]) if name.startswith(_AS_GIVEN) else self._root / name

    @property
    def links_outside(self) -> tuple[Path, ...]:
        """Symbolic links in the dossier's folders that lead out of them: reported, not
        followed."""
        return self._links

    def _key(self) -> tuple[object, ...]:
        return self._root, self.files, self.selected, self._links

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DossierSource) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"DossierSource(root={self._root!r}, files={self.files!r}, "
                f"selected={self.selected!r}, links_outside={self._links!r})")

    def __getstate__(self) -> tuple[Path, tuple[str, ...], frozenset[str] | None,
                                    tuple[Path, ...]]:
        return self._root, self._names, self._chosen, self._links

    def __setstate__(self, state: tuple[Path, tuple[str, ...], frozenset[str] | None,
                                        tuple[Path, ...]]) -> None:
        self._root, self._names, self._chosen, self._links = state


def _under(path: str, prefix: str) -> str:
    """``path`` relative to the folder ``prefix`` names (ending in a separator); else ``path``
    itself when absolute (``root / path`` gives it back), else marked to be taken as given."""
    if path.startswith(prefix):
        return path[len(prefix):]
    return path if os.path.isabs(path) else _AS_GIVEN + path


_AS_GIVEN = "\0"
"""Marks a relative path that is not under its dossier's root (no path holds this character)."""


def discover(paths: Sequence[str | os.PathLike[str]], *,
             skip: Collection[str | os.PathLike[str]] = ()
             ) -> tuple[list[DossierSource], list[InputError]]:
    """Group the record files under ``paths`` into dossiers; the files at ``skip`` are not
    records (the report this run writes, inside a checked folder).

    A dossier is rooted at the nearest folder holding a ``community.yaml`` (or ``.yml``,
    ``.json``). A single file given on its own is checked in the context of its dossier.

    Every file is known by its real path, so one dossier reached by two spellings (``d`` and
    ``/abs/d``, ``d/x/../x``, a symbolic link to ``d``) is read and checked once. A symbolic
    link inside a checked folder whose target lies outside that folder is not followed: it is
    reported as a ``symlink_outside`` input error and the rest is checked (docs/hardening.md).
    The kernel's pseudo file systems (``/proc``, ``/sys``, ``/dev`` …) hold no records and are
    never walked: a walk passes them by, and a folder on one named by the user is a
    ``pseudo_file_system`` input error.
    """
    errors: list[InputError] = []
    pseudo = PseudoFileSystems.of_this_machine()
    # files as text until a dossier's source is made: a path object per file of a corpus took
    # ten times the memory, and every file is held until discovery ends
    walked_files: list[str] = []
    named_files: list[str] = []  # named on their own
    links: set[Path] = set()
    walked: list[Path] = []
    unreadable: dict[str, tuple[str, str]] = {}
    missing: set[str | bytes] = set()
    plain = True  # no symbolic link met while walking: the walks give every dossier's files
    has_community = _CommunityFiles()
    empty = [raw for raw in paths if not os.fspath(raw)]
    if empty:  # Path("") is the current folder: an empty argument (an unset $VAR) is not
        errors.append(InputError(type="path_not_found", file="", msg="an empty path names no "
                                 "file or folder (an unset variable?)",
                                 ctx={"zh": "路径为空，没有指明文件或文件夹（变量未设置？）"}))
        paths = [raw for raw in paths if os.fspath(raw)]
    nul = [raw for raw in paths if "\0" in os.fspath(raw)]  # no system names such a path
    if nul:
        errors += [_not_found(raw) for raw in nul]
        paths = [raw for raw in paths if "\0" not in os.fspath(raw)]
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or os.path.lexists(path)
        except OSError:  # pragma: no cover - a name too long, a permission problem
            is_dir, exists = False, os.path.lexists(path)
        if is_dir and (kind := pseudo.type_of(path)) is not None:
            errors.append(_pseudo_file_system(raw, kind))
        elif is_dir:
            folder = _real(path)
            errors_before, links_before = len(unreadable), len(links)
            found, met_links = _walk_record_files(folder, links, has_community, unreadable,
                                                  pseudo.mount_points)
            if not found and len(unreadable) == errors_before and len(links) == links_before:
                errors.append(_no_records(raw))  # nothing read, nothing else said of it
            walked_files.extend(found)
            walked.append(folder)
            plain = plain and not met_links
        elif exists and _dangling(path):
            errors.append(InputError(type="broken_link", file=printable(os.fspath(raw)),
                                     msg=_broken_link(path)))
        elif exists:  # a file, or something read_file refuses with a clear error
            named_files.append(str(path))
        elif os.fspath(raw) not in missing:  # a path given twice is reported once
            missing.add(os.fspath(raw))
            errors.append(_not_found(raw))
    if skip:
        skipped = {os.path.realpath(p) for p in skip}
        walked_files = [f for f in walked_files if f not in skipped]
        named_files = [f for f in named_files if os.path.realpath(f) not in skipped]
    roots = [_real(Path(raw)) for raw in paths]
    groups: dict[Path, set[str]] = {}
    root_of_folder: dict[str, Path] = {}  # the files of one folder share their dossier's root
    for file, named in chain(((f, False) for f in walked_files), ((f, True) for f in named_files)):
        if named or not plain:  # a walk without links gives real paths already
            given = _given_file(Path(file), roots, has_community)
            root = _dossier_root(given, roots, has_community)
            file = str(given)
        else:
            folder_name = os.path.dirname(file)
            cached = root_of_folder.get(folder_name)
            root = cached if cached is not None else root_of_folder.setdefault(
                folder_name, _dossier_root(Path(file), roots, has_community))
        groups.setdefault(root, set()).add(file)
    contexts = _contexts(groups, walked if plain else [], links, has_community, unreadable,
                         pseudo.mount_points)
    shown = PathNames(Path.cwd())
    errors.extend(InputError(type=kind, file=shown(Path(path)) + (
        "/" if path.endswith(os.sep) else ""), msg=msg) for path, (kind, msg) in
        sorted(unreadable.items()))
    owned: dict[Path, list[Path]] = {}
    del walked_files, named_files
    asked = {file for chosen in groups.values() for file in chosen} if links else set()
    for link in sorted(link for link in links if str(link) not in asked):
        root = _dossier_root(link, roots, has_community)
        if root in groups:
            owned.setdefault(root, []).append(link)
        else:  # under a folder that holds no record file the check reads: reported alone
            errors.append(_outside(link, link.as_posix()))
    sources = []
    for root in sorted(groups, key=_path_order):
        chosen = groups[root]
        files = sorted(contexts.pop(root) | chosen, key=_text_order)
        sources.append(DossierSource(root, files, chosen, tuple(owned.get(root, ()))))
    once = {(e.type, e.file, e.msg): e for e in errors}  # a link walked and named on its own
    return sources, list(once.values())


def _no_records(raw: str | os.PathLike[str]) -> InputError:
    """A folder named that holds no record file: a check of it would pass having read nothing
    (a CI job pointed at the wrong folder goes green).

    >>> _no_records("records/").msg.split(";")[0]
    'no record files (.yaml, .yml, .json, .jsonl) in this folder or its subfolders'
    """
    suffixes = ", ".join(RECORD_SUFFIXES)
    return InputError(
        type="no_records", file=printable(os.fspath(raw)),
        msg=f"no record files ({suffixes}) in this folder or its subfolders; folders whose "
        "names begin with a dot are not read",
        ctx={"zh": f"此文件夹及其子文件夹中没有记录文件（{'、'.join(RECORD_SUFFIXES)}）；"
                   "名称以“.”开头的文件夹不读取"})


def _pseudo_file_system(raw: str | os.PathLike[str], kind: str) -> InputError:
    """A folder named that is on one of the kernel's pseudo file systems (``check /proc``):
    the running system's state, not records, and no walk of it ends in useful time.

    >>> _pseudo_file_system("/sys/kernel", "sysfs").msg
    "a folder of the kernel's sysfs file system (the running system's state, not records); not checked"
    """
    return InputError(
        type="pseudo_file_system", file=printable(os.fspath(raw)),
        msg=f"a folder of the kernel's {kind} file system (the running system's state, not "
        "records); not checked",
        ctx={"zh": f"该文件夹位于内核的 {kind} 虚拟文件系统中（内容为系统运行状态，不是记录），未检查"})


def _not_found(raw: str | os.PathLike[str]) -> InputError:
    """A path given that is not there, or that cannot be reached (a folder on the way that
    may not be entered): each said as it is."""
    try:
        os.lstat(raw)
    except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: a NUL in it
        pass
    except OSError as exc:
        return InputError(type="unreadable", file=os.fspath(raw),
                          msg=f"cannot reach this path: {exc.strerror or exc}",
                          ctx={"zh": f"无法访问该路径：{os_reason(exc, 'zh')}"})
    return InputError(type="path_not_found", file=os.fspath(raw), msg="no such file or folder")


def _contexts(groups: dict[Path, set[str]], walked: Sequence[Path], links: set[Path],
              has_community: _CommunityFiles, unreadable: dict[str, tuple[str, str]],
              passed_by: Collection[str] = frozenset()) -> dict[Path, set[str]]:
    """Every record file of each dossier root that has a community file (the files a check of
    one of its files reads too). A root that a walk without links went through takes its files
    from that walk (its own and its nested dossiers'); any other root is walked now."""
    contexts: dict[Path, set[str]] = {}
    from_walk: set[Path] = set()
    walked_folders = set(walked)  # a root asks its own ancestors, not every folder walked
    for root in groups:
        if not has_community(root):
            contexts[root] = set()
        elif any(folder in walked_folders and _walked_through(root, folder)
                 for folder in (root, *root.parents)):
            contexts[root] = set()
            from_walk.add(root)
        else:
            contexts[root] = set(_walk_record_files(root, links, unreadable=unreadable,
                                                    passed_by=passed_by)[0])
    for root, files in groups.items():
        for owner in (root, *root.parents):
            # a dossier in a hidden folder under the owner was not in the owner's walk
            if owner in from_walk and _walked_through(root, owner):
                contexts[owner] |= files
    return contexts


def _walked_through(root: Path, folder: Path) -> bool:
    """Whether a walk of ``folder`` went through ``root`` (it skips hidden folders)."""
    try:
        parts = root.relative_to(folder).parts
    except ValueError:
        return False
    return not any(part.startswith(".") for part in parts)


def _path_order(path: Path) -> tuple[str, ...]:
    """The order of :class:`~pathlib.Path` (part by part: ``a/x`` before ``a-b/x``), as a key:
    sorting thousands of paths by comparing them pairwise cost more than the walk."""
    return path.parts


def _text_order(path: str) -> list[str]:
    """:func:`_path_order` of a real path written as text (absolute and normalised, so its
    parts are the text between separators)."""
    return path.split(os.sep)


class _CommunityFiles:
    """Whether a folder holds a community file, asked of the file system once a folder during
    one discovery (every file of a dossier asks about the same folders); a walk tells it what
    the folders it read hold."""

    def __init__(self) -> None:
        self._known: dict[Path, bool] = {}

    def __call__(self, folder: Path) -> bool:
        known = self._known.get(folder)
        if known is None:
            known = self._known[folder] = has_community_file(folder)
        return known

    def seen(self, folder: str, has_community: bool) -> None:
        self._known.setdefault(Path(folder), has_community)


def _given_file(path: Path, roots: Sequence[Path],
                has_community: Callable[[Path], bool] | None = None) -> Path:
    """A file named on the command line: by its real path when that stays in the dossier the
    name is in (so that it is read once), else where the name is (a link into another place is
    checked, since it was asked for, in the dossier it was named in)."""
    real = _real(path)
    named = _real(path.parent) / path.name
    if named != real and _looping(path):  # a loop of links: realpath names one of the loop
        return named
    if named == real or (_dossier_root(real, roots, has_community)
                         == _dossier_root(named, roots, has_community)):
        return real
    return named


def _real(path: Path) -> Path:
    """``path`` with every symbolic link and ``..`` resolved (a link loop stays as it is)."""
    return Path(os.path.realpath(path))


def load_dossier(source: DossierSource, display_base: Path | None = None,
                 names: PathNames | None = None) -> Dossier:
    """Read, validate and resolve every file of one dossier; files are shown relative to
    ``display_base``, or as ``names`` shows them (a caller that named them already)."""
    results: dict[str, tuple[_Runs, list[InputError]]] = {}
    display_path = names or PathNames(display_base)
    for path in source.files:
        name = display_path(path)
        try:
            raw = read_file(path, name)
        except ParseFailure as failure:
            results[name] = ([], [failure.error])
            continue
        if not is_report(raw):  # a report of an earlier run is not one of the files
            results[name] = _records_of(raw, name)
    dossier = _assemble(display_path(source.root), results)
    dossier.input_errors.extend(_outside(link, display_path(link))
                                for link in source.links_outside)
    return dossier


def dossier_from_data(files: Mapping[str, Any], root: str = "<memory>") -> Dossier:
    """Validate and resolve in-memory records (file name → parsed data) into a :class:`Dossier`
    named ``root`` (where an error of the whole dossier, such as no community, is reported). A
    file name is shown as every output can write it (:func:`~governance_rules.errors.printable`).
    """
    if not isinstance(files, Mapping):
        raise TypeError("records given as data are a mapping of file name → the file's records, "
                        f"e.g. {{'m.yaml': {{'meeting': {{...}}}}}}; got {type(files).__name__}")
    shown = {name: printable(str(name)) for name in files}
    return _assemble(root, {shown[name]: _record_runs(data, shown[name])
                                  for name, data in files.items()})


def assemble_dossier(
    root: str,
    results: Mapping[str, tuple[list[tuple[str, Located[Any]]], list[InputError]]],
) -> Dossier:
    """One dossier from each file's :func:`read_records` result (its records and its input
    errors, by the file's shown name), resolved against each other. For callers that read the
    files themselves, e.g. the HTTP server's uploads."""
    return _assemble(root, {name: ([(collection, [located]) for collection, located in found],
                                   errors) for name, (found, errors) in results.items()})


def _assemble(root: str, results: Mapping[str, tuple[_Runs, list[InputError]]]) -> Dossier:
    """:func:`assemble_dossier` of each file's records as runs (:data:`_Runs`)."""
    dossier = Dossier(root=root)
    runs: _Runs = []
    for name, (found, errs) in results.items():
        dossier.files.append(name)
        runs += found
        dossier.input_errors += errs
    _collect(dossier, runs)
    resolve(dossier)
    return dossier


def read_records(raw: bytes, file: str) -> tuple[list[tuple[str, Located[Any]]], list[InputError]]:
    """Parse and validate one file: its records, each tagged with the collection it joins
    (:data:`LEFT_OUT` for one its own checks refused that a period counts, as far as it is
    sound: the dossier's ``left_out``).

    A ``.jsonl`` file holds one JSON object of records per line; a bad line is an input error
    at its line and the other lines are still read. A report of an earlier run holds none.
    """
    if is_report(raw):
        return [], []
    runs, errors = _records_of(raw, file)
    return _flat(runs), errors


def _records_of(raw: bytes, file: str) -> tuple[_Runs, list[InputError]]:
    """:func:`read_records` of a file known not to be a report, as runs (:data:`_Runs`)."""
    try:
        if not file.lower().endswith(".jsonl"):
            data, index = parse_record_text(raw, file)
            return _record_runs(data, file, index)
        found: _Runs = []
        errors: list[InputError] = []
        budget = ErrorBudget()  # the file's, over all its lines
        for parsed in parse_record_lines(raw, file):
            if isinstance(parsed, InputError):  # that line only: the others are read
                if budget.take(1):
                    errors.append(parsed if parsed.line is None else _of_the_line(parsed))
                continue
            line_found, line_errors = _record_runs(parsed[0], file, parsed[1], budget)
            found += line_found
            errors += line_errors
        return found, errors + budget.summary(file)
    except ParseFailure as failure:
        return [], [failure.error]


_LINE_ZH = {"json_syntax": "此行不是有效的 JSON，未读取（其余各行照常读取）",
            "not_a_mapping": "此行须为“记录类型: 内容”的 JSON 对象，未读取（其余各行照常读取）"}
"""A JSON Lines line's error in Chinese: the line is left out, not the file."""


def _of_the_line(error: InputError) -> InputError:
    """A JSON Lines line's parse error, said of the line: the file's other lines are read."""
    said = error.ctx.get("zh")
    if error.type == "too_many_nodes" and isinstance(said, str):  # no line after it is read
        return error.model_copy(update={"ctx": {
            **error.ctx, "zh": said.removesuffix("，文件未读取").removesuffix("，自此行起未读取")
            + "，自此行起未读取"}})
    zh = (said.removesuffix("，文件未读取") + "，此行未读取（其余各行照常读取）"
          if isinstance(said, str) and said else
          _LINE_ZH.get(error.type, "此行有误，未读取（其余各行照常读取）"))
    return error.model_copy(update={"ctx": {**error.ctx, "zh": zh}})

_REPORT_START = re.compile(
    rb'\{\s*"(?:format_version"|rule_id"\s*:\s*"[^"]*"\s*,\s*"catalogue"|summary"\s*:\s*\{'
    rb'|\$schema"\s*:\s*"[^"]*sarif)|\[\s*(?:\]|\{\s*"type"\s*:\s*"issue")')
"""How a report of this tool begins (JSON, a JSON Lines finding or summary line, SARIF, a
GitLab code quality report)."""


def is_report_text(raw: bytes) -> bool:
    r"""Whether ``raw`` (a file's text, or its first few hundred bytes) begins as a report this
    tool writes: the first look, which costs nothing on a record file; :func:`is_report`
    decides whether a whole file is one.

    >>> is_report_text(b'{\n  "format_version": "2.0"'), is_report_text(b"meetings: []")
    (True, False)
    """
    return _REPORT_START.match(raw[:256].lstrip()) is not None


def is_report(raw: bytes) -> bool:
    """Whether ``raw``, a whole file, is a report this tool wrote: one left in a checked folder
    (``check . --output report.json``, run again) holds no records and is not read as records.
    A file that only begins as one does (``{"format_version": 1, "meetings": [...]}``) is read
    as records: skipping it would leave its records unchecked without a word.

    >>> is_report(b'{"format_version": "2.1", "ruleset_version": "x", "findings": []}')
    True
    >>> is_report(b'{"format_version": "2.1", "meetings": []}')
    False
    """
    return is_report_text(raw) and is_own_report(raw)


def records_from_data(
    data: Any, file: str, index: LineIndex | None = None
) -> tuple[list[tuple[str, Located[Any]]], list[InputError]]:
    """Validate already-parsed data (e.g. a dict from an app) as one record file."""
    runs, errors = _record_runs(data, file, index)
    return _flat(runs), errors


def _flat(runs: _Runs) -> list[tuple[str, Located[Any]]]:
    """Each record of ``runs`` with its collection, in order."""
    return [(collection, located) for collection, records in runs for located in records]


_NO_LINES = LineIndex()
"""The line index of records given as data: none is known (never added to)."""


def _record_runs(data: Any, file: str, index: LineIndex | None = None,
                 budget: ErrorBudget | None = None) -> tuple[_Runs, list[InputError]]:
    """:func:`records_from_data`, as runs (:data:`_Runs`); with ``budget``, the file's errors
    so far (a JSON Lines file's earlier lines) count against it, and the caller adds its
    summary."""
    index = index or _NO_LINES
    errors: list[InputError] = []
    found: _Runs = []
    own = budget is None
    budget = budget or ErrorBudget()
    if not isinstance(data, dict):
        line, col = index.locate(())
        return [], [InputError(type="not_a_mapping", file=file, line=line, column=col,
                               msg="expected a mapping of records such as `meeting:` at the top "
                               f"of the file, got {_what_it_is(data)}")]
    for key, value in data.items():
        if key == "$schema":
            continue
        if key not in RECORD_KEYS:
            if budget.take(1):
                errors.append(_unknown_key(key, file, index))
            continue
        collection, model = RECORD_KEYS[key]
        plural = key == collection
        if plural and not isinstance(value, list):
            if budget.take(1):
                line, col = index.locate((key,))
                errors.append(InputError(type="list_type", file=file, line=line, column=col,
                                         loc=(key,), msg=f"`{key}` takes a list of records",
                                         input=short_input(value)))
            continue
        # the validator model_validate calls, called as it does but without its keyword
        # arguments (all None): pydantic-core parsing them cost a tenth of a record's validation
        validate = model.__pydantic_validator__.validate_python  # type: ignore[attr-defined]
        records: list[Located[Any]] = []
        refused: list[Located[Any]] = []
        for i, item in enumerate(value) if plural else ((None, value),):
            path = (key,) if i is None else (key, i)
            try:
                record = validate(item)
            except ValidationError as exc:
                listed = budget.take(exc.error_count())
                if listed:
                    errors.extend(validation_errors(exc, file, path, index, listed,
                                                    _own_text(item, "id"),
                                                    _own_text(item, "name")))
                if model in COUNTED_RECORDS and (sound := _sound_part(validate, item, exc,
                                                                      model)):
                    refused.append(Located(sound, file, path, index))
                continue
            records.append(Located(record, file, path, index))
        if records:
            found.append((collection, records))
        if refused:
            found.append((LEFT_OUT, refused))
    if own:
        errors += budget.summary(file)
    return found, errors


LEFT_OUT = "left_out"
"""The collection a file's records refused by their own checks join, as far as a period
counts them (:func:`_sound_part`): the dossier's ``left_out``, not its records."""


def _sound_part(validate: Callable[[Any], Any], item: Any, exc: ValidationError,
                model: type[Any]) -> Any:
    """What a record refused by its own checks (``exc``) is without the fields they refused,
    where that still validates: a period it would have counted (a report made for it, a
    meeting held in it) names it as left out, as one resolution left out. Where a field it
    needs (its body, day, period) was refused, what can still be told of it
    (:class:`~.dossier.RefusedRecord`: a finding on the person a handover audit names still
    names it); ``None`` where its id or the record as a whole was refused.

    >>> from governance_rules.models import Report
    >>> validate = Report.__pydantic_validator__.validate_python
    >>> def sound(**fields: Any) -> Any:
    ...     item = {"id": "r", "body": "office", "kind": "inspection", "period": "2022-H1",
    ...             "submitted_on": "2022-07-04", **fields}
    ...     try:
    ...         validate(item)
    ...     except ValidationError as exc:
    ...         return _sound_part(validate, item, exc, Report)
    >>> sound(cases=-1).period, sound(cases=-1).cases, sound(period="2022-Q2").texts["body"]
    ('2022-H1', None, 'office')
    >>> sound(id=7) is None
    True
    """
    if not isinstance(item, dict):
        return None
    refused = set()
    for error in exc.errors(include_url=False):
        if not error["loc"]:
            return None
        refused.add(error["loc"][0])
    kept = {k: v for k, v in item.items() if k not in refused}
    try:
        return validate(kept)
    except ValidationError:
        ident = _own_text(kept, "id")
        if ident is None:
            return None
        return RefusedRecord(model, ident, {k: v for k, v in kept.items() if type(k) is str
                                            and type(v) is str and len(v) <= 200})


def _what_it_is(data: Any) -> str:
    """What a file holds instead of records, in words (not Python's NoneType, str, list).

    >>> _what_it_is(None), _what_it_is("x"), _what_it_is([1]), _what_it_is(3)
    ('nothing (null)', 'a text', 'a list', 'a number')
    """
    if data is None:
        return "nothing (null)"
    if isinstance(data, str):
        return "a text"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, bool):
        return "true or false"
    if isinstance(data, int | float | Decimal):
        return "a number"
    return "a value of another kind"


def _unknown_key(key: Any, file: str, index: LineIndex) -> InputError:
    """The error of a file's key that is no record type, with the types it may have meant."""
    line, col = index.locate((key,))
    meant = close_matches(key, RECORD_KEYS) if isinstance(key, str) and len(key) < 64 else []
    return InputError(
        type="unknown_key", file=file, line=line, column=col,
        loc=(key if isinstance(key, str | int) and not isinstance(key, bool) else str(key),),
        msg=f"unknown record key {short_input(key)}; "
        + (f"did you mean {' or '.join(repr(m) for m in meant)}? " if meant else "")
        + "a file's keys are record types such as meeting, meetings, body, expense "
        "(docs/record-format.md lists them all)",
        ctx={"zh": f"「{printable(str(key))[:80]}」不是可识别的记录类型"
             + (f"，是否应为{'或'.join(f'「{m}」' for m in meant)}" if meant else "")
             + "（记录类型如「meeting」「meetings」「body」「expense」，全部见「docs/record-format.md」）"})


def _own_text(item: Any, field: str) -> str | None:
    """The id (``field``: ``id``) or name a record that failed validation gives itself, if it
    gives one as text: a record naming it is then told it was left out, not that there is none,
    and the body left out is named by its name.

    >>> _own_text({"id": "exp-1", "amount": "八十元"}, "id"), _own_text({"id": 7}, "id")
    ('exp-1', None)
    >>> _own_text({"id": "rc", "name": "居委会"}, "name"), _own_text([1], "name")
    ('居委会', None)
    """
    if isinstance(item, dict):
        own = item.get(field)
        if type(own) is str and 0 < len(own) <= 200:
            return own
    return None


def validation_errors(
    exc: ValidationError, file: str, prefix: Path_, index: LineIndex, limit: int | None = None,
    record: str | None = None, name: str | None = None,
) -> list[InputError]:
    """The input errors of a record that failed validation (the first ``limit`` of them);
    ``record``: the id the record gives itself, kept in each error's ``ctx.record``, and
    ``name`` the name it gives itself (a body's), in ``ctx.record_name``."""
    out = []
    for err in islice(exc.errors(include_url=False), limit):
        loc = (*prefix, *err["loc"])
        line, col = index.locate(loc)
        given = err.get("ctx") or {}
        ctx = {k: v if isinstance(v, str) else short_input(v)
               for k, v in given.items() if k != "error"}
        shown = short_input(err.get("input"))
        msg = english_message(err["type"], shown, ctx, err["msg"].removeprefix("Value error, "))
        zh = getattr(given.get("error"), "zh", None)  # a Problem's Chinese
        if isinstance(zh, str) and zh:
            ctx["zh"] = zh
        if record is not None:
            ctx["record"] = record
            if name is not None:
                ctx["record_name"] = name
        out.append(InputError(type=err["type"], file=file, line=line, column=col, loc=loc,
                              msg=msg, input=shown, ctx=ctx))
    return out


def _collect(dossier: Dossier, runs: _Runs) -> None:
    """Put each record into its collection of ``dossier``, in order; a second record with an
    id its collection has, and a second community, are input errors and left out.

    Most dossiers have neither: their records are put in a collection a run at a time, the ids
    compared as sets (a record at a time, in Python, cost as much as the rest of resolution).
    """
    grouped: dict[str, list[Located[Any]]] = {}
    for collection, records in runs:
        grouped.setdefault(collection, []).extend(records)
    if len(grouped.get("communities", ())) > 1 or any(
            len({located.record.id for located in group}) != len(group)
            for collection, group in grouped.items() if collection != LEFT_OUT):
        _collect_one_by_one(dossier, _flat(runs))
        return
    for collection, group in grouped.items():
        if collection == "communities":
            dossier.community = group[0]
        elif collection == "bodies":
            dossier.bodies.update((located.record.id, located) for located in group)
        else:
            getattr(dossier, collection).extend(group)


def _collect_one_by_one(dossier: Dossier, collected: list[tuple[str, Located[Any]]]) -> None:
    """:func:`_collect` of records some of which repeat an id or the community."""
    seen: dict[tuple[str, str], Located[Any]] = {}
    budgets: dict[str, ErrorBudget] = {}
    for collection, located in collected:
        record = located.record
        key = (collection, record.id)
        if collection == LEFT_OUT:  # refused already: its id is no second record's
            dossier.left_out.append(located)
            continue
        if key in seen:
            if not budgets.setdefault(located.file, ErrorBudget()).take(1):
                continue
            first = seen[key]
            where, there = located.where("id"), first.where("id")
            place = first.file + (f":{there.line}" if there.line else "")
            dossier.input_errors.append(InputError(
                type="duplicate_id", file=where.file, line=where.line, loc=(*located.path, "id"),
                msg=f"id {record.id!r} is already used by the record at {place}",
                input=short_input(record.id),
                ctx={"zh": f"编号「{record.id}」已由 {place} 的同类记录使用"},
            ))
            continue
        seen[key] = located
        if collection == "communities":  # not isinstance: a pydantic class makes that slow
            if dossier.community is not None:
                where = located.where()
                dossier.input_errors.append(InputError(
                    type="second_community", file=where.file, line=where.line, loc=located.path,
                    msg=f"a dossier describes one community; {dossier.community.record.id!r} "
                    "is already defined",
                    ctx={"zh": f"一个卷宗只描述一个社区，已有社区"
                               f"「{dossier.community.record.name}」（{dossier.community.record.id}）"},
                ))
                continue
            dossier.community = located
        elif collection == "bodies":
            dossier.bodies[record.id] = located
        else:
            getattr(dossier, collection).append(located)
    for file, budget in budgets.items():
        dossier.input_errors += budget.summary(file)


def _walk_record_files(folder: Path, links: set[Path] | None = None,
                       community_files: _CommunityFiles | None = None,
                       unreadable: dict[str, tuple[str, str]] | None = None,
                       passed_by: Collection[str] = frozenset()) -> tuple[list[str], bool]:
    """The record files under ``folder`` (a real path), by real path (as text), and whether a
    symbolic link was met on the way; links that lead out of ``folder`` are added to ``links``
    and skipped. Each folder read is told to ``community_files`` (whether it holds a community
    file as a plain file); each folder that cannot be read (no permission, a path longer than
    the system allows) and each link to a record file that is not there are added to
    ``unreadable`` (path → input error type and message): their records are not checked, and
    the report must say so rather than pass without them. The folders in ``passed_by`` (real
    paths: where the kernel's pseudo file systems are mounted) are not entered.

    The folders walked are reached through real folders only (links to folders are not
    followed), so a file that is not itself a link is already known by its real path: only
    links are resolved, one ``realpath`` each instead of one a file."""
    out: list[str] = []
    met_link = False
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if unreadable is not None:
                unreadable.setdefault(current + os.sep, (
                    "unreadable", f"cannot read this folder: {exc.strerror or exc}; its records "
                    "were not checked"))
            continue
        subfolders = []
        community: bool | None = False  # None: a link named like a community file, not followed
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_symlink():
                met_link = True
                if name in COMMUNITY_FILES:
                    community = None
                here = Path(entry.path)
                if os.path.isdir(here):  # not followed, as os.walk does not (False on a loop)
                    if not _inside(_real(here), folder) and links is not None:
                        links.add(here)
                    continue
                if name in IGNORED_FILES or not name.lower().endswith(RECORD_SUFFIXES):
                    continue
                if _dangling(here):  # named by the link the user sees, not where it points
                    if unreadable is not None:
                        unreadable.setdefault(str(here), ("broken_link", _broken_link(here)))
                    continue
                if _looping(here):  # read by its own name (realpath names a link of the loop)
                    out.append(str(here))
                    continue
                real = _real(here)
                if not _inside(real, folder):
                    if links is not None:
                        links.add(here)
                    continue
                out.append(str(real))
            elif entry.is_dir(follow_symlinks=False):
                if entry.path not in passed_by:
                    subfolders.append(entry.path)
            elif name not in IGNORED_FILES and name.lower().endswith(RECORD_SUFFIXES):
                out.append(entry.path)
                if name in COMMUNITY_FILES and community is not None:
                    community = True
        if community_files is not None and community is not None:
            community_files.seen(current, community)
        pending.extend(reversed(subfolders))
    return out, met_link


def _dangling(link: Path) -> bool:
    """Whether the symbolic link ``link`` leads to nothing (a loop of links is not dangling:
    reading it says so)."""
    try:
        os.stat(link)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def _looping(link: Path) -> bool:
    """Whether the symbolic link ``link`` is one of a loop of links (it leads back to itself)."""
    try:
        os.stat(link)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _broken_link(link: Path) -> str:
    """What a ``broken_link`` input error says: where the link leads."""
    try:
        target = printable(os.readlink(link))
    except OSError:  # pragma: no cover - replaced between the two looks
        target = "a file"
    return f"a symbolic link to {target}, which does not exist; not checked"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _outside(link: Path, shown: str) -> InputError:
    return InputError(
        type="symlink_outside", file=shown,
        msg="a symbolic link to a file or folder outside the checked folder; not followed "
        "(check the target itself, or copy it into the folder)")


def has_community_file(folder: Path) -> bool:
    """Whether ``folder`` is a dossier's root: it holds a community file."""
    return any((folder / name).is_file() for name in COMMUNITY_FILES)


def _dossier_root(file: Path, given: Sequence[Path],
                  has_community: Callable[[Path], bool] | None = None) -> Path:
    has_community = has_community or has_community_file
    for folder in file.parents:
        if has_community(folder):
            return folder
    for base in given:
        if base.is_dir() and (base == file.parent or base in file.parents):
            return base
    return file.parent


def display_path(path: Path, base: Path | None) -> str:
    """``path`` relative to ``base`` in POSIX form, or as given when it lies outside."""
    return PathNames(base)(path)


class PathNames:
    """:func:`display_path` for the many files of a dossier or a run: the base and each folder
    are resolved once (the last :data:`MAX_FOLDERS` of them kept), and names are cut as text
    (pathlib's parsing cost more than the check of a small file).

    >>> PathNames(None)(Path("a/b.yaml"))
    'a/b.yaml'
    """

    MAX_FOLDERS = 4096

    def __init__(self, base: Path | None) -> None:
        self._base = os.path.realpath(base) if base is not None else None
        self._prefix = (self._base.rstrip(os.sep) + os.sep) if self._base is not None else ""
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        if self._base is not None:
            folder, name = os.path.split(os.fspath(path))
            if name in ("", os.curdir, os.pardir):
                folder, name = os.fspath(path), ""
            real = self._folders.get(folder)
            if real is None:  # the folder is resolved, not the file: a link shows its own name
                if len(self._folders) >= self.MAX_FOLDERS:
                    self._folders.clear()
                real = self._folders[folder] = os.path.realpath(folder or os.curdir)
            full = os.path.join(real, name) if name else real
            if full == self._base:
                return "."
            if full.startswith(self._prefix):
                return printable(Path(full[len(self._prefix):]).as_posix() if os.sep != "/"
                                 else full[len(self._prefix):])
        return printable(path.as_posix())
