"""Whole-setting export and import: a round trip keeps everything, and a bad file writes nothing."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from portage_desktop.data.migrate import head_revision
from portage_desktop.services import audit
from portage_desktop.services.setting_transfer import (
    TransferRefused,
    export_setting,
    import_setting,
)
from portage_desktop.startup import make_large_demo, open_and_migrate
from tests.conftest import TEST_KEY, TODAY


def _content(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("setting.json"))
        files = {n: archive.read(n) for n in archive.namelist() if n.startswith("files/")}
    return document["tables"], files


def _round_trip(source, tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "first.zip"
    export_setting(source, first)
    target = open_and_migrate(tmp_path / "new.db", None, TEST_KEY)
    try:
        import_setting(first, target, head_revision())
        second = tmp_path / "second.zip"
        export_setting(target, second)
    finally:
        target.dispose()
    return first, second


AUDIT = "audit_entry"


def _same_but_one_import_entry(first: Path, second: Path) -> dict[str, Any]:
    """Everything equal, except that the second holds one audit entry more: the import's own."""
    (tables, files), (again, files_again) = _content(first), _content(second)
    assert files == files_again
    history, after = tables.pop(AUDIT), again.pop(AUDIT)
    assert tables == again
    assert after[: len(history)] == history  # the history as it was, not replayed as new
    assert len(after) == len(history) + 1
    assert after[-1]["action"] == "restore" and after[-1]["detail"].startswith("imported first.zip")
    return tables


def test_a_round_trip_of_the_demo_keeps_every_row_and_file(demo_db, tmp_path):
    audit.record_now(demo_db, audit.AuditAction.VIEW, "child", 1, "before the export")
    first, second = _round_trip(demo_db, tmp_path)
    assert _content(first)[0][AUDIT][0]["detail"] == "before the export"
    tables = _same_but_one_import_entry(first, second)
    for name in ("child", "staff_member", "attachment", "consent", "profile_version"):
        assert tables.get(name), f"{name}: rows expected in the demo's export"
    # Each row's version number (for safe concurrent editing) goes across as it was.
    assert all("row_version" in row for row in tables["child"])
    assert sum(len(rows) for rows in tables.values()) > 100


def test_a_round_trip_of_a_small_large_demo_keeps_everything(home, tmp_path):
    source = make_large_demo(tmp_path / "large.db", seed=3, today=TODAY, key=TEST_KEY, scale=0.01)
    try:
        first, second = _round_trip(source, tmp_path)
    finally:
        source.dispose()
    _same_but_one_import_entry(first, second)
    with zipfile.ZipFile(first) as archive:
        # The large demo holds the home-visiting tables too: the schema describes them as well.
        assert _schema_errors(json.loads(archive.read("setting.json"))) == []


def test_the_file_is_private(demo_db, tmp_path):
    out = tmp_path / "out.zip"
    export_setting(demo_db, out)
    assert out.stat().st_mode & 0o077 == 0
    assert list(tmp_path.glob(".*.part")) == []  # no temporary file left beside it


def test_export_refuses_a_link(demo_db, tmp_path):
    target = tmp_path / "other"
    target.write_bytes(b"keep")
    (tmp_path / "out.zip").symlink_to(target)
    with pytest.raises(OSError, match="link"):
        export_setting(demo_db, tmp_path / "out.zip")
    assert target.read_bytes() == b"keep"


def test_import_into_a_database_holding_records_is_refused(demo_db, tmp_path):
    out = tmp_path / "out.zip"
    export_setting(demo_db, out)
    with pytest.raises(TransferRefused) as refused:
        import_setting(out, demo_db, head_revision())
    assert "already holds records" in refused.value.problems[0]


