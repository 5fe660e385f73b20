"""Each app owns its personal data (issue 15): every model that names a person is exported by some app."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from samen.common.privacy import app_modules, covered_models, personal_data
from tests.factories import UserFactory

# Fields that carry a person without a foreign key: the keyed hash of the person (census, verification,
# signatures) and the pseudonym of a person's ballot in one vote.
PERSON_FIELDS = {"digest", "voter_key"}


def _names_a_person(model) -> bool:
    user_model = get_user_model()
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is user_model:
            return True
        if field.name in PERSON_FIELDS:
            return True
    return model is user_model


def test_every_model_that_names_a_person_is_in_some_apps_export():
    naming = {model for model in apps.get_models() if _names_a_person(model)}
    missing = sorted(model._meta.label for model in naming - covered_models())
    assert naming, "the walk found no model at all"
    assert missing == []


def test_every_app_with_personal_data_has_its_own_privacy_module():
    owners = {module.__name__.rpartition(".")[0] for module in app_modules()}
    holding = {
        model._meta.app_config.name
        for model in apps.get_models()
        if _names_a_person(model) and model._meta.app_config.name.startswith("samen.")
    }
    assert holding <= owners


@pytest.mark.django_db
def test_an_account_with_nothing_done_exports_every_section_empty_but_the_account():
    user = UserFactory()
    data = personal_data(user)
    assert data["account"]["email"] == user.email
    filled = {name for name, value in data.items() if value and name not in {"exported_at", "account"}}
    # Staff-work sections are dicts of empty lists and zeros for a resident.
    assert {name for name in filled if not name.endswith("staff_work")} == set()
