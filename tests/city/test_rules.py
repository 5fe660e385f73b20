"""Who may enter and import the dashboard's values, and edit the strategy in the admin: the truth table."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samen.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (None, False),
        (User.Role.RESIDENT, False),
        (User.Role.MODERATOR, False),
        (User.Role.PROCESS_MANAGER, True),
        (User.Role.ADMINISTRATOR, True),
    ],
)
@pytest.mark.parametrize("permission", ["city.manage_indicators", "city.change_indicator", "city.add_indicatorvalue"])
def test_only_process_managers_and_administrators_manage_the_dashboard(role, allowed, permission):
    user = AnonymousUser() if role is None else UserFactory(role=role)

    assert user.has_perm(permission) is allowed


def test_a_closed_account_of_a_manager_manages_nothing():
    user = UserFactory(role=User.Role.PROCESS_MANAGER, is_active=False)

    assert user.has_perm("city.manage_indicators") is False
