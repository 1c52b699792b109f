"""Discovery walks each folder once and resolves only links: on any tree (nested dossiers,
hidden folders, links that stay inside or lead out, files named on their own beside folders)
it finds the same dossiers, files and links as walking every dossier's folder again and
resolving every file, which is how it worked before (the reference below)."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from governance_rules import check_paths
from governance_rules.records.loader import (
    COMMUNITY_FILES,
    IGNORED_FILES,
    RECORD_SUFFIXES,
    DossierSource,
    PathNames,
    discover,
)

Tree = tuple[list[str], list[str], list[tuple[str, str]], list[str]]
"""Folders with a community file, folders with a record file, links (folder, target), paths given."""

FOLDERS = ["a", "a/b", "a/b/c", "a/.hidden", "a/.hidden/d", "e", "e/f", "g"]


def _reference(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[DossierSource],
                                                                 list[str]]:
    """Discovery as it was: every file resolved, every dossier root walked again."""

    def real(path: Path) -> Path:
        return Path(os.path.realpath(path))

    def inside(path: Path, folder: Path) -> bool:
        return path == folder or folder in path.parents

    broken: set[Path] = set()

    def files_under(folder: Path, links: set[Path]) -> list[Path]:
        out = []
        for dirpath, dirnames, filenames in os.walk(folder):
            kept = []
            for name in sorted(d for d in dirnames if not d.startswith(".")):
                here = Path(dirpath) / name
                if here.is_symlink() and not inside(real(here), folder):
                    links.add(here)
                kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                if name.startswith(".") or name in IGNORED_FILES:
                    continue
                if name.lower().endswith(RECORD_SUFFIXES):
                    here = Path(dirpath) / name
                    if here.is_symlink() and not os.path.exists(here):  # reported, by its name
                        broken.add(here)
                        continue
                    if not inside(real(here), folder):
                        links.add(here)
                        continue
                    out.append(real(here))
        return out

    def has_community(folder: Path) -> bool:
        return any((folder / name).is_file() for name in COMMUNITY_FILES)

    def root_of(file: Path, given: Sequence[Path]) -> Path:
        for folder in file.parents:
            if has_community(folder):
                return folder
        for base in given:
            if base.is_dir() and (base == file.parent or base in file.parents):
                return base
        return file.parent

    links: set[Path] = set()
    selected: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            selected.extend(files_under(real(path), links))
        elif os.path.lexists(path):
            selected.append(path)
    roots = [real(Path(raw)) for raw in paths]
    groups: dict[Path, set[Path]] = {}
    for file in selected:
        named = real(file.parent) / file.name
        file = real(file) if named == real(file) or root_of(real(file), roots) == root_of(
            named, roots) else named
        groups.setdefault(root_of(file, roots), set()).add(file)
    contexts = {root: set(files_under(root, links)) if has_community(root) else set()
                for root in groups}
    owned: dict[Path, list[Path]] = {}
    asked = {file for chosen in groups.values() for file in chosen}
    outside = []
    for link in sorted(links - asked):
        root = root_of(link, roots)
        if root in groups:
            owned.setdefault(root, []).append(link)
        else:
            outside.append(link.as_posix())
    return [DossierSource(root, tuple(sorted(contexts[root] | groups[root])),
                          frozenset(groups[root]), tuple(owned.get(root, ())))
            for root in sorted(groups)], [p.as_posix() for p in sorted(broken)] + outside


@st.composite
def trees(draw: st.DrawFn) -> Tree:
    communities = draw(st.lists(st.sampled_from(FOLDERS), unique=True, max_size=4))
    files = draw(st.lists(st.sampled_from(FOLDERS), max_size=6))
    links = draw(st.lists(st.tuples(st.sampled_from([*FOLDERS, "outside"]),
                                    st.sampled_from(["a/b", "e", "outside", "a/r0.yaml",
                                                     "outside/x.yaml", "e/f/r1.yaml",
                                                     "community.yaml"])),
                          max_size=3))
    given = draw(st.lists(st.sampled_from([".", "a", "a/b", "e", "a/b/r0.yaml", "e/f/r1.yaml",
                                           "a/.hidden/d", "a/.hidden/d/r2.yaml", "outside"]),
                          min_size=1, max_size=3))
    return communities, files, links, given


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=trees())
# a dossier in a hidden folder, named beside its parent's folder: not in the parent's context
@example(tree=(["a", "a/.hidden/d"], [], [], [".", "a/.hidden/d"]))
def test_discovery_finds_what_walking_every_dossier_again_finds(
        tmp_path_factory: pytest.TempPathFactory,
        tree: Tree) -> None:
    communities, files, links, given = tree
    top = tmp_path_factory.mktemp("tree")
    base = top / "base"
    for folder in [*FOLDERS, "outside"]:
        (base / folder).mkdir(parents=True, exist_ok=True)
    (top / "outside").mkdir()
    (top / "outside" / "x.yaml").write_text("x: 1\n")
    for folder in communities:
        (base / folder / "community.yaml").write_text("community: {}\n")
    for i, folder in enumerate(files):
        (base / folder / f"r{i}.yaml").write_text("x: 1\n")
    for i, (folder, target) in enumerate(links):
        if target == "community.yaml":  # a community file that is a link to one
            if not (base / folder / target).exists():
                os.symlink(top / "outside" / "x.yaml", base / folder / target)
            continue
        goal = top / target if target.startswith("outside") else base / target
        os.symlink(goal, base / folder / (f"l{i}.yaml" if target.endswith(".yaml") else f"l{i}"))
    paths = [base / p for p in given if os.path.lexists(base / p)] or [base]
    sources, errors = discover(paths)
    found = [e.file for e in errors if e.type != "no_records"]  # tested below
    assert (sources, found) == _reference(paths)


def test_a_folder_with_no_record_file_is_an_input_error_not_a_clean_pass(tmp_path: Path) -> None:
    """``check empty/`` (or a folder whose records lie under ``.data/``) said "no findings …
    0 records checked" and exit 0: a CI job pointed at the wrong folder went green."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden" / ".data").mkdir(parents=True)
    (tmp_path / "hidden" / ".data" / "r.yaml").write_text("x: 1\n")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "r.yaml").write_text("x: 1\n")
    sources, errors = discover([tmp_path / "empty", tmp_path / "hidden", tmp_path / "full"])
    assert [(e.type, e.file) for e in errors] == [
        ("no_records", str(tmp_path / "empty")), ("no_records", str(tmp_path / "hidden"))]
    assert [s.root for s in sources] == [tmp_path / "full"]
    assert "folders whose names begin with a dot are not read" in errors[1].msg
    assert errors[1].text("zh").startswith("此文件夹及其子文件夹中没有记录文件")


