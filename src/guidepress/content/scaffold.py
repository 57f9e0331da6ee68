"""``guidepress init``: a new project with config, an example role and a brand."""

from __future__ import annotations

from pathlib import Path

from guidepress.content.models.brand import Colors
from guidepress.errors import GuidepressError
from guidepress.files import write_atomic

CONFIG = """\
# guidepress project settings; every key is optional.
title: Career guides
brands: [default]
locales: [en]
paper: a4
kinds: [guide]
output: output
# build_date: 2026-01-01   # edition date printed in documents (SOURCE_DATE_EPOCH overrides)
"""

ROLE = """\
# One role. Only title and summary are required; see `guidepress schema` for every field.
title: Example Role
summary: >-
  An *example* role: replace this file with your own content, or run
  `guidepress import page.txt` on a career-guide page.
salary:
  region: US
  currency: USD
  period: annual
  min: 50000
  max: 90000
  median: 70000
growth_rate: 5
market_demand: Moderate
remote_friendly: true
responsibilities:
  - Describe what people in this role do every week.
  - Keep items short; inline Markdown such as **bold** works.
tiers:
  - title: Junior Example
    experience: 0-2 years
    description: Learns the trade under supervision.
  - title: Senior Example
    experience: 5+ years
    description: Leads work and mentors others.
pros:
  - Varied work.
cons:
  - Tight deadlines.
"""

BRAND = """\
name: Career Center
logo: logo.svg
logo_alt: Career Center
logo_position: left             # left, center or right
colors:
  primary: "{colors.primary}"
  accent: "{colors.accent}"
  text: "{colors.text}"
  muted: "{colors.muted}"
  background: "{colors.background}"
contact: careers@example.org
url: https://careers.example.org
footer: Career Center
disclaimer: Figures are indicative and vary by region and employer.
"""

LOGO = """\
<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">
<rect x="0" y="6" width="48" height="48" rx="10" fill="#ffffff"/>
<path d="M12 40 L24 18 L36 40 Z" fill="{colors.primary}"/>
<text x="60" y="40" font-family="GP Body, sans-serif" font-size="22" font-weight="700"
      fill="#ffffff">Career Center</text>
</svg>
"""


def scaffold(directory: Path) -> list[Path]:
    """Create the project files in ``directory``; refuses to touch an existing project."""
    if (directory / "guidepress.yaml").exists():
        raise GuidepressError(f"{directory / 'guidepress.yaml'}: a project already exists here")
    files = {
        "guidepress.yaml": CONFIG,
        "content/roles/example-role.yaml": ROLE,
        # The model's default colours: the theme's palette has one source.
        "content/brands/default/brand.yaml": BRAND.format(colors=Colors()),
        "content/brands/default/logo.svg": LOGO.format(colors=Colors()),
        "content/comparisons/.keep": "",
        ".gitignore": "output/\n",
    }
    written = []
    for name, text in files.items():
        path = directory / name
        write_atomic(path, text.encode())
        written.append(path)
    return written
