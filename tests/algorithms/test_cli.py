from samen.algorithms.cli import main


def test_samen_phase_names_the_running_phase(capsys):
    status = main(["phase", "2020-06-05:2020-06-21", "2020-06-22:2020-07-30", "--at", "2020-06-25T10:00+02:00"])

    assert status == 0
    assert capsys.readouterr().out == "phase 2 runs (2020-06-22 to 2020-07-30, until 2020-07-31T00:00:00+02:00)\n"


def test_samen_phase_says_so_when_nothing_runs(capsys):
    status = main(["phase", "2020-06-05:2020-06-21", "--at", "2020-06-21T22:30Z"])

    assert status == 1
    assert capsys.readouterr().out == "no phase runs at that instant\n"
