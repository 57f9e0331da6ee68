# ruff: noqa: E501 (the page template keeps the markup of a real page on one line)
"""Write the saved-web-page fixtures: each seed page's text inside a realistic site page.

Run from the repository: ``.venv/bin/python tests/importer/cases/make_pages.py``. The output is
committed (tests read the .html files, not this script); rerun it only to change the fixtures.

The guide's text is marked up the way a CMS does (sections, lists, a salary table, a ``<dl>`` of
outlook facts, FAQ accordions, emphasis, links, entities, wrapped lines), and the site around it
has what saved pages carry: head metadata and JSON-LD, analytics scripts, a cookie banner, the
site header with logo, menu and search, breadcrumbs, a table of contents, share buttons, ad slots,
a sidebar, related articles, a newsletter form, a hidden subscription dialog and the footer.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[3] / "shared" / "seeds"
PAGES = {
    "000_d44a76b2e4663afc": {"kicker": False},
    "004_e941a6e8a69fed1f": {"kicker": True},
}
TOP = re.compile(
    r"^(Core Functions|Key Responsibilities|Work Setting|Tech Stack|Skills and Qualifications|"
    r"Path to|Required Education|Career Path Tiers|Global Outlook|Job Market Today|"
    r"A Day in the Life|Work-Life Balance|Skill Map|Pros & Cons|Common Mistakes|"
    r"Contextual Advice|Examples and Case Studies|Portfolio Tips|Job Outlook|"
    r"Frequently Asked Questions|Sources & References)"
)
BULLET = "  • "


def esc(text: str) -> str:
    return html.escape(text, quote=False).replace("’", "&rsquo;").replace("—", "&mdash;")


def para(text: str, n: int, role: str, css: str = "") -> str:
    body = esc(text)
    if role and role in text and n % 2 == 0:
        body = body.replace(esc(role), f"<strong>{esc(role)}</strong>", 1)
    elif n % 3 == 0:
        words = body.split(" ")
        if len(words) > 6 and all("&" not in w for w in words[2:4]):
            words[2] = "<em>" + words[2]
            words[3] = words[3] + "</em>"
            body = " ".join(words)
    wrapped = textwrap.fill(
        body, 96, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )
    attr = f' class="{css}"' if css else ""
    return f"<p{attr}>\n{wrapped}\n</p>"


def items(lines: list[str], links: bool = False) -> str:
    out = ['<ul class="guide-list">']
    for line in lines:
        text = esc(line.removeprefix(BULLET))
        if links:
            slug = re.sub(r"[^a-z0-9]+", "-", line.lower()).strip("-")
            text = f'<a href="https://example.com/tools/{slug}" rel="nofollow">{text}</a>'
        out.append(f"  <li>{text}</li>")
    out.append("</ul>")
    return "\n".join(out)


def opening(blocks: list[list[str]]) -> str:
    title, summary = blocks[0][0], blocks[1][0]
    growth, median = blocks[2][0], blocks[4][0]
    demand_head, scale, note = blocks[7][0], blocks[8], blocks[9][0]
    salary_head, salary, top = blocks[10][0], blocks[11], blocks[12][0]
    levels = "\n".join(
        f'      <tr><th scope="row">{esc(salary[i])}</th><td>{esc(salary[i + 1])}</td></tr>'
        for i in range(2, len(salary), 2)
    )
    amount = re.search(r"\$[\d,]+\+", top)
    assert amount is not None
    top_html = esc(top).replace(amount.group(), f"<strong>{amount.group()}</strong>")
    median_label, median_value = salary[1].split(": ")
    return f"""<header class="guide-header">
  <h1 class="guide-title">{esc(title)}</h1>
  <p class="guide-lead">{esc(summary)}</p>
</header>
<div class="share-buttons" aria-label="Share this guide">
  <span class="share-label">Share career guide</span>
  <a href="https://www.linkedin.com/sharing/share-offsite/?url=x">LinkedIn</a>
  <a href="https://twitter.com/intent/tweet?url=x">X</a>
  <button type="button" class="copy-link">Copy link</button>
</div>
<section class="guide-stats">
  <div class="stat"><div class="stat-value">{esc(growth)}</div><div class="stat-label">{esc(blocks[3][0])}</div></div>
  <div class="stat"><div class="stat-value">{esc(median)}</div><div class="stat-label">{esc(blocks[5][0])}</div></div>
  <div class="stat stat-badge"><svg class="icon" aria-hidden="true"><use href="#i-globe"/></svg>{esc(blocks[6][0])}</div>
</section>
<section class="demand">
  <h3 class="demand-title">{esc(demand_head)}</h3>
  <div class="gauge" role="img" aria-label="Demand: {esc(scale[2])}">
    <div class="gauge-min">{esc(scale[0])}</div>
    <div class="gauge-max">{esc(scale[1])}</div>
    <div class="gauge-value">{esc(scale[2])}</div>
  </div>
  {para(note, 1, "", "demand-note")}
