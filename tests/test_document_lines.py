"""The parser against the documents' own lines (#28): department, sections, category, name,
budget, start, end and summary of every project of both shipped documents are what its
header lines print (tests/document_lines.py reads them cell by cell, with no product code)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_file
from tests.conftest import R6_FILE, R7_FILE
from tests.document_lines import rows

PAIRS = [
    pytest.param(row, project, id=f"{path.stem[8:10]}-{row.position}")
    for path in (R7_FILE, R6_FILE)
    for row, project in zip(rows(path), parse_file(path).projects, strict=True)
]


def test_both_documents_have_as_many_projects_as_header_lines():
    assert (len(rows(R7_FILE)), len(rows(R6_FILE))) == (33, 27)


@pytest.mark.parametrize(("row", "project"), PAIRS)
def test_each_field_as_its_line_prints_it(row, project):
    assert project.position == row.position
    assert (project.department, project.sections, project.category) == (
        row.department,
        row.sections,
        row.category,
    )
    assert (project.name, project.budget_thousand_yen) == (row.name, row.budget)
    assert (project.start, project.end) == (row.start, row.end)
    assert project.summary == row.summary


@pytest.mark.parametrize(("row", "project"), PAIRS)
def test_a_printed_number_is_the_project_s_and_a_missing_one_is_said_inferred(row, project):
    if row.no is None and project.edition == "R6":  # the R6 document prints no numbers
        assert (project.no, project.number_inferred) == (None, False)
    elif row.no is None:  # R7 prints no 【No33】 between No32 and No34
        assert (project.no, project.number_inferred) == (33, True)
    else:
        assert (project.no, project.number_inferred) == (row.no, False)
