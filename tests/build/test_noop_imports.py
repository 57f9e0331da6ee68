"""A build with nothing to do never imports the PDF engine (WeasyPrint, pikepdf)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
from guidepress.build.pipeline import build
from guidepress.build.request import BuildRequest
report = build(Path(sys.argv[1]), BuildRequest(jobs=1))
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"weasyprint", "pikepdf", "click"})
print(json.dumps({"statuses": [e.status for e in report.entries], "heavy": heavy}))
"""


@pytest.mark.pdf
def test_a_cached_build_imports_neither_weasyprint_nor_pikepdf(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / "content" / "roles").mkdir(parents=True)
    shutil.copy(
        REPO / "content/roles/customer-success-manager.yaml", root / "content/roles/csm.yaml"
    )
    (root / "guidepress.yaml").write_text("kinds: [sheet]\nbuild_date: 2026-11-21\n")

    def probe() -> dict[str, list[str]]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True
        )
        result: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
        return result

    first = probe()
    assert first["statuses"] == ["built"]
    assert first["heavy"] == ["pikepdf", "weasyprint"]  # the probe does see them when used
    assert probe() == {"statuses": ["cached"], "heavy": []}