def test_a_folder_with_links_but_no_record_file_is_an_input_error(tmp_path: Path) -> None:
    """A folder holding ``2022/README.md`` and ``current -> 2022``, or only a link to a text
    file, said "no findings … 0 records checked" and exit 0: any link met turned the check
    off. A link out of the folder is reported (``symlink_outside``), and no more."""
    (tmp_path / "linkin" / "2022").mkdir(parents=True)
    (tmp_path / "linkin" / "2022" / "README.md").write_text("# 2022\n")
    os.symlink("2022", tmp_path / "linkin" / "current")
    (tmp_path / "linkonly").mkdir()
    (tmp_path / "notes.txt").write_text("notes\n")
    os.symlink(tmp_path / "notes.txt", tmp_path / "linkonly" / "notes.txt")
    (tmp_path / "linkout" / "empty").mkdir(parents=True)
    (tmp_path / "linkout" / "outside").mkdir()
    os.symlink(tmp_path / "linkout" / "empty", tmp_path / "linkout" / "outside" / "sub")
    named = [tmp_path / "linkin", tmp_path / "linkonly", tmp_path / "linkout" / "outside"]
    sources, errors = discover(named)
    assert sources == []
    assert [(e.type, e.file) for e in errors] == [
        ("no_records", str(tmp_path / "linkin")), ("no_records", str(tmp_path / "linkonly")),
        ("symlink_outside", str(tmp_path / "linkout" / "outside" / "sub"))]


