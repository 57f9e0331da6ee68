"""Brand kits: every brand file problem located in brand.yaml (missing and escaping files,
logo rules), the example brands, and glyph coverage of the seed text in each brand's fonts."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from fontTools.ttLib import TTFont

from guidepress.content.models import Role
from guidepress.content.project import load_project
from guidepress.theme.lookup import Theme, builtin_dir
from tests.helpers import REPO, brand_file, evil_brand, render_html, run_err, validate_lines, write


def test_every_brand_file_problem_has_its_located_message(project: Path) -> None:
    write(project, "content/brands/x/fonts/ok.ttf", "not checked here")
    brand_file(
        project,
        """
        name: X
        logo: missing.svg
        fonts:
          heading: {family: H, files: [fonts/ok.ttf, ../default/logo.svg]}
          body: {family: B, files: [fonts/none.ttf]}
        """,
    )
    assert validate_lines(project) == (
        1,
        [
            "content/brands/x/brand.yaml:2:1: logo: a logo needs logo_alt (its alternative text)",
            "content/brands/x/brand.yaml:2:1: logo: file not found: missing.svg",
            "content/brands/x/brand.yaml:4:46: fonts.heading.files[1]: path leaves the brand "
            "folder: ../default/logo.svg",
            "content/brands/x/brand.yaml:5:29: fonts.body.files[0]: file not found: fonts/none.ttf",
        ],
    )


def test_logo_path_leaving_the_folder_and_invalid_colours(project: Path) -> None:
    brand_file(
        project,
        """
        name: X
        logo: /etc/passwd
        logo_alt: X
        logo_position: middle
        colors: {primary: blue, accent: "#12345"}
        """,
    )
    assert validate_lines(project) == (
        1,
        [
            "content/brands/x/brand.yaml:2:1: logo: path leaves the brand folder: /etc/passwd",
            "content/brands/x/brand.yaml:4:1: logo_position: must be one of 'left', 'center' "
            "or 'right' (got 'middle')",
            "content/brands/x/brand.yaml:5:10: colors.primary: must be a hex colour like #0b4f6c "
            "(got 'blue')",
            "content/brands/x/brand.yaml:5:25: colors.accent: must be a hex colour like #0b4f6c "
            "(got '#12345')",
        ],
    )
    brand_file(project, "name: X\nlogo: /etc/passwd\nlogo_alt: X\n")
    assert validate_lines(project) == (
        1,
        ["content/brands/x/brand.yaml:2:1: logo: path leaves the brand folder: /etc/passwd"],
    )


def test_example_brands_pass_validation() -> None:
    project, problems = load_project(REPO)
    assert problems == []
    assert {"default", "northfield", "brightpath"} <= set(project.brands)
    positions = {kit.brand.logo_position for kit in project.brands.values()}
    assert positions == {"left", "center", "right"}


def test_logo_path_leaving_the_brand_folder(project: Path, secret: Path) -> None:
    evil_brand(project, "../../../../secret.txt")
    assert run_err(project, "validate") == (
        1,
        "content/brands/evil/brand.yaml:2:1: logo: path leaves the brand folder: "
        "../../../../secret.txt\n",
    )


def test_logo_absolute_path_and_link_out_of_the_brand_folder(project: Path, secret: Path) -> None:
    evil_brand(project, str(secret))
    assert run_err(project, "validate")[1] == (
        f"content/brands/evil/brand.yaml:2:1: logo: path leaves the brand folder: {secret}\n"
    )
    os.symlink(secret, project / "content/brands/evil/logo.svg")
    evil_brand(project, "logo.svg")
    assert run_err(project, "validate")[1] == (
        "content/brands/evil/brand.yaml:2:1: logo: path leaves the brand folder: logo.svg\n"
    )


def test_font_file_path_leaving_the_brand_folder(project: Path, secret: Path) -> None:
    write(
        project,
        "content/brands/evil/brand.yaml",
        "name: Evil\nfonts:\n  body: {family: X, files: [../../../secret.txt]}\n",
    )
    assert run_err(project, "validate") == (
        1,
        "content/brands/evil/brand.yaml:3:29: fonts.body.files[0]: path leaves the brand folder: "
        "../../../secret.txt\n",
    )


# --- Glyph coverage ------------------------------------------------------------------------


FACE = re.compile(r'@font-face\s*\{\s*font-family:\s*"([^"]+)";\s*src:\s*url\("?([^")]+)"?\)')

CHAIN = re.compile(r"--gp-font-(heading|body):\s*([^;]+);")


#: What content commonly holds beyond the seeds: curly quotes, dashes, marks, currencies, and
#: the accented letters of Western European languages.
TYPOGRAPHY = "“”‘’‚„–—•…✓✗→●·×€£¥¢©®™°±½" + "".join(map(chr, range(0xC0, 0x100))) + "ŒœŠšŽžŸ"


@functools.cache
def seed_characters() -> frozenset[str]:
    """Every character the seed roles, the comparison and the labels print, the theme's own
    generated marks, and TYPOGRAPHY (read once: each brand's test checks the same)."""

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    text = "".join(
        s
        for path in [*(REPO / "content").rglob("*.yaml")]
        for s in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    text += (REPO / "src/guidepress/i18n/locales/en.yaml").read_text(encoding="utf-8")
    for css in (builtin_dir() / "styles").glob("*.css"):
        text += "".join(re.findall(r'content:\s*"([^"]*)"', css.read_text(encoding="utf-8")))
    return frozenset(ch for ch in text + TYPOGRAPHY if not ch.isspace())


@pytest.mark.parametrize("brand", ["default", "northfield", "brightpath"])
def test_every_seed_character_has_a_glyph_in_the_brand_font_chains(brand: str) -> None:
    project, _ = load_project(REPO)
    html = render_html(
        "guide",
        Role(title="T", summary="S", slug="t"),
        project.brand(brand),
        Theme(REPO),
        locale="en",
        paper="a4",
        edition=date(2026, 1, 1),
    ).html
    styles = builtin_dir() / "styles"
    base = (styles / "base.css").read_text(encoding="utf-8")
    faces: dict[str, list[Path]] = {}
    for family, url in FACE.findall(base):
        faces.setdefault(family, []).append(styles / url)
    for family, url in FACE.findall(html):
        faces.setdefault(family, []).append(Path(url.removeprefix("file://")))
    chains = dict(CHAIN.findall(base)) | dict(CHAIN.findall(html))
    chars = seed_characters()
    assert {"’", "—", "●", "®"} <= chars  # from the seeds themselves
    for slot, chain in chains.items():
        families = [f.strip().strip('"') for f in chain.split(",")]
        cmaps = [
            set(TTFont(path).getBestCmap()) for family in families for path in faces.get(family, [])
        ]
        assert cmaps, f"{brand} {slot}: no bundled font in {chain}"
        missing = sorted(ch for ch in chars if not any(ord(ch) in cmap for cmap in cmaps))
        assert missing == [], f"{brand} {slot} font chain lacks {''.join(missing)}"
