"""A poster the City prints and hangs in the neighbourhood (issue 16): the process in Dutch and French side by side,
what residents can do now and until when, and a QR code to its page. One A4 page, made in a few milliseconds."""

import qrcode
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from samen.accounts.letter_files import FONT
from samen.common.translation import localized
from samen.processes import queries

POSTER_LANGUAGES = ("nl", "fr")  # Brussels' two official languages, side by side


def poster_url(process) -> str:
    """The address the QR code holds: the process's page without a language, which opens in the phone's own."""
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("processes:detail", args=[process.slug])
    return settings.SITE_URL + path.removeprefix(f"/{settings.LANGUAGE_CODE}")


def poster_texts(process, language: str) -> list[str]:
    """Title, what residents can do now (until when) and the call to scan, in `language`."""
    with translation.override(language):
        now = queries.now_in_plain_words(process, date_format="j F Y").text
        return [localized(process, "title").text, now, _("Scan the code with your phone to take part.")]


def poster_pdf(process) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(localized(process, "title").text)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.add_page()
    for column, language in enumerate(POSTER_LANGUAGES):
        title, now, scan = poster_texts(process, language)
        left = 15 + column * 95
        pdf.set_xy(left, 20)
        pdf.set_font("DejaVu", size=22)
        pdf.multi_cell(85, 10, title, new_x="LEFT", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("DejaVu", size=14)
        pdf.multi_cell(85, 7, now, new_x="LEFT", new_y="NEXT")
        pdf.set_xy(left, 235)
        pdf.multi_cell(85, 7, scan, align="C", new_x="LEFT", new_y="NEXT")
    code = qrcode.make(poster_url(process), box_size=10, border=2).get_image()
    pdf.image(code, x=55, y=110, w=100, h=100)
    pdf.set_font("DejaVu", size=11)
    pdf.set_xy(15, 255)
    pdf.cell(180, 6, poster_url(process), align="C")
    return bytes(pdf.output())