def test_shown_paths_resolve_the_folder_not_the_file(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "r.yaml").write_text("x: 1\n")
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "d", tmp_path / "alias")
    os.symlink(tmp_path / "d" / "r.yaml", tmp_path / "elsewhere" / "link.yaml")
    shown = PathNames(tmp_path)
    assert shown(tmp_path / "alias" / "r.yaml") == "d/r.yaml"
    assert shown(tmp_path / "elsewhere" / "link.yaml") == "elsewhere/link.yaml"
    assert shown(tmp_path) == "."
    assert shown(tmp_path / "d" / "..") == "."
    assert shown(Path("/nowhere/x.yaml")) == "/nowhere/x.yaml"


def test_shown_paths_keep_a_bounded_number_of_folders(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """One :class:`PathNames` serves a whole run (a unit of work keeps it): the folders it
    resolved are forgotten once there are more than it keeps, and names stay right."""
    monkeypatch.setattr(PathNames, "MAX_FOLDERS", 3)
    shown = PathNames(tmp_path)
    for i in range(10):
        (tmp_path / f"f{i}").mkdir()
        assert shown(tmp_path / f"f{i}" / "r.yaml") == f"f{i}/r.yaml"
        assert len(shown._folders) <= 3


def test_a_dossier_source_gives_back_what_it_was_given() -> None:
    root = Path("/corpus/c1")
    files = (root / "community.yaml", root / "meetings" / "m.yaml", Path("/elsewhere/x.yaml"))
    every = DossierSource(root, files, set(files))
    some = DossierSource(root, files, {files[1]}, (root / "link",))
    assert every.root == root and every.files == files and every.selected == frozenset(files)
    assert some.files == files and some.selected == {files[1]}
    assert some.links_outside == (root / "link",) and every.links_outside == ()
    assert every != some and every == DossierSource(root, list(files), reversed(files))
    assert hash(every) == hash(DossierSource(root, files, files))
    for source in (every, some):
        assert pickle.loads(pickle.dumps(source)) == source
    top = DossierSource(Path("/"), (Path("/a.yaml"), Path("/b/c.yaml")), ())
    assert top.files == (Path("/a.yaml"), Path("/b/c.yaml")) and top.selected == frozenset()
    assert "files=(PosixPath('/corpus/c1/community.yaml')" in repr(every)
    relative = DossierSource(Path("c"), (Path("c/a.yaml"), Path("d/b.yaml")), [Path("d/b.yaml")])
    assert relative.files == (Path("c/a.yaml"), Path("d/b.yaml"))
    assert relative.selected == {Path("d/b.yaml")}


def test_many_folders_named_one_by_one_are_grouped_as_their_parent_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``check records/*`` (a shell glob: thousands of folder arguments) finds the dossiers
    ``check records`` finds, and each one asks only its own ancestors whether a walk went
    through it: asking every folder walked made discovery grow with the square of the
    arguments (4,000 folders: 22 s)."""
    from governance_rules.records import loader

    community = (Path(__file__).resolve().parents[1] / "examples" / "village" / "community.yaml")
    for i in range(300):
        (tmp_path / f"c{i}").mkdir()
        (tmp_path / f"c{i}" / "community.yaml").write_bytes(community.read_bytes())
    asked = 0
    real = loader._walked_through

    def counted(root: Path, folder: Path) -> bool:
        nonlocal asked
        asked += 1
        return real(root, folder)

    monkeypatch.setattr(loader, "_walked_through", counted)
    one_by_one, errors = discover(sorted(str(p) for p in tmp_path.iterdir()))
    assert asked <= 2 * 300
    whole, _ = discover([tmp_path])
    assert errors == [] and len(one_by_one) == 300
    assert [(s.root, s.files) for s in one_by_one] == [(s.root, s.files) for s in whole]


def test_a_folder_that_cannot_be_read_is_an_input_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A community folder (or a folder inside one) without read permission: an ``unreadable``
    input error naming it, and the others are checked; it was skipped without a word, so a
    whole community could drop out of a run that then passed."""
    import shutil

    from governance_rules import check_paths

    village = Path(__file__).resolve().parents[1] / "examples" / "village"
    for name in ("a", "b"):
        shutil.copytree(village, tmp_path / name)
    (tmp_path / "a" / "minutes").mkdir()
    (tmp_path / "a" / "minutes" / "m.yaml").write_text("meetings: []\n", encoding="utf-8")
    locked = {str(tmp_path / "b"), str(tmp_path / "a" / "minutes")}
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path) in locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    report = check_paths(["."])
    assert [(e.type, e.file) for e in report.input_errors] == [
        ("unreadable", "a/minutes/"), ("unreadable", "b/")]
    assert "Permission denied" in report.input_errors[0].msg
    assert report.summary.records_checked > 0


def test_a_folder_deeper_than_the_system_allows_is_an_input_error(tmp_path: Path) -> None:
    """Records nested past the longest path the system opens (PATH_MAX): the folder that could
    not be read is reported, not skipped."""
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "village", tmp_path / "c")
    fd = os.open(tmp_path / "c", os.O_RDONLY)
    name = "d" * 200  # few levels, long names: the tree is removed without deep recursion
    try:
        for _ in range(25):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("bodies.yaml", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as out:
            out.write("bodies: []\n")
    finally:
        os.close(fd)
    sources, errors = discover([tmp_path / "c"])
    assert len(sources) == 1
    assert [e.type for e in errors] == ["unreadable"]
    assert "cannot read this folder" in errors[0].msg


def test_a_link_to_a_record_file_that_is_gone_is_named_by_the_link(tmp_path: Path) -> None:
    """``meetings.yaml -> gone/missing.yaml``: the error names the link, which the user sees in
    the folder, not the target, which is nowhere; a loop of links is still "unreadable"."""
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[1] / "examples" / "village", tmp_path / "c")
    (tmp_path / "c" / "meetings.yaml").symlink_to("gone/missing.yaml")
    sources, errors = discover([tmp_path / "c"])
    assert len(sources) == 1
    assert [(e.type, Path(e.file).name) for e in errors] == [("broken_link", "meetings.yaml")]
    assert "gone/missing.yaml, which does not exist" in errors[0].msg


needs_mountinfo = pytest.mark.skipif(not os.path.exists("/proc/self/mountinfo"),
                                     reason="no list of mounts to read (not Linux)")


def test_the_list_of_mounts_is_read_as_linux_writes_it() -> None:
    """Mount points with their octal escapes, a file system mounted over another (the later one
    is what the folder is), lines that are not mounts passed over; nothing known, nothing is
    a pseudo file system (other systems)."""
    from governance_rules.records._pseudo_fs import PseudoFileSystems

    known = PseudoFileSystems.of_mountinfo(
        "22 27 0:21 / /proc rw,nosuid shared:12 - proc proc rw\n"
        "30 27 0:30 / /mnt/my\\040disk rw - sysfs sysfs rw\n"
        "31 27 0:31 / /srv rw - proc proc rw\n"
        "32 31 8:1 / /srv rw - ext4 /dev/sda1 rw\n"
        "33 27 0:33 / /tmp rw - tmpfs tmpfs rw\n"
        "not a mount\n")
    assert known.mount_points == {"/proc", "/mnt/my disk"}
    assert known.type_of_device(os.makedev(0, 21)) == "proc"
    assert known.type_of_device(os.makedev(0, 33)) is None
    assert PseudoFileSystems(()).type_of("/proc") is None


@needs_mountinfo
def test_proc_and_sys_are_pseudo_file_systems_and_tmp_is_not(tmp_path: Path) -> None:
    from governance_rules.records._pseudo_fs import PseudoFileSystems

    known = PseudoFileSystems.of_this_machine()
    assert "/proc" in known.mount_points
    assert known.type_of("/proc") == known.type_of("/proc/self") == "proc"
    if os.path.ismount("/sys"):
        assert known.type_of("/sys") == known.type_of("/sys/kernel") == "sysfs"
    assert known.type_of(tmp_path) is None and known.type_of("/") is None


@needs_mountinfo
@pytest.mark.parametrize("folder", ["/proc", "/proc/self", "/sys/kernel"])
def test_a_pseudo_file_system_named_is_an_input_error_not_a_walk(folder: str) -> None:
    """``check /proc``: an input error at once, in both languages; it used to walk every
    process's folders (``check /`` did not end)."""
    import time

    if not os.path.isdir(folder):
        pytest.skip(f"no {folder} here")
    started = time.perf_counter()
    sources, errors = discover([folder])
    assert time.perf_counter() - started < 5
    assert sources == []
    assert [(e.type, e.file) for e in errors] == [("pseudo_file_system", folder)]
    assert "file system" in errors[0].msg and "not checked" in errors[0].msg
    assert "虚拟文件系统" in errors[0].text("zh")


def test_a_walk_passes_pseudo_file_systems_by(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A walk that reaches a folder where a pseudo file system is mounted (``check /`` reaching
    ``/proc``) does not enter it, and says nothing of it, as of a hidden folder; so does the
    walk of a dossier for the context of a file named on its own."""
    import shutil

    from governance_rules.records._pseudo_fs import PseudoFileSystems

    village = Path(__file__).resolve().parents[1] / "examples" / "village"
    root = Path(os.path.realpath(tmp_path))
    shutil.copytree(village, root / "c")
    for name in ("proc", "sys"):
        (root / "c" / name).mkdir()
        (root / "c" / name / "status.yaml").write_text("meetings: []\n", encoding="utf-8")
    mounts = (f"22 1 0:9021 / {root}/c/proc rw - proc proc rw\n"
              f"23 1 0:9022 / {root}/c/sys rw - sysfs sysfs rw\n")
    monkeypatch.setattr(PseudoFileSystems, "of_this_machine",
                        classmethod(lambda cls: cls.of_mountinfo(mounts)))
    for path in (root, root / "c" / "community.yaml"):
        sources, errors = discover([path])
        names = {file.relative_to(root / "c").as_posix() for s in sources for file in s.files}
        assert errors == [] and "community.yaml" in names, path
        assert not {"proc/status.yaml", "sys/status.yaml"} & names, path


def test_a_record_file_that_is_a_loop_of_links_is_named_by_its_own_name(tmp_path: Path) -> None:
    """``minutes.yaml → loopA → loopB → loopA`` was reported as "loopA: cannot read", a name
    that is not even a record file's, walked or named on the command line."""
    (tmp_path / "community.yaml").write_text("community: {id: c, name: 社区, jurisdiction: [cn]}\n")
    os.symlink("loopA", tmp_path / "minutes.yaml")
    os.symlink("loopB", tmp_path / "loopA")
    os.symlink("loopA", tmp_path / "loopB")
    for named in (tmp_path, tmp_path / "minutes.yaml"):
        errors = check_paths([named], base=tmp_path).input_errors
        assert [(e.type, e.file) for e in errors] == [("unreadable", "minutes.yaml")], named
        assert "符号链接循环" in errors[0].text("zh")
