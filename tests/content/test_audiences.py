"""Audiences: tagged items, the role as an audience reads it, the built-in and configured
audiences, and every problem an audience or a tag can have, located."""

from __future__ import annotations

from pathlib import Path

from guidepress.content.audiences import (
    BUILTIN,
    audience,
    configured,
    for_audience,
    known,
    reader,
    tags,
)
from guidepress.content.models import Config, Role
from guidepress.content.models.base import Tagged
from tests.helpers import run_err, validate_lines, write

TAGGED = """
title: Baker
summary: Bakes bread.
responsibilities:
  - Bake bread.
  - {text: Train apprentices, audiences: [employer]}
  - {text: Keep a baking notebook, audiences: [student]}
  - Clean the ovens.
tech_stack:
  - {name: Deck oven, audiences: [employer]}
  - Spiral mixer
skill_map:
  groups:
    - name: Basics
      skills: [Kneading, {text: Costing a loaf, audiences: [employer]}]
faqs:
  - question: Hours?
    answer: Early.
    audiences: [student]
  - question: Pay?
    answer: [Fair., {text: Apprentices earn less., audiences: [employer]}]
sheet:
  responsibilities: [3, 4, 2]
"""


def _role(text: str = TAGGED) -> Role:
    import yaml

    return Role.model_validate(yaml.safe_load(text))


def test_a_tagged_item_is_text_that_knows_its_audiences() -> None:
    role = _role()
    assert role.responsibilities == [
        "Bake bread.",
        "Train apprentices",
        "Keep a baking notebook",
        "Clean the ovens.",
    ]
    tagged = role.responsibilities[1]
    assert isinstance(tagged, Tagged) and tagged.audiences == ("employer",)
    assert not isinstance(role.responsibilities[0], Tagged)
    assert role.model_dump()["responsibilities"][1] == "Train apprentices"  # plain in JSON
    assert sorted(name for _, name in tags(role)) == [
        "employer", "employer", "employer", "employer", "student", "student",
    ]  # fmt: skip


def test_the_role_as_an_audience_reads_it() -> None:
    role = _role()
    employer = for_audience(role, "employer")
    assert employer.responsibilities == ["Bake bread.", "Train apprentices", "Clean the ovens."]
    assert [tool.name for tool in employer.tech_stack] == ["Deck oven", "Spiral mixer"]
    assert employer.skill_map is not None
    assert employer.skill_map.groups[0].skills == ["Kneading", "Costing a loaf"]
    assert [faq.question for faq in employer.faqs] == ["Pay?"]
    assert employer.faqs[0].answer == ["Fair.", "Apprentices earn less."]
    # The sheet's picks keep pointing at the same items: 3 (a student's) is left out.
    assert employer.sheet.responsibilities == [3, 2]
    student = for_audience(role, "student")
    assert student.responsibilities == ["Bake bread.", "Keep a baking notebook", "Clean the ovens."]
    assert [tool.name for tool in student.tech_stack] == ["Spiral mixer"]
    assert student.faqs[1].answer == ["Fair."]
    assert student.sheet.responsibilities == [2, 3]
    # An audience nobody tagged for reads the untagged items only.
    assert for_audience(role, "recruiter").responsibilities == ["Bake bread.", "Clean the ovens."]


def test_built_in_audiences_and_the_configured_ones() -> None:
    assert configured(Config()) == ("student",)
    assert known(Config()) == set(BUILTIN) == {"student", "employer"}
    config = Config.model_validate(
        {
            "audiences": {
                "employer": {"call_to_action": "Scan to hire"},
                "recruiter": {"parts": ["role"], "sections": ["pay"]},
            }
        }
    )
    assert configured(config) == ("employer", "recruiter")
    employer = audience(config, "employer")
    # Set keys replace the built-in ones; the others stay.
    assert employer.settings.call_to_action == "Scan to hire"
    assert employer.settings.compact and employer.settings.run_on
    assert employer.prints("responsibilities", "role") and not employer.prints("faqs", "more")
    assert not employer.prints("in-brief") and not employer.prints("back-cover")
    recruiter = audience(config, "recruiter")
    assert recruiter.label_name == "student"  # its unset texts are the student's
    assert recruiter.prints("work-setting", "role") and recruiter.prints("pay", "pay")
    assert not recruiter.prints("outlook", "pay")
    assert reader(config, None).name == "employer"  # comparisons: the default audience
    student = audience(config, "student")
    assert all(student.prints(piece, "more") for piece in ("in-brief", "faqs", "back-cover"))
    listed = Config.model_validate({"audiences": ["employer", "student"]})
    assert configured(listed) == ("employer", "student")


