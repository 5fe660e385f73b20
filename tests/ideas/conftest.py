"""The ideas' tests of the support toggle's mechanics run in a process open to any signed-in account, which keeps
"one support per account"; tests/ideas/test_supports_count_people.py checks supports where the process asks for
verified residents (every new process's default)."""

import pytest


@pytest.fixture
def open_process(open_process):
    open_process.voters = ""
    open_process.save(update_fields=["voters"])
    return open_process
