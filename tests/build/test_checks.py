"""``guidepress validate``: everything a build would refuse, said in one run, official pay
included (the occupation codes, every role and comparison in every configured region)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import DEMO_DATA, run, write

SAM = "content/roles/strategic-account-manager.yaml"
SAM_TITLE = "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products"


def test_validate_says_every_pay_problem_with_the_others_in_one_run(demo: Path) -> None:
    write(demo, "guidepress.yaml", DEMO_DATA + "regions: [OH, XX, GU]\n")
    write(
        demo, "content/roles/chef.yaml", "title: Chef\nsummary: Cooks.\nsalary: {min: 9, max: 1}\n"
    )
    write(
        demo,
        "content/roles/nurse.yaml",
        'title: Registered Nurse\nsummary: Cares.\noccupation: {soc: "29-1142"}\n',
    )
    code, output = run(demo, "validate")
    assert code == 1
    assert output.splitlines() == [
        "content/roles/chef.yaml:3:18: salary.max: must be greater than salary.min (got 1 < 9)",
        "content/roles/nurse.yaml:3:14: occupation.soc: 29-1142 is not an occupation in "
        "May 2025; did you mean 29-1141 (Registered Nurses)?",
        f"{SAM}:288:3: occupation.soc: 41-4011 ({SAM_TITLE}) has no May 2025 data for Guam (GU)",
        "guidepress.yaml:3:15: regions[1]: unknown region 'XX': use US, a state or territory "
        "code (OH, PR) or a BLS metro area code (18140)",
    ]