def test_problems_of_audiences_in_the_config_are_located(project: Path) -> None:
    write(
        project,
        "guidepress.yaml",
        """
        audiences:
          student: {}
          employer: {sections: [at-a-glance, skils], parts: [money], cover: For hiring}
          Night Shift: {}
          recruiter: {call_to_acton: Scan}
        """,
    )
    assert validate_lines(project) == (
        1,
        [
            "guidepress.yaml:4:3: audiences.Night Shift: name must be lowercase letters, digits "
            "and single hyphens, like 'chef-de-partie' (got 'Night Shift')",
            "guidepress.yaml:5:15: audiences.recruiter.call_to_acton: unknown field "
            "(did you mean 'call_to_action'?)",
        ],
    )
    write(
        project,
        "guidepress.yaml",
        "audiences:\n  employer: {sections: [at-a-glance, skils], parts: [money]}\n",
    )
    assert validate_lines(project) == (
        1,
        [
            "guidepress.yaml:2:38: audiences.employer.sections[1]: no section 'skils' in the "
            "guide (did you mean 'skills'?)",
            "guidepress.yaml:2:54: audiences.employer.parts[0]: no part 'money' in the guide "
            "(did you mean 'more'?)",
        ],
    )


def test_tags_naming_no_audience_are_located(project: Path) -> None:
    write(project, "guidepress.yaml", "audiences: [student, employer, recruiter]\n")
    write(
        project,
        "content/roles/baker.yaml",
        """
        title: Baker
        summary: Bakes bread.
        responsibilities:
          - {text: Train apprentices, audiences: [employr]}
          - {text: Keep a notebook, audiences: [parents]}
        faqs:
          - question: What hours?
            answer: Early.
            audiences: [Students]
        tech_stack:
          - {name: Oven, audiences: [recruiter]}
        """,
    )
    assert validate_lines(project) == (
        1,
        [
            "content/roles/baker.yaml:4:43: responsibilities[0].audiences[0]: no audience "
            "'employr' (did you mean 'employer'?)",
            "content/roles/baker.yaml:5:41: responsibilities[1].audiences[0]: no audience "
            "'parents' (audiences: employer, recruiter, student)",
            "content/roles/baker.yaml:9:17: faqs[0].audiences[0]: must be lowercase letters, "
            "digits and single hyphens, like 'chef-de-partie' (got 'Students')",
        ],
    )


def test_a_tagged_item_takes_text_and_audiences_only(project: Path) -> None:
    write(
        project,
        "content/roles/baker.yaml",
        """
        title: Baker
        summary: Bakes bread.
        responsibilities:
          - {text: Train apprentices, audience: [employer]}
          - {audiences: [employer]}
          - {text: Clean, audiences: []}
        """,
    )
    assert validate_lines(project) == (
        1,
        [
            "content/roles/baker.yaml:4:5: responsibilities[0].audiences: required field is "
            "missing",
            "content/roles/baker.yaml:4:31: responsibilities[0].audience: unknown field "
            "(did you mean 'audiences'?)",
            "content/roles/baker.yaml:5:5: responsibilities[1].text: required field is missing",
            "content/roles/baker.yaml:6:19: responsibilities[2].audiences: must not be empty",
        ],
    )


def test_an_audience_the_project_does_not_have_is_a_usage_error(project: Path) -> None:
    write(project, "content/roles/baker.yaml", "title: Baker\nsummary: Bakes bread.\n")
    assert run_err(project, "build", "--audience", "employers") == (
        2,
        "--audience: no audience 'employers' (did you mean 'employer'?)\n",
    )
    assert run_err(project, "build", "--audience", "parents") == (
        2,
        "--audience: no audience 'parents' (audiences: employer, student)\n",
    )
