"""Match a section heading to a field of the role model, by keywords first, then fuzzily.

Headings are compared in a normal form: emoji and punctuation dropped, ``&`` read as ``and``,
lower case, with the role's own title removed (so ``Path to Software Engineer`` is a path, not a
tech stack). Parent headings that only group the sections below them map to ``PARENT``.
"""

from __future__ import annotations

import difflib
import re

PARENT = "_parent"
WORK_LIFE = "_work_life"

#: (key, pattern) in priority order: the first match wins, so specific phrases come first.
_RULES: tuple[tuple[str, str], ...] = (
    (PARENT, r"^(skills? and qualifications?|qualifications|job market( today)?|market today)$"),
    (PARENT, r"^(pros and cons|advantages and disadvantages)( for| of)?\b"),
    ("day_in_the_life", r"\bday in the life\b|\btypical (work ?)?day\b|\bdaily routine\b"),
    (WORK_LIFE, r"\bwork ?life\b|\bstress\b|\bwellbeing\b"),
    ("skill_map", r"\bskills? (map|matrix|tree)\b|\bcompetency map\b"),
    ("tiers", r"\btiers?\b|\bcareer (ladder|levels|progression|stages)\b|\bseniority levels\b"),
    (
        "required_education",
        r"\brequired education\b|\beducation and training\b|\btraining\b"
        r"|\bcertifications?\b",
    ),
    ("education", r"\beducation\b|\bdegrees?\b"),
    ("soft_skills", r"\bsoft (skills?|abilities)\b|\binterpersonal skills\b|\bpeople skills\b"),
    ("tech_skills", r"\b(tech|technical|hard|digital) (skills?|abilities)\b"),
    ("tech_stack", r"\btech(nology)? stack\b|\btools\b|\bsoftware\b|\bequipment\b"),
    (
        "core_functions",
        r"\bcore functions?\b|\bfunctions? of\b|\brole overview\b|\boverview\b"
        r"|\babout the role\b|\bwhat does\b",
    ),
    ("responsibilities", r"\bresponsibilit(y|ies)\b|\bduties\b"),
    ("work_setting", r"\bwork (setting|environment|conditions)\b|\bworkplace\b"),
    (
        "path",
        r"^path$|\bpath to\b|\bhow to become\b|\bbecoming\b|\bcareer path\b|\bgetting started",
    ),
    ("pros", r"^(pros|advantages|benefits|upsides|perks)\b"),
    ("cons", r"^(cons|disadvantages|drawbacks|downsides)\b"),
    ("common_mistakes", r"\bmistakes?\b|\bpitfalls?\b"),
    ("case_studies", r"\bcase stud(y|ies)\b|\bexamples\b|\bsuccess stories\b"),
    ("portfolio_tips", r"\bportfolio\b"),
    ("advice", r"\badvice\b|\btips\b|\brecommendations\b"),
    ("faqs", r"\bfrequently asked\b|\bfaqs?\b|\bquestions\b"),
    ("references", r"\breferences\b|\bsources\b|\bbibliography\b|\bfurther reading\b"),
    ("global_outlook", r"\bglobal\b|\bworldwide\b|\binternational\b"),
    ("outlook", r"\boutlook\b"),
    ("related_roles", r"\brelated (roles|careers|jobs|positions)\b|\bsimilar (roles|careers)\b"),
    ("challenges", r"\bchallenges?\b|\bobstacles\b"),
    ("growth_paths", r"\bgrowth (paths?|opportunities)\b|\bopportunities\b|\badvancement\b"),
    ("trends", r"\btrends?\b"),
)
_COMPILED = tuple((key, re.compile(pattern)) for key, pattern in _RULES)

#: Headings as the seed pages print them (role title removed), for fuzzy matching of typos.
_ALIASES: dict[str, str] = {
    "core functions of the role": "core_functions",
    "key responsibilities": "responsibilities",
    "work setting": "work_setting",
    "tech stack": "tech_stack",
    "education level": "education",
    "tech skills": "tech_skills",
    "soft abilities": "soft_skills",
    "soft skills": "soft_skills",
    "required education": "required_education",
    "career path tiers": "tiers",
    "global outlook": "global_outlook",
    "role challenges": "challenges",
    "growth paths": "growth_paths",
    "industry trends": "trends",
    "a day in the life": "day_in_the_life",
    "work life balance and stress": WORK_LIFE,
    "skill map": "skill_map",
    "common mistakes of beginners": "common_mistakes",
    "contextual advice": "advice",
    "examples and case studies": "case_studies",
    "portfolio tips": "portfolio_tips",
    "job outlook and related roles": "outlook",
    "related roles": "related_roles",
    "frequently asked questions": "faqs",
    "sources and references": "references",
}


def normal(text: str) -> str:
    """Lower case words only: ``✅ Pros & Cons`` -> ``pros and cons``."""
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def match(heading: str, role_title: str = "") -> str | None:
    """The model field (or PARENT / WORK_LIFE) a heading introduces, or None when unknown."""
    text = normal(heading)
    title = normal(role_title)
    if title and len(text) > len(title):
        text = " ".join(text.replace(title, " ").split())
    text = re.sub(r"(\s*\b(for|of|to|the|a|an|as|role|position))+$", "", text).strip()
    if not text:
        return None
    for key, pattern in _COMPILED:
        if pattern.search(text):
            return key
    close = difflib.get_close_matches(text, _ALIASES, n=1, cutoff=0.85)
    return _ALIASES[close[0]] if close else None
