"""The Region-wide topics a process is about (common/topics.py): chosen by the admin from the list only."""

import pytest
from django.core.exceptions import ValidationError

from samen.processes.admin import ProcessAdminForm

pytestmark = pytest.mark.django_db


def test_a_process_is_about_topics_from_the_regions_list_only(open_process):
    open_process.topics = ["moving", "astrology"]

    with pytest.raises(ValidationError) as refusal:
        open_process.full_clean()

    assert "topics" in refusal.value.message_dict


def test_the_admin_offers_the_topics_as_boxes_to_tick(open_process):
    form = ProcessAdminForm(instance=open_process)

    assert dict(form.fields["topics"].choices)["moving"] == "Mobility, parking and road safety"
