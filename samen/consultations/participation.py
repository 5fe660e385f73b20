"""My participation: the consultations I answered, and until when I can change my answers. See
common/participation.py."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.common.participation import Entry, Section
from samen.consultations.models import Response
from samen.processes.phases import ANSWER
from samen.processes.queries import open_until


def _entry(response: Response) -> Entry:
    process = response.questionnaire.process
    until = open_until(process, ANSWER)
    if until:
        status, next_step = _("Your answers count as they stand now."), _("You can change your answers")
        page = "consultations:answer"
    else:
        status, next_step, page = _("The consultation has ended."), "", "consultations:results"
    return Entry(
        title=process.title, url=reverse(page, args=[process.slug]), status=status, next_step=next_step, until=until
    )


def sections(user) -> list[Section]:
    responses = (
        Response.objects.filter(voter=user)
        .select_related("questionnaire__process")
        .prefetch_related("questionnaire__process__phases")
        .order_by("-updated_at", "-pk")
    )
    return [Section(_("Consultations I answered"), [_entry(response) for response in responses])]
