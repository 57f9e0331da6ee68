"""Render one theme template with a kind's context."""

from __future__ import annotations

import jinja2

from guidepress.errors import TemplateProblem
from guidepress.render.context import PageContext
from guidepress.theme.lookup import Theme


def render_template(theme: Theme, name: str, context: PageContext) -> str:
    """Render theme template ``name`` with ``context`` as ``ctx`` (and ``L``, ``fmt``, ``role``)."""
    template = theme.template(name)
    try:
        role = getattr(context, "role", None)
        return template.render(ctx=context, L=context.L, fmt=context.fmt, role=role)
    except TemplateProblem:
        raise
    except jinja2.TemplateError as exc:
        raise TemplateProblem(f"templates/{name}: {exc}") from None
