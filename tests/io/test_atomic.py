"""Atomic saves keep a backup and leave the old file intact on failure."""

import errno
import os

import pytest

from taskmatrix.io.atomic import atomic_write, atomic_write_bytes, backup_path
from taskmatrix.io.errors import PlanSaveError


def test_write_replaces_and_keeps_a_backup(tmp_path):
    path = tmp_path / "plan.json"
    atomic_write_bytes(path, b"one")
    assert not backup_path(path).exists()
    atomic_write_bytes(path, b"two")
    assert path.read_bytes() == b"two"
    assert backup_path(path) == tmp_path / "plan.bak.json"
    assert backup_path(path).read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.bak.json", "plan.json"]


def test_exception_during_write_leaves_old_file_and_no_temp(tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(b"old")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        atomic_write(path, broken)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_disk_full_is_a_save_error(tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(b"old")

    def full(tmp):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(PlanSaveError, match="disk is full"):
        atomic_write(path, full)
    assert path.read_bytes() == b"old"
    assert len(list(tmp_path.iterdir())) == 1


def test_read_only_file_and_lock_file_are_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"old")
    os.chmod(path, 0o444)
    with pytest.raises(PlanSaveError, match="read-only"):
        atomic_write_bytes(path, b"new")
    os.chmod(path, 0o644)
    (tmp_path / "~$plan.xlsx").write_bytes(b"lock")
    with pytest.raises(PlanSaveError, match="open in Excel or WPS"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"old"


def test_missing_folder(tmp_path):
    with pytest.raises(PlanSaveError, match="folder does not exist"):
        atomic_write_bytes(tmp_path / "no" / "plan.json", b"x")


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    path = tmp_path / "new.json"
    atomic_write_bytes(path, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
