import pytest

from samen.common.privacy import personal_data
from samen.notifications.models import ChosenNeighbourhood, Pending, Preference
from samen.notifications.services import set_preferences

pytestmark = pytest.mark.django_db


def test_the_data_export_holds_a_residents_choices_and_waiting_notices(resident):
    set_preferences(user=resident, rhythms={"follows": "weekly"}, neighbourhood_codes=[20])
    Pending.objects.create(user=resident, kind="follows", rhythm="weekly", event="ideas.status", object_id=7)

    data = personal_data(resident)

    assert data["notification_preferences"] == {"follows": "weekly"}
    assert data["notification_neighbourhoods"] == [20]
    assert [(row["event"], row["object_id"]) for row in data["notifications_waiting"]] == [("ideas.status", 7)]


def test_a_deleted_account_leaves_no_choice_behind(resident, outsider):
    for person in (resident, outsider):
        set_preferences(user=person, rhythms={"follows": "weekly"}, neighbourhood_codes=[20])

    resident.delete()

    assert list(Preference.objects.values_list("user__email", flat=True)) == [outsider.email]
    assert list(ChosenNeighbourhood.objects.values_list("user__email", flat=True)) == [outsider.email]