def _rewrite(source: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    document = json.loads(members["setting.json"])
    change(document)
    members["setting.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def test_a_broken_file_lists_every_problem_and_writes_nothing(demo_db, tmp_path):
    good = tmp_path / "good.zip"
    export_setting(demo_db, good)
    tables, _ = _content(good)
    child_table = next(n for n in tables if "child" in n and "date_of_birth" in tables[n][0])
    first_id = tables[child_table][0]["id"]

    def spoil(document: dict[str, Any]) -> None:
        document["version"] = 99
        kids = document["tables"][child_table]
        kids[1]["date_of_birth"] = "2023-02-30"
        kids[2]["id"] = first_id
        del kids[3]["date_of_birth"]
        for name, rows in document["tables"].items():
            if name != child_table and rows and "child_id" in rows[0]:
                rows[0]["child_id"] = 999_999
                break

    bad = _rewrite(good, tmp_path / "bad.zip", spoil)
    target = open_and_migrate(tmp_path / "new.db", None, TEST_KEY)
    try:
        with pytest.raises(TransferRefused) as refused:
            import_setting(bad, target, head_revision())
        problems = "\n".join(refused.value.problems)
        assert "version:" in problems
        born = f"tables.{child_table}[1].date_of_birth"
        assert f"{born}: '2023-02-30' is not a valid date" in problems
        assert f"tables.{child_table}[2]: the same key as an earlier row" in problems
        assert f"tables.{child_table}[3].date_of_birth: is required" in problems
        assert "999999, which is not in the file" in problems
        from portage_desktop.data import setting_archive

        assert not setting_archive.holds_records(target)
    finally:
        target.dispose()


def test_records_the_screens_would_refuse_are_all_listed_and_nothing_is_written(demo_db, tmp_path):
    """A well-formed file breaking the screens' rules in several places is refused whole."""
    good = tmp_path / "good.zip"
    export_setting(demo_db, good)

    def spoil(document: dict[str, Any]) -> None:
        tables = document["tables"]
        tables["child"][0]["first_name"] = " "
        tables["child"][1]["date_of_birth"] = "2999-01-01"
        tables["child"][2]["last_name"] = "Lee\u202e"
        tables["activity_plan"][0]["review_on"] = "1999-01-01"
        tables["training_record"][0]["expires_on"] = "1999-01-01"

    bad = _rewrite(good, tmp_path / "bad.zip", spoil)
    target = open_and_migrate(tmp_path / "new.db", None, TEST_KEY)
    try:
        with pytest.raises(TransferRefused) as refused:
            import_setting(bad, target, head_revision())
        problems = refused.value.problems
        assert "tables.child[0].first_name: Please enter the child's first name." in problems
        assert (
            "tables.child[1].date_of_birth: The date of birth cannot be in the future." in problems
        )
        assert any(p.startswith("tables.child[2].last_name: ") for p in problems)
        assert "tables.activity_plan[0].review_on: The review must be after the start." in problems
        assert any(p.startswith("tables.training_record[0].expires_on: ") for p in problems)
        # The date of birth moved past the start date, which the start date rule catches too.
        assert (
            "tables.child[1].start_date: The start date cannot be before the date of birth."
            in problems
        )
        assert len(problems) == 6
        from portage_desktop.data import setting_archive

        assert not setting_archive.holds_records(target)
    finally:
        target.dispose()


def test_the_screens_rules_wait_until_the_file_is_well_formed(demo_db, tmp_path):
    """A file with structural problems lists those alone: rules need whole, typed rows."""
    good = tmp_path / "good.zip"
    export_setting(demo_db, good)

    def spoil(document: dict[str, Any]) -> None:
        document["tables"]["child"][0]["first_name"] = ""
        document["tables"]["child"][1]["date_of_birth"] = 5

    bad = _rewrite(good, tmp_path / "bad.zip", spoil)
    target = open_and_migrate(tmp_path / "new.db", None, TEST_KEY)
    try:
        with pytest.raises(TransferRefused) as refused:
            import_setting(bad, target, head_revision())
        assert refused.value.problems == [
            "tables.child[1].date_of_birth: must be a date written as text (ISO 8601)"
        ]
    finally:
        target.dispose()


def test_not_json_is_refused_plainly(db, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("setting.json", "{not json")
    with pytest.raises(TransferRefused) as refused:
        import_setting(bad, db, head_revision())
    assert refused.value.problems[0].startswith("setting.json: not valid JSON")


@pytest.mark.parametrize("member", ["../x", "/etc/passwd", "files/../../x"])
def test_a_zip_naming_paths_outside_itself_is_refused(db, tmp_path, member):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("setting.json", "{}")
        archive.writestr(member, b"x")
    with pytest.raises(TransferRefused) as refused:
        import_setting(bad, db, head_revision())
    assert "outside" in refused.value.problems[0]


def test_a_zip_bomb_is_refused(db, tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("setting.json", b" " * 50_000_000)
    with pytest.raises(TransferRefused) as refused:
        import_setting(bomb, db, head_revision())
    assert "far more than it is" in refused.value.problems[0]


def test_a_file_over_200_mb_is_refused_unopened(db, tmp_path):
    big = tmp_path / "big.zip"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024 + 1)  # sparse: no real space used
    with pytest.raises(TransferRefused) as refused:
        import_setting(big, db, head_revision())
    assert "larger than 200 MB" in refused.value.problems[0]


def test_the_committed_schema_matches_the_models():
    """The published schema is generated from the models; a model change must regenerate it."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "make_archive_schema", root / "packaging" / "make_archive_schema.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "docs" / "setting-archive.schema.json").read_text(encoding="utf-8")
    assert committed == module.render(), "run packaging/make_archive_schema.py"


SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "setting-archive.schema.json"


def _schema_errors(document: Any) -> list[tuple[str, str]]:
    """Every way ``document`` breaks the committed schema file, as (path, message) pairs.

    Formats are checked too: a date must be a real date, a date and time must carry its UTC
    offset (RFC 3339, which is what the export writes), an identifier must be a UUID.
    """
    import jsonschema
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    formats = jsonschema.FormatChecker()

    @formats.checks("date-time", raises=ValueError)
    def _date_time(value: object) -> bool:
        return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None

    validator = Draft202012Validator(schema, format_checker=formats)
    found = validator.iter_errors(document)
    return sorted(("/".join(map(str, e.absolute_path)), e.message) for e in found)


def _exported(db, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "out.zip"
    export_setting(db, out)
    with zipfile.ZipFile(out) as archive:
        return json.loads(archive.read("setting.json"))


def test_an_export_satisfies_the_published_schema(demo_db, tmp_path):
    document = _exported(demo_db, tmp_path)
    assert document["tables"]["child"], "the demo's children are in the export"
    assert _schema_errors(document) == []


def test_a_broken_document_breaks_the_published_schema(demo_db, tmp_path):
    """The schema really constrains what it says: each spoilt value is caught, at its place."""
    document = _exported(demo_db, tmp_path)
    kids = document["tables"]["child"]
    kids[0]["date_of_birth"] = 20240101
    del kids[1]["last_name"]
    kids[2]["date_of_birth"] = "2023-02-30"
    kids[3]["nickname"] = "extra"
    kids[4]["first_name"] = "x" * 1000
    kids[5]["created_at"] = "2026-01-01T10:00:00"  # no offset
    document["tables"]["no_such_table"] = []
    del document["format"]
    paths = [path for path, _message in _schema_errors(document)]
    assert "tables/child/0/date_of_birth" in paths
    assert "tables/child/1" in paths  # "last_name" is a required property
    assert "tables/child/2/date_of_birth" in paths
    assert "tables/child/3" in paths  # additional property "nickname"
    assert "tables/child/4/first_name" in paths
    assert "tables/child/5/created_at" in paths
    assert "tables" in paths  # the unknown table
    assert "" in paths  # "format" is required
    assert len(paths) == 8
