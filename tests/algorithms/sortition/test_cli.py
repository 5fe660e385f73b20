import json

import pytest

from samen.algorithms.cli import main
from tests.algorithms.sortition.instances import DATA

SEED = "Lotto 2026-11-21: 4 9 17 23 38 41"
QUOTAS = "category,value,min,max\ngender,f,1,1\ngender,m,1,1\n"
POOL = "id,gender,street\nA,f,x\nB,f,x\nC,m,y\nD,m,y\nE,m,z\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "quotas.csv").write_text(QUOTAS, encoding="utf-8")
    (tmp_path / "pool.csv").write_text(POOL, encoding="utf-8")
    return tmp_path


def args(folder, *extra: str) -> list[str]:
    return ["sortition", "--pool", str(folder / "pool.csv"), "--quotas", str(folder / "quotas.csv"), *extra]


def test_samen_sortition_json_gives_the_lottery_the_probabilities_and_the_panel(files, capsys):
    status = main(args(files, "--k", "2", "--id-column", "id", "--seed", SEED, "--json"))

    published = json.loads(capsys.readouterr().out)
    assert status == 0
    assert published["k"] == 2
    assert published["min_probability"] == pytest.approx(1 / 3)
    assert published["probabilities"] == pytest.approx({"A": 1 / 2, "B": 1 / 2, "C": 1 / 3, "D": 1 / 3, "E": 1 / 3})
    assert published["unselectable"] == []
    assert published["seed"] == SEED
    assert sum(entry["probability"] for entry in published["distribution"]) == pytest.approx(1)
    assert published["panel"] in [entry["panel"] for entry in published["distribution"]]


def test_samen_sortition_prints_a_summary_without_json(files, capsys):
    status = main(args(files, "--k", "2", "--id-column", "id", "--seed", SEED))

    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("leximin: 4 panels of 2 drawn from 5 people\nminimum selection probability 0.333333\n")
    assert out.endswith(f"seed {SEED!r} draws: A, D\n")


def test_samen_sortition_reads_a_shared_instance_with_row_numbers_as_ids(capsys):
    folder = DATA / "example_small_20"
    argv = ["sortition", "--pool", str(folder / "respondents.csv"), "--quotas", str(folder / "categories.csv")]

    status = main([*argv, "--k", "20", "--json"])

    published = json.loads(capsys.readouterr().out)
    assert status == 0
    assert published["min_probability"] == pytest.approx(0.1)
    assert len(published["probabilities"]) == 200
    assert "200" in published["probabilities"]


def test_samen_sortition_legacy_counts_its_distribution(files, capsys):
    status = main(args(files, "--k", "2", "--id-column", "id", "--method", "legacy", "--seed", SEED, "--json"))

    published = json.loads(capsys.readouterr().out)
    assert status == 0
    assert published["method"] == "legacy"
    assert published["estimated"] is True
    assert sum(published["probabilities"].values()) == pytest.approx(2)


@pytest.mark.parametrize(
    ("quotas", "pool", "k", "message"),
    [
        (QUOTAS.replace("1,1\n", "1,x\n", 1), POOL, "2", "quotas.csv:2: max must be a whole number of at least 0"),
        (QUOTAS, POOL + "F,x,w\n", "2", "pool.csv:7: gender 'x' is not a value of the quotas (expected one of f, m)"),
        (QUOTAS, POOL + "A,f,w\n", "2", "pool.csv:7: id 'A' is already used on line 2"),
        (QUOTAS, "id,sex\nA,f\n", "2", "pool.csv:1: missing column 'gender' (the header is 'id,sex')"),
        (QUOTAS, POOL, "6", "the panel size k = 6 is larger than the pool (5 people)"),
        (
            QUOTAS.replace("m,1,1", "m,2,2"),
            POOL,
            "2",
            "quotas.csv: no panel of 2 people meets the quotas; these bounds conflict: gender 'f' at least 1 "
            "(line 2); gender 'm' at least 2 (line 3) (the minimums add up to 3, more than 2)",
        ),
    ],
)
def test_samen_sortition_refuses_bad_input_with_status_2_naming_the_file_and_line(
    tmp_path, capsys, quotas, pool, k, message
):
    (tmp_path / "quotas.csv").write_text(quotas, encoding="utf-8")
    (tmp_path / "pool.csv").write_text(pool, encoding="utf-8")

    status = main(args(tmp_path, "--k", k, "--id-column", "id"))

    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.startswith("samen sortition: ")
    assert message in captured.err


def test_samen_sortition_says_which_file_is_missing(tmp_path, capsys):
    status = main(args(tmp_path, "--k", "2"))

    assert status == 2
    assert capsys.readouterr().err == f"samen sortition: {tmp_path / 'quotas.csv'}: No such file or directory\n"


def test_samen_sortition_with_a_household_column_never_seats_two_of_one_household(files, capsys):
    (files / "quotas.csv").write_text("category,value,min,max\ngender,f,1,2\ngender,m,1,2\n", encoding="utf-8")
    street = {"A": "x", "B": "x", "C": "y", "D": "y", "E": "z"}

    status = main(
        args(files, "--k", "3", "--id-column", "id", "--household-column", "street", "--seed", SEED, "--json")
    )

    panels = [entry["panel"] for entry in json.loads(capsys.readouterr().out)["distribution"]]
    assert status == 0
    assert panels
    assert all(len({street[person] for person in panel}) == 3 for panel in panels)


def test_samen_sortition_stopped_by_its_time_limit_says_so_and_prints_no_panel(capsys):
    folder = DATA / "brussels_generated_350_30"
    argv = ["sortition", "--pool", str(folder / "respondents.csv"), "--quotas", str(folder / "categories.csv")]

    status = main([*argv, "--k", "30", "--time-limit", "1e-9"])

    out, err = capsys.readouterr()
    assert status == 3
    assert "reached its time limit" in err
    assert "nothing was drawn" in err
    assert out == ""
