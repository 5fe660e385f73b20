from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.processes.geography import neighbourhood_choices, neighbourhoods


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


class User(AbstractUser):
    """A resident's account: e-mail to sign in, a public display name, a home neighbourhood, a language."""

    class Role(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        MODERATOR = "moderator", _("Moderator")
        PROCESS_MANAGER = "process_manager", _("Process manager")
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

    @property
    def neighbourhood(self):
        return neighbourhoods().get(self.neighbourhood_code)
