import rules
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samen.common.geography import neighbourhood_choices, neighbourhoods
from samen.common.prepared import PreparedGet


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields |= {"is_staff": True, "is_superuser": True, "role": User.Role.ADMINISTRATOR}
        return self.create_user(email, password, **fields)

    def get(self, *args, **kwargs):
        """Every signed-in request reads its user by key (Django's authentication middleware): that query's SQL is
        built once per worker. Only `User.objects.get(pk=<int>)` itself: a relation's manager (a subclass) and
        every other lookup take the ORM's usual path."""
        by_key = not args and kwargs.keys() == {"pk"} and type(kwargs["pk"]) is int
        if by_key and type(self) is UserManager and self._db is None:
            return _user_by_key.get(kwargs["pk"])
        return super().get(*args, **kwargs)


class User(AbstractUser):
    """A resident's account: e-mail to sign in, a public display name, a home neighbourhood, a language."""

    class Role(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        MODERATOR = "moderator", _("Moderator")
        PROCESS_MANAGER = "process_manager", _("Process manager")
        # A neighbourhood facilitator or the staff of a public computer room: enters contributions for residents
        # met in person, with their consent (samen/assisted).
        FACILITATOR = "facilitator", _("Facilitator")
        ADMINISTRATOR = "administrator", _("Administrator")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("Shown next to what you post. It need not be your real name."),
    )
    neighbourhood_code = models.PositiveSmallIntegerField(
        _("home neighbourhood"), choices=neighbourhood_choices, null=True, blank=True
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.email.split("@")[0]

    def has_perm(self, perm, obj=None):
        """Django lets a superuser pass every permission; Samen's own rules (who votes, scores, edits someone's
        text, takes a seat) hold for administrators too, so only the rules decide the permissions they define."""
        if rules.perm_exists(perm):
            return self.is_active and rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    @property
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)


class CensusList(models.Model):
    """A municipality's list of residents entitled to sign, as keyed hashes only (never a clear number or date).

    A new upload for the same municipality replaces the old one.
    """

    municipality_nis = models.CharField(_("municipality"), max_length=5, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now=True)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("census list")
        verbose_name_plural = _("census lists")

    def __str__(self):
        return self.municipality_nis


class CensusEntry(models.Model):
    census = models.ForeignKey(CensusList, on_delete=models.CASCADE, related_name="entries")
    digest = models.CharField(max_length=64, db_index=True)  # HMAC-SHA256 of "national number|birth date"
    postcode = models.CharField(max_length=4)
    # Name and address for a letter, sealed (AES-GCM) with a key derived from the person's national number: they
    # are read only when that person asks for a letter, and a copy of the table reveals no address.
    sealed_address = models.TextField(blank=True)
    # Keyed hash of the identity document's number, where the municipality's extract carries it.
    document_digest = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["census", "digest"], name="census_entry_once_per_list")]

    def __str__(self):
        return self.digest[:12]


class Verification(models.Model):
    """An account verified as one real resident. One person verifies one account: the digest is unique."""

    class Method(models.TextChoices):
        LETTER = "letter", _("a code sent by post to the address in the register")
        DOCUMENT = "document", _("the register and the identity card's number")
        EID = "eid", _("Belgian eID or itsme")
        # Before issue 13 the national number and birth date alone verified an account: guessable, no longer accepted.
        CENSUS = "census", _("the national number alone (no longer accepted)")

    REGISTER_METHODS = frozenset({Method.LETTER, Method.DOCUMENT})  # "the census list" in a vote's rules
    ACCEPTED_METHODS = frozenset({Method.LETTER, Method.DOCUMENT, Method.EID})

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verification")
    digest = models.CharField(max_length=64, unique=True)
    method = models.CharField(max_length=10, choices=Method.choices)
    municipality_nis = models.CharField(max_length=5, blank=True)
    born_on = models.DateField(null=True, blank=True)  # for minimum ages (16 to sign a municipal initiative)
    verified_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.user} ({self.get_method_display()})"


class VerificationTransfer(models.Model):
    """A person who verified one account asks to verify another: an administrator decides, and the log stays."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an administrator")
        APPROVED = "approved", _("Moved to the new account")
        REFUSED = "refused", _("Refused")

    digest = models.CharField(max_length=64)
    method = models.CharField(max_length=10, choices=Verification.Method.choices)
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("from")
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("to")
    )
    municipality_nis = models.CharField(max_length=5, blank=True)
    born_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("verification transfer")
        verbose_name_plural = _("verification transfers")
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.from_user} → {self.to_user}"


class VerificationLetter(models.Model):
    """A code sent by post to the address the register holds for a person: who has the letter holds the address.

    The code is made when staff print the day's letters, put on the letter and kept only as a keyed hash; the
    address is copied here from the sealed census entry when the resident asks, and erased once printed.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Asked for, waiting to be printed")
        SENT = "sent", _("Printed and sent")
        USED = "used", _("Used")
        CLOSED = "closed", _("Expired or blocked")

    OPEN = (Status.REQUESTED, Status.SENT)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verification_letters")
    digest = models.CharField(max_length=64)
    municipality_nis = models.CharField(max_length=5)
    born_on = models.DateField()
    postcode = models.CharField(max_length=4)
    address = models.TextField(blank=True)  # name and street lines, only until printed
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField()
    printed_at = models.DateTimeField(null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    code_digest = models.CharField(max_length=64, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("verification letter")
        verbose_name_plural = _("verification letters")
        constraints = [
            # One letter on its way per account and per person: no flood of letters to someone's door.
            models.UniqueConstraint(
                fields=["user"], condition=Q(status__in=["requested", "sent"]), name="one_open_letter_per_account"
            ),
            models.UniqueConstraint(
                fields=["digest"], condition=Q(status__in=["requested", "sent"]), name="one_open_letter_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_status_display()})"


class VerificationAttempt(models.Model):
    """Every attempt to verify, for the administrator: who, when, how, and why it was refused (never the number)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField()
    method = models.CharField(max_length=10)
    succeeded = models.BooleanField(default=False)
    reason = models.CharField(max_length=40, blank=True)  # the refusal's code; the resident sees one message
    digest = models.CharField(max_length=64, blank=True)  # the keyed hash tried, to see attempts aimed at one person
    client = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("verification attempt")
        verbose_name_plural = _("verification attempts")
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"], name="attempt_by_account")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.method} {self.reason or 'ok'}"


_user_by_key = PreparedGet(User, lambda: User._default_manager.get_queryset())
