import time
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import timezone

from samen.accounts.models import User
from samen.accounts.second_factor import needs_second_factor, set_up_authenticator_app
from samen.common.markdown import render_markdown
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

    @factory.post_generation
    def second_factor(user, create, extracted, **kwargs):
        """Staff get an authenticator app (the site requires one) unless told `second_factor=False`."""
        if create and (extracted or (extracted is None and needs_second_factor(user))):
            give_second_factor(user)


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # every staff account the factory makes shares it


def give_second_factor(user: User, secret: str = TOTP_SECRET) -> None:
    set_up_authenticator_app(user=user, secret=secret)


def totp_code(secret: str = TOTP_SECRET, *, at: float | None = None) -> str:
    """The code an authenticator app shows now (or at the Unix time `at`)."""
    return format_hotp_value(hotp_value(secret, int(time.time() if at is None else at) // 30))


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
    body_html = factory.LazyAttribute(lambda comment: render_markdown(comment.body))  # as the services write it
    language = "en"


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    idea = factory.SubFactory(IdeaFactory)
    resident = factory.SubFactory(UserFactory)