</section>
<section class="salary">
  <h3 class="salary-title">{esc(salary_head)}</h3>
  <div class="salary-range">{esc(salary[0])}</div>
  <div class="salary-median">{esc(median_label)}: <strong>{esc(median_value)}</strong></div>
  <table class="salary-levels">
    <tbody>
{levels}
    </tbody>
  </table>
  <p class="salary-top">{top_html}</p>
</section>"""


def body(blocks: list[list[str]], role: str) -> str:
    out: list[str] = []
    open_section = False
    section = ""
    for n, block in enumerate(blocks):
        first = block[0]
        single = len(block) == 1 and not first.startswith(BULLET)
        heading = single and (first.endswith("?") or not re.search(r"[.!:;,]$", first))
        heading = heading and not re.match(r"^[A-Z][\w &/-]*: ", first)
        if heading and TOP.match(first):
            if open_section:
                out.append("</section>")
            section = first
            slug = re.sub(r"[^a-z0-9]+", "-", first.lower()).strip("-")
            out.append(f'<section class="guide-section" id="{slug}">')
            out.append(f"<h2>{esc(first)}</h2>")
            open_section = True
            if first.startswith("Related"):
                out.append('<ul class="related-roles"></ul>')
            if n == len(blocks) - 1 or first.startswith("Sources"):
                out.append('<ol class="references"></ol>')
            if first.startswith("Examples"):
                out.append('<div class="ad-slot ad-inline"><ins class="adsbygoogle"></ins></div>')
        elif heading and first.endswith("?"):
            answer = blocks[n + 1][0] if n + 1 < len(blocks) else ""
            out.append(
                f'<details class="faq" open>\n  <summary>{esc(first)}</summary>\n'
                f'  <div class="faq-answer">{para(answer, n, role)}</div>\n</details>'
            )
        elif heading:
            time = re.match(r"^(.*?) (\(\d.*\))$", first)
            text = (
                f'{esc(time[1])} <span class="time">{esc(time[2])}</span>' if time else esc(first)
            )
            if first.startswith("Related"):
                out.append(f'<h3>{text}</h3>\n<ul class="related-roles"></ul>')
            else:
                out.append(f"<h3>{text}</h3>")
        elif blocks[n - 1][0].endswith("?") and len(blocks[n - 1]) == 1:
            continue  # an FAQ answer, written with its question
        elif all(line.startswith(BULLET) for line in block):
            out.append(items(block, links=section == "Tech Stack"))
        elif first.startswith("Focus: ") and all(x.startswith(BULLET) for x in block[1:]):
            label, value = first.split(": ", 1)
            out.append(f'<p class="focus"><strong>{label}:</strong> {esc(value)}</p>')
            out.append(items(block[1:]))
        elif len(block) > 1 and all(re.match(r"^[A-Z][\w ]*: ", x) for x in block):
            pairs = (x.split(": ", 1) for x in block)
            dl = "\n".join(f"  <dt>{esc(k)}</dt>\n  <dd>{esc(v)}</dd>" for k, v in pairs)
            out.append(f'<dl class="outlook-facts">\n{dl}\n</dl>')
        elif len(block) == 1 and re.match(r"^[A-Z][\w ]*: ", first):
            label, value = first.split(": ", 1)
            out.append(f"<p><strong>{esc(label)}:</strong> {esc(value)}</p>")
        else:
            assert len(block) == 1, block
            out.append(para(first, n, role))
    out.append("</section>")
    return "\n".join(out)


def page(stem: str, kicker: bool) -> str:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    guide, furniture = text.split("Share career guide", 1)
    blocks = [b.split("\n") for b in re.split(r"\n\s*\n", guide.strip())]
    start = next(i for i, b in enumerate(blocks) if b[0].startswith("Core Functions"))
    title = blocks[0][0]
    role = title.removesuffix(" Career Path Guide")
    faq = [
        {"@type": "Question", "name": q[0], "acceptedAnswer": {"@type": "Answer", "text": a[0]}}
        for q, a in itertools.pairwise(blocks)
        if len(q) == 1 and q[0].endswith("?")
    ]
    ld = json.dumps({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": faq})
    plans = "\n".join(f"    <p>{esc(line.strip())}</p>" for line in furniture.strip().split("\n"))
    kicker_html = (
        '<p class="guide-kicker">Career Guide &middot; Updated <time datetime="2025-06-02">'
        "June 2, 2025</time></p>\n"
        if kicker
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | Jobicy</title>
<meta name="description" content="{html.escape(blocks[1][0][:150])}">
<meta property="og:title" content="{html.escape(title)}">
<link rel="canonical" href="https://jobicy.example/career-guides/{stem}">
<link rel="stylesheet" href="/assets/site.css?v=3.2.1">
<style>
  .guide-list li::before {{ content: "\\2022"; }}
  .cookie-banner {{ position: fixed; bottom: 0; }} /* <p>not text</p> */
</style>
<script type="application/ld+json">{ld}</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date()); gtag('config', 'G-EXAMPLE');
  if (document.cookie.indexOf("consent=") < 0 && 1 > 0) {{
    document.write("<div class='promo'><h2>Subscribe</h2></div>");
  }}
</script>
</head>
<body class="career-guide-template has-sidebar">
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-EXAMPLE" height="0" width="0"></iframe></noscript>
<svg xmlns="http://www.w3.org/2000/svg" style="display:none"><symbol id="i-globe" viewBox="0 0 24 24"><title>Globe</title><path d="M12 2a10 10 0 1 0 0 20"/></symbol></svg>
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite" aria-label="Cookie consent">
  <p>We use cookies to personalise content and to analyse our traffic. Read our <a href="/privacy">privacy policy</a>.</p>
  <button type="button" data-consent="all">Accept all</button>
  <button type="button" data-consent="none">Reject</button>
</div>
<header class="site-header">
  <a class="logo" href="/" aria-label="Jobicy home"><svg width="96" height="24" aria-hidden="true"><text x="0" y="18">Jobicy</text></svg></a>
  <nav class="main-menu" aria-label="Main">
    <ul>
      <li><a href="/jobs">Remote Jobs</a></li>
      <li><a href="/companies">Companies</a></li>
      <li class="current"><a href="/career-guides">Career Guides</a></li>
      <li><a href="/salaries">Salaries</a></li>
    </ul>
  </nav>
  <form class="site-search" role="search" action="/search"><label for="q">Search</label><input id="q" name="q" placeholder="Search jobs"><button>Search</button></form>
  <a class="button" href="/login">Sign in</a>
</header>
<div class="page-layout">
<main id="content" class="site-main">
<nav class="breadcrumbs" aria-label="Breadcrumb">
  <ol><li><a href="/">Home</a></li><li><a href="/career-guides">Career Guides</a></li><li aria-current="page">{esc(role)}</li></ol>
</nav>
<article class="career-guide">
{kicker_html}{opening(blocks[:start])}
<nav class="toc" aria-label="On this page">
  <h2>On this page</h2>
  <ol><li><a href="#core-functions">Core functions</a></li><li><a href="#key-responsibilities">Key responsibilities</a></li></ol>
</nav>
<div class="ad-slot ad-leaderboard" aria-label="Advertisement"><ins class="adsbygoogle" data-ad-slot="123"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({{}});</script></div>
{body(blocks[start:], role)}
<footer class="guide-footer">
  <div class="share-buttons share-bottom">
    <p class="share-title">Share career guide</p>
    <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>
    <a href="mailto:?subject={html.escape(title)}">Email</a>
  </div>
</footer>
</article>
<section class="related-articles">
  <h2>Related career guides</h2>
  <ul>
    <li><a href="/career-guides/account-executive">Account Executive Career Path Guide</a></li>
    <li><a href="/career-guides/sales-engineer">Sales Engineer Career Path Guide</a></li>
  </ul>
</section>
<div class="newsletter-signup">
  <h3>Get remote jobs in your inbox</h3>
  <p>One email a week. Unsubscribe any time.</p>
  <form action="/subscribe"><input type="email" name="email" placeholder="you@example.com"><button>Subscribe</button></form>
</div>
</main>
<aside class="sidebar" aria-label="Latest jobs">
  <h2>Latest remote jobs</h2>
  <ul><li><a href="/jobs/1">Customer Success Lead at Example Co</a></li><li><a href="/jobs/2">Account Manager at Sample Inc</a></li></ul>
</aside>
</div>
<div class="modal" id="jobicy-plus" role="dialog" aria-modal="true" hidden>
  <div class="modal-body">
    <h2>Jobicy+ Subscription</h2>
{plans}
  </div>
</div>
<button class="back-to-top" type="button" aria-label="Back to top">&uarr;</button>
<footer class="site-footer">
  <nav aria-label="Footer">
    <ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul>
  </nav>
  <p>&copy; 2025 Jobicy. All rights reserved.</p>
</footer>
<template id="job-card"><article class="job-card"><h3 class="job-title"></h3><p>Template text</p></article></template>
<script src="/assets/site.js?v=3.2.1" defer></script>
<script>document.documentElement.className = "js"; var s = "</p><p>not text";</script>
</body>
</html>
"""


def main() -> None:
    if not SEEDS.is_dir():
        sys.exit(f"seed pages not found at {SEEDS}")
    for stem, options in PAGES.items():
        (HERE / f"{stem}.html").write_text(page(stem, **options), encoding="utf-8")


if __name__ == "__main__":
    main()
