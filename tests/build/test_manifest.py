"""manifest.json: its fields, and shard manifests merged (overlaps refused)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import BAKER_AND_BREWER, SMALL_ROLE, invoke, run, run_build, statuses, write

pytestmark = pytest.mark.pdf


def test_build_writes_manifest_as_specified(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    code, output = run(project, "build", "--kind", "guide")
    assert code == 0, output
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    assert manifest["generator"].startswith("guidepress ")
    assert manifest["build_date"] == "2026-11-21"
    [entry] = manifest["outputs"]
    assert set(entry) == {
        "path",
        "kind",
        "roles",
        "brand",
        "locale",
        "paper",
        "format",
        "audience",
        "pdf_variant",
        "print_marks",
        "region",
        "dpi",
        "pages",
        "bytes",
        "sha256",
        "files",
        "thumbnail",
        "imposed",
        "inputs_hash",
        "seconds",
        "status",
        "error",
        "sources",
    }
    assert entry["path"] == "guides/pastry-chef.pdf"
    assert (entry["audience"], entry["imposed"]) == ("student", None)
    assert (entry["kind"], entry["roles"], entry["status"], entry["error"]) == (
        "guide",
        ["pastry-chef"],
        "built",
        None,
    )
    # Where the role came from: a hand-written role has no source file, and is complete.
    assert entry["sources"] == [
        {"role": "pastry-chef", "completeness": "full", "missing_sections": [],
         "encoding_repaired": False}
    ]  # fmt: skip
    pdf = project / "output" / entry["path"]
    assert entry["bytes"] == pdf.stat().st_size
    assert entry["pages"] == len(PdfReader(pdf).pages)
    assert not [p for p in pdf.parent.iterdir() if p.name.startswith(".")]


def test_shard_builds_merge_into_one_manifest(two_roles: Path) -> None:
    for k in (1, 2):
        code, output = run_build(
            two_roles, "--shard", f"{k}/2", "--out", str(two_roles / f"shard-{k}")
        )
        assert code == 0, output
    first, second = statuses(two_roles, "shard-1"), statuses(two_roles, "shard-2")
    assert len(first) == len(second) == 2 and not set(first) & set(second)
    shards = [str(two_roles / "shard-1"), str(two_roles / "shard-2")]
    result = invoke(None, "manifest", "merge", *shards, "--out", str(two_roles / "site"))
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == f"merged 2 manifests: 4 outputs (0 failed) into {two_roles}/site/manifest.json\n"
    )
    merged = json.loads((two_roles / "site" / "manifest.json").read_text())
    for entry in merged["outputs"]:
        data = (two_roles / "site" / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert {e["path"] for e in merged["outputs"]} == BAKER_AND_BREWER


def test_merging_overlapping_shards_is_refused(two_roles: Path) -> None:
    out = two_roles / "output"
    other = json.loads((out / "manifest.json").read_text())
    other["outputs"][0]["sha256"] = "0" * 64
    write(two_roles, "other/manifest.json", json.dumps(other))
    result = invoke(None, "manifest", "merge", str(out), str(two_roles / "other"))
    assert result.exit_code == 1
    path = other["outputs"][0]["path"]
    assert result.output == (
        f"{two_roles}/other/manifest.json: outputs: {path} is also in "
        f"{out}/manifest.json with different contents; shards must not overlap\n"
    )


def test_merging_copies_every_page_image_and_thumbnail(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", SMALL_ROLE)
    options = ["--format", "pdf", "--format", "png", "--dpi", "10", "--thumbnails"]
    code, output = run_build(project, "--kind", "guide", *options, "--out", str(project / "a"))
    assert code == 0, output
    result = invoke(None, "manifest", "merge", str(project / "a"), "--out", str(project / "site"))
    assert result.exit_code == 0, result.output
    merged = json.loads((project / "site" / "manifest.json").read_text())
    copied = sorted(
        rel
        for entry in merged["outputs"]
        for rel in [*(entry["files"] or [entry["path"]]), entry["thumbnail"]]
        if rel
    )
    assert copied == sorted(
        p.relative_to(project / "a").as_posix() for p in (project / "a" / "guides").iterdir()
    )
    for rel in copied:
        assert (project / "site" / rel).read_bytes() == (project / "a" / rel).read_bytes()


def test_a_page_image_or_thumbnail_leaving_the_folder_is_refused(
    project: Path, secret: Path
) -> None:
    entry = {
        "path": "guides/x.1.png", "kind": "guide", "roles": ["x"], "brand": "default",
        "locale": "en", "paper": "a4", "format": "png", "status": "built",
        "files": ["guides/x.1.png", f"../../{secret.name}"],
    }  # fmt: skip
    write(project, "a/manifest.json", json.dumps({"outputs": [entry]}))
    write(project, "a/guides/x.1.png", "page")
    result = invoke(None, "manifest", "merge", str(project / "a"), "--out", str(project / "site"))
    assert (result.exit_code, result.output) == (
        1,
        f"{project}/a/manifest.json: outputs: ../../{secret.name}: path leaves the folder\n",
    )
    thumb = {**entry, "files": None, "thumbnail": "/etc/passwd"}
    write(project, "a/manifest.json", json.dumps({"outputs": [thumb]}))
    result = invoke(None, "manifest", "merge", str(project / "a"), "--out", str(project / "site"))
    assert (
        result.output
        == f"{project}/a/manifest.json: outputs: /etc/passwd: path leaves the folder\n"
    )
    assert not (project / "site" / "guides").exists()
