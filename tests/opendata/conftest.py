"""Public and non-public data side by side: what the open-data build must publish and what it must leave out."""

from datetime import date
from decimal import Decimal

import pytest

from samen.city.models import Domain, Indicator, IndicatorValue
from samen.ideas.models import Visibility
from samen.processes.models import Process
from tests.factories import CommentFactory, IdeaFactory, PhaseFactory, ProcessFactory, SupportFactory, UserFactory


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """Each test builds into its own empty media folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def public_data(db):
    author = UserFactory(email="alice.author@example.org", display_name="Alice Author")
    process = ProcessFactory(slug="benches", title_en="More benches")
    PhaseFactory(process=process)
    idea = IdeaFactory(process=process, author=author, title="Benches on the Place Bockstael")
    SupportFactory(idea=idea, resident=UserFactory(email="bob.backer@example.org", display_name="Bob Backer"))
    SupportFactory(idea=idea)
    CommentFactory(idea=idea, author=UserFactory(display_name="Carla Commenter"), body="Yes, with shade.")
    CommentFactory(idea=idea, visibility=Visibility.HIDDEN, body="Hidden insult")
    IdeaFactory(process=process, title="Hidden idea", visibility=Visibility.HIDDEN)
    IdeaFactory(process=process, title="Pending idea", visibility=Visibility.PENDING)
    draft = ProcessFactory(slug="secret-draft", title_en="Secret draft", status=Process.Status.DRAFT)
    PhaseFactory(process=draft)
    IdeaFactory(process=draft, title="Idea in a draft")
    indicator = Indicator.objects.create(
        slug="cycling-share",
        domain=Domain.objects.order_by("pk").first(),
        name_nl="Aandeel fiets",
        name_fr="Part du vélo",
        name_en="Cycling share",
        unit="%",
        baseline_value=Decimal(10),
        baseline_date=date(2020, 1, 1),
        target_value=Decimal(20),
        target_date=date(2030, 1, 1),
    )
    IndicatorValue.objects.create(indicator=indicator, date=date(2025, 1, 1), value=Decimal("13.5"))
    return {"process": process, "idea": idea, "draft": draft, "indicator": indicator}
