"""What compared roles share: terms matched whatever their wording, shared marks only on items
printed in every column that shares them, shared items chosen first, the matrix only when the
roles share skills."""

from __future__ import annotations

from guidepress.render.overlap import chosen, in_common, own, short_name, term, use_matrix


def test_terms_match_whatever_the_case_punctuation_acronym_or_generic_ending() -> None:
    assert term("CRM software expertise") == term("CRM software proficiency") == "crm software"
    assert term("Customer Relationship Management (CRM) software expertise") == "crm software"
    assert term("Data-analysis skills") == term("data analysis") == "data analysis"
    assert term("Python (pandas)") == "python pandas"  # not an acronym of the words before
    assert term("Communication platforms (e.g., Zoom, Slack)") == "communication platforms"
    assert term("Knowledge") == "knowledge"  # a generic word alone is the term itself
    assert term("Análisis") == term("analisis")


def test_a_shared_item_is_printed_in_every_column_that_shares_it_or_marked_in_none() -> None:
    # The review's A3 sheet: Tableau is the first role's third tool and the second's ninth.
    lists = [
        ["SQL", "Power BI", "Tableau", "Looker", "Excel"],
        ["Figma", "FigJam", "Miro", "Maze", "Lookback", "Dovetail", "Jira", "Notion", "tableau"],
    ]
    first, second = chosen(lists, 3)
    assert ("Tableau", True) in first and ("tableau", True) in second
    # Shared ones chosen first, up to half a column; then the role's own; printed in its order.
    assert first == [("SQL", False), ("Power BI", False), ("Tableau", True)]
    assert second == [("Figma", False), ("FigJam", False), ("tableau", True)]
    # One item each: the role's own top item, nothing marked.
    assert chosen(lists, 1) == [[("SQL", False)], [("Figma", False)]]


def test_marks_follow_what_is_printed_not_the_full_lists() -> None:
    lists = [["A", "B", "C", "HubSpot"], ["HubSpot", "D"], ["E", "F", "G"]]
    printed = chosen(lists, 2)
    marked = {text for column in printed for text, shared in column if shared}
    shown = [{text for text, _ in column} for column in printed]
    assert marked == {"HubSpot"}
    assert all("HubSpot" in column for column in shown[:2])
    for column in chosen(lists, 1):  # no room for it in the first column: marked nowhere
        assert all(not shared for _, shared in column)


def test_the_matrix_holds_what_three_roles_share_and_the_columns_their_own() -> None:
    lists = [["SQL", "Excel", "Statistics", "Jira"], ["Excel", "Negotiation"],
             ["Python", "SQL", "excel", "JIRA"]]  # fmt: skip
    assert use_matrix(lists)
    rows = in_common(lists, 5)
    assert [(r.name, r.has) for r in rows] == [
        ("Excel", [True, True, True]),  # the most shared first
        ("SQL", [True, False, True]),
        ("Jira", [True, False, True]),
    ]
    assert [r.name for r in in_common(lists, 1)] == ["Excel"]
    # Each column's own: never an item another role lists, in the role's order, at most count.
    assert own(lists, lists, 5) == [["Statistics"], ["Negotiation"], ["Python"]]
    # Fewer than three items in common: no matrix of one or two rows (review 3); the columns
    # list them, marked shared.
    few = [["SQL", "Dashboards"], ["Journey mapping"], ["CRM expertise", "SQL"]]
    assert not use_matrix(few)
    assert not use_matrix([["SQL"], ["Journey mapping"], ["CRM expertise"]])  # nothing shared
    assert not use_matrix([["SQL", "Excel"], ["SQL", "Excel"]])  # two roles: side by side
    # Two wordings of one skill are one row; a skill one role lists and a tool another does too.
    crm = [["CRM software expertise", "Forecasting"], ["CRM software proficiency", "Forecasting"],
           ["Onboarding"]]  # fmt: skip
    assert [r.name for r in in_common(crm, 4)] == ["CRM software expertise", "Forecasting"]
    assert own(crm, crm, 4) == [[], [], ["Onboarding"]]


def test_four_roles_get_a_matrix_only_when_three_of_them_share_three_items() -> None:
    """Review 4: four roles where two office roles alone shared Tableau, Jira and Confluence
    printed a matrix whose every row was blank in two of the four columns. Such pairs are
    marked in their columns; a matrix needs three items that three of the four roles list."""
    pairs = [["Wiring", "Blueprints"], ["Triage"], ["Tableau", "Jira", "Confluence", "CRM"],
             ["SQL", "Tableau", "JIRA", "Confluence"]]  # fmt: skip
    assert not use_matrix(pairs)
    marked = {item for column in chosen(pairs, 4) for item, shared in column if shared}
    assert marked == {"Tableau", "Jira", "JIRA", "Confluence"}
    three = [["Tableau", "Jira", "Confluence"], ["Tableau", "Jira", "Confluence", "Excel"],
             ["Tableau", "Jira", "Confluence", "Excel"], ["Wiring"]]  # fmt: skip
    assert use_matrix(three)
    # The matrix's rows: the widely shared first; pairs follow when the level has room.
    assert [r.name for r in in_common(three, 3)] == ["Tableau", "Jira", "Confluence"]
    # Three roles: two of them are a majority, as before.
    assert use_matrix(pairs[1:])


def test_matrix_rows_are_named_in_a_few_words() -> None:
    assert short_name("Customer Relationship Management (CRM) software expertise") == (
        "CRM software expertise"
    )
    assert short_name("Business intelligence tools (e.g., Tableau, Power BI)") == (
        "Business intelligence tools"
    )
    assert short_name("SQL (PostgreSQL, SQL Server)") == "SQL (PostgreSQL, SQL Server)"
    lists = [["Customer Relationship Management (CRM) software expertise"], ["CRM software"],
             ["Figma"]]  # fmt: skip
    assert [r.name for r in in_common(lists, 2)] == ["CRM software expertise"]
