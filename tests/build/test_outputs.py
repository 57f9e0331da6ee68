"""Outputs: every option that tells outputs apart has its own path part and manifest field."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from guidepress.build.manifest import Entry
from guidepress.build.outputs import (
    AXES,
    Output,
    defaults,
    normalised,
    output_path,
    page_file,
    page_files,
    thumbnail_file,
)
from guidepress.build.plan import plan
from guidepress.build.request import BuildRequest
from guidepress.content.models import Config
from guidepress.content.project import load_project
from guidepress.render.kinds import KINDS
from tests.helpers import add_role, write


def test_every_axis_is_a_field_of_output_and_of_the_manifest_entry() -> None:
    output_fields = {f.name for f in dataclasses.fields(Output)}
    entry_fields = [f.name for f in dataclasses.fields(Entry)]
    for axis in AXES:
        assert axis.name in output_fields and axis.name in entry_fields, axis.name
    # In the manifest, the options follow the output's kind and roles, before the results.
    assert entry_fields[:3] == ["path", "kind", "roles"]
    assert set(entry_fields[3 : 3 + len(AXES)]) == {axis.name for axis in AXES}


def test_no_two_outputs_share_a_path_whatever_the_options(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nkinds: [guide, sheet]\n")
    write(project, "content/brands/inky/brand.yaml", "name: Inky\n")
    add_role(project, "baker")
    loaded, problems = load_project(project)
    assert problems == []
    seen: dict[str, Output] = {}
    for request in (
        BuildRequest(),
        BuildRequest(paper="letter"),
        BuildRequest(pdf_variant="pdf/a-3u"),
        BuildRequest(print_marks=True),
        BuildRequest(pdf_variant="pdf/a-3u", print_marks=True, paper="letter"),
        BuildRequest(brands=("default", "inky"), locales=("en", "fr"), formats=("pdf", "html")),
    ):
        for output in plan(loaded, request):
            other = seen.setdefault(output.path, output)
            assert other == output, f"{output.path}: {other} and {output}"
    sheets = sorted(path for path in seen if path.startswith("sheets/"))
    assert sheets == [
        "sheets/baker.fr.html",
        "sheets/baker.fr.pdf",
        "sheets/baker.html",
        "sheets/baker.letter.pdf",
        "sheets/baker.letter.pdfa-3u.print.pdf",
        "sheets/baker.pdf",
        "sheets/baker.pdfa-3u.pdf",
        "sheets/baker.print.pdf",
        "sheets/inky/baker.fr.html",
        "sheets/inky/baker.fr.pdf",
        "sheets/inky/baker.html",
        "sheets/inky/baker.pdf",
    ]
    archival = seen["sheets/baker.pdfa-3u.pdf"].entry().to_json()
    assert (archival["pdf_variant"], archival["print_marks"]) == ("pdf/a-3u", False)
    marked = seen["sheets/baker.print.pdf"].entry().to_json()
    assert (marked["pdf_variant"], marked["print_marks"]) == ("pdf/ua-1", True)
    # A PDF variant means nothing to HTML: one HTML output, no variant.
    html = plan(loaded, BuildRequest(formats=("html",), pdf_variant="pdf/a-3u", kinds=("sheet",)))
    assert [(o.path, o.pdf_variant) for o in html] == [("sheets/baker.html", None)]


# Regions ---------------------------------------------------------------------------------------


def region_path(region: str | None, default: str | None = "US", **options: object) -> str:
    from guidepress.build.outputs import output_path
    from guidepress.render.kinds import KINDS

    values: dict[str, object] = {
        "brand": "default", "locale": "en", "audience": "student", "paper": "a4",
        "pdf_variant": "pdf/ua-1", "print_marks": False, "format": "pdf", "region": region,
        "dpi": None,
    }  # fmt: skip
    values.update(options)
    defaults = {**values, "locale": "en", "print_marks": False, "region": default}
    return output_path(KINDS["guide"], "chef", values, defaults)


def test_the_default_region_keeps_the_short_name() -> None:
    assert region_path("US") == "guides/chef.pdf"
    assert region_path("OH") == "guides/chef@oh.pdf"
    assert region_path("18140", locale="es", print_marks=True) == "guides/chef.es@18140.print.pdf"


def test_a_region_is_never_taken_for_a_locale() -> None:
    """``DE`` the region and ``de`` the language would be one file on a case-insensitive disk."""
    names = {region_path("US", locale="de"), region_path("DE")}
    assert names == {"guides/chef.de.pdf", "guides/chef@de.pdf"}
    assert len({n.lower() for n in names}) == 2


def test_without_regions_the_names_are_as_before() -> None:
    assert region_path(None, default=None) == "guides/chef.pdf"
    assert region_path("US", default=None) == "guides/chef@us.pdf"


def test_regions_and_page_images_with_every_other_option_have_their_own_paths(
    project: Path,
) -> None:
    write(project, "guidepress.yaml", "title: T\nkinds: [sheet]\nregions: [US]\n")
    add_role(project, "baker")
    loaded, _ = load_project(project)
    request = BuildRequest(regions=("US", "DE"), locales=("en", "de"), formats=("pdf", "png"),
                           dpi=150, print_marks=True)  # fmt: skip
    paths = [o.path for o in plan(loaded, request)] + [o.path for o in plan(loaded, BuildRequest())]
    assert sorted(paths) == [
        "sheets/baker.de.print.150dpi.1.png",
        "sheets/baker.de.print.pdf",
        "sheets/baker.de@de.print.150dpi.1.png",
        "sheets/baker.de@de.print.pdf",
        "sheets/baker.pdf",
        "sheets/baker.print.150dpi.1.png",
        "sheets/baker.print.pdf",
        "sheets/baker@de.print.150dpi.1.png",
        "sheets/baker@de.print.pdf",
    ]
    assert len({path.lower() for path in paths}) == len(paths)


def test_regions_asked_and_configured(project: Path) -> None:
    write(project, "guidepress.yaml", "title: T\nregions: [US, oh, US]\n")
    add_role(project, "baker")
    loaded, _ = load_project(project)
    paths = {o.path: o.region for o in plan(loaded, BuildRequest())}
    assert paths == {"guides/baker.pdf": "US", "guides/baker@oh.pdf": "OH"}
    asked = {o.path: o.region for o in plan(loaded, BuildRequest(regions=("oh", " 18140", "OH")))}
    assert asked == {"guides/baker@oh.pdf": "OH", "guides/baker@18140.pdf": "18140"}


def _path(format: str, dpi: int | None = None, **options: str) -> str:
    """The path of a guide about ``chef`` with ``options`` (the rest the project's defaults)."""
    default = defaults(Config())
    chosen = {**default, "format": format, "dpi": dpi, **options}
    return output_path(KINDS["guide"], "chef", normalised(chosen, KINDS["guide"]), default)


def test_page_images_are_numbered_and_the_path_is_the_first_page() -> None:
    assert _path("png", 96) == "guides/chef.1.png"
    assert page_files("guides/chef.1.png", 3) == [
        "guides/chef.1.png",
        "guides/chef.2.png",
        "guides/chef.3.png",
    ]
    assert page_file("guides/chef.es.1.png", 12) == "guides/chef.es.12.png"


def test_another_resolution_and_other_options_have_their_own_page_image_paths() -> None:
    assert _path("png", 150) == "guides/chef.150dpi.1.png"
    assert _path("png", 96, locale="es", paper="letter") == "guides/chef.es.letter.1.png"
    assert _path("pdf", 150) == "guides/chef.pdf"  # a resolution is no option of a PDF
    assert len({_path("png", 96), _path("png", 150), _path("pdf"), _path("html")}) == 4


def test_a_thumbnail_sits_beside_its_pdf() -> None:
    assert thumbnail_file("guides/chef.es.pdf") == "guides/chef.es.thumb.png"
    assert thumbnail_file(_path("pdf")) not in page_files(_path("png", 96), 99)


def test_audiences_booklets_and_the_catalogue_have_their_own_paths(project: Path) -> None:
    write(
        project,
        "guidepress.yaml",
        """
        title: T
        kinds: [guide, sheet, compare, booklet, catalogue]
        audiences: [student, employer]
        booklets:
          fair: {roles: [baker, brewer]}
          northern: {brand: inky, locale: fr, audience: employer}
          ohio: {roles: [baker], region: oh}
        """,
    )
    write(project, "content/brands/inky/brand.yaml", "name: Inky\n")
    write(project, "content/comparisons/pair.yaml", "title: Pair\nroles: [baker, brewer]\n")
    add_role(project, "baker")
    add_role(project, "brewer")
    loaded, problems = load_project(project)
    assert problems == []
    every = plan(loaded, BuildRequest(formats=("pdf", "html")))
    paths = sorted(output.path for output in every)
    assert len(paths) == len(set(paths))
    assert paths == [
        "booklets/fair.employer.pdf",  # a booklet is a PDF: HTML folds into it
        "booklets/fair.pdf",
        "booklets/inky/northern.fr.employer.pdf",  # its own brand, locale and audience
        "booklets/ohio.employer@oh.pdf",  # its own region
        "booklets/ohio@oh.pdf",
        "comparisons/pair.html",  # comparisons are the same for every audience
        "comparisons/pair.pdf",
        "guides/baker.employer.html",
        "guides/baker.employer.pdf",
        "guides/baker.html",
        "guides/baker.pdf",
        "guides/brewer.employer.html",
        "guides/brewer.employer.pdf",
        "guides/brewer.html",
        "guides/brewer.pdf",
        "index.html",  # the catalogue, at the top, a web page whatever the format asked
        "sheets/baker.employer.html",
        "sheets/baker.employer.pdf",
        "sheets/baker.html",
        "sheets/baker.pdf",
        "sheets/brewer.employer.html",
        "sheets/brewer.employer.pdf",
        "sheets/brewer.html",
        "sheets/brewer.pdf",
    ]
    by_path = {output.path: output for output in every}
    assert by_path["comparisons/pair.pdf"].audience is None
    catalogue = by_path["index.html"].entry().to_json()
    assert (catalogue["paper"], catalogue["audience"], catalogue["print_marks"]) == (None,) * 3
    assert by_path["guides/baker.employer.pdf"].entry().to_json()["audience"] == "employer"
    # Another brand's and locale's catalogue: in the brand's folder, the locale's suffix.
    other = plan(loaded, BuildRequest(kinds=("catalogue",), brands=("inky",), locales=("es",)))
    assert [o.path for o in other] == ["inky/index.es.html"]
    # A booklet that fixes its brand is not made by a build asking for another brand.
    only_default = plan(loaded, BuildRequest(kinds=("booklet",), brands=("default",)))
    assert sorted(o.path for o in only_default) == [
        "booklets/fair.employer.pdf",
        "booklets/fair.pdf",
        "booklets/ohio.employer@oh.pdf",
        "booklets/ohio@oh.pdf",
    ]
    # Booklets and the catalogue are about many roles: a build naming roles makes neither.
    named, _ = load_project(project, only=["baker"])
    assert sorted(o.path for o in plan(named, BuildRequest(roles=("baker",)))) == [
        "guides/baker.employer.pdf",
        "guides/baker.pdf",
        "sheets/baker.employer.pdf",
        "sheets/baker.pdf",
    ]
