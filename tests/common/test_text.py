"""Residents' text in a CSV export: a spreadsheet must show it, never run it."""

import pytest

from samen.common.text import spreadsheet_safe


@pytest.mark.parametrize(
    ("cell", "exported"),
    [
        ('=HYPERLINK("https://evil.example","Click")', '\'=HYPERLINK("https://evil.example","Click")'),
        ("+32 2 123 45 67", "'+32 2 123 45 67"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Rue Haute 12, 1000 Bruxelles", "Rue Haute 12, 1000 Bruxelles"),
        ("More trees = less heat", "More trees = less heat"),
        ("", ""),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_is_kept_as_text(cell, exported):
    assert spreadsheet_safe(cell) == exported
