"""The untranslated-content notice of each kind."""

from __future__ import annotations

from pathlib import Path

from guidepress.content.project import load_project
from guidepress.i18n.labels import catalogue
from guidepress.render.translation import SHEET_GROUPS, guide_groups, notice
from tests.helpers import PASTRY_CHEF, PASTRY_CHEF_ES, REPO, write


def test_notice_lists_exactly_the_untranslated_sections(project: Path) -> None:
    write(project, "content/roles/pastry-chef.yaml", PASTRY_CHEF)
    write(project, "content/roles/pastry-chef.es.yaml", PASTRY_CHEF_ES)
    loaded, problems = load_project(project)
    assert problems == []
    role = loaded.localized("pastry-chef", "es")
    labels = catalogue("es")
    assert notice(role, labels, guide_groups()) == (
        "Contenido sin traducir (en inglés): Competencias y herramientas, Conciliación y "
        "estrés, Ventajas e inconvenientes, Preguntas frecuentes"
    )
    assert notice(role, labels, SHEET_GROUPS) == (
        "Contenido sin traducir (en inglés): Competencias y cualificaciones, Ventajas, "
        "Inconvenientes"
    )
    es_mx = loaded.localized("pastry-chef", "es_MX")
    assert es_mx.title == "Pastelero o pastelera"  # the language's overlay serves its regions
    assert notice(loaded.localized("pastry-chef", "en"), labels, guide_groups()) is None


def test_the_demo_overlay_translates_the_whole_sheet() -> None:
    loaded, problems = load_project(REPO, only=["strategic-account-manager"])
    assert problems == []
    role = loaded.localized("strategic-account-manager", "es")
    assert role.title == "Responsable de cuentas estratégicas"
    assert notice(role, catalogue("es"), SHEET_GROUPS) is None
    assert notice(role, catalogue("es"), guide_groups()) == (
        "Contenido sin traducir (en inglés): Funciones principales, Entorno de trabajo, "
        "Demanda y perspectivas, Panorama internacional, Competencias y herramientas, "
        "Formación, Cómo acceder al puesto, Consejos para el portafolio, Un día de trabajo, "
        "Casos prácticos"
    )
