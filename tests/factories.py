from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from samen.accounts.models import User
from samen.ideas.models import Comment, Idea, Support
from samen.processes.models import Phase, Process, Theme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    neighbourhood_code = 20  # Vieux Laeken Est
    preferred_language = "fr"
    password = factory.django.Password("a-good-password-42")

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    slug = factory.Sequence(lambda n: f"process-{n}")
    title_nl = factory.Sequence(lambda n: f"Proces {n}")
    title_fr = factory.Sequence(lambda n: f"Processus {n}")
    title_en = factory.Sequence(lambda n: f"Process {n}")
    status = Process.Status.PUBLISHED


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    process = factory.SubFactory(ProcessFactory)
    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_nl = factory.Sequence(lambda n: f"Thema {n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class PhaseFactory(factory.django.DjangoModelFactory):
    """By default an idea collection running from ten days ago to ten days ahead (Brussels calendar)."""

    class Meta:
        model = Phase

    process = factory.SubFactory(ProcessFactory)
    kind = "idea_collection"
    first_day = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    last_day = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=10))


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    process = factory.SubFactory(ProcessFactory)
    theme = factory.SubFactory(ThemeFactory, process=factory.SelfAttribute("..process"))
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Idea number {n}")
    body = "More benches on the square, please."
    language = "en"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory)
    body = "Good idea."
    language = "en"


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    idea = factory.SubFactory(IdeaFactory)
    resident = factory.SubFactory(UserFactory)
