"""The day's verification letters as staff hand them to the post room: a printable PDF (one A4 page a letter, the
address where a window envelope shows it, the text in Dutch and French) and the same letters as CSV for a mail merge,
both in one ZIP. The codes exist only in this file: Samen keeps their keyed hashes."""

import csv
import io
import logging
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from samen.accounts.letters import PrintedLetter
from samen.common.text import spreadsheet_safe

LETTER_LANGUAGES = ("nl", "fr")  # Brussels writes to its residents in both
# DejaVu Sans (vendored from npm, scripts/vendor.mjs): every Latin, Greek and Cyrillic letter, so that "Łukasz Şahin,
# Rue Émile Féron" prints as the register wrote it; the PDF embeds only the letters used.
FONT = Path(__file__).parent / "fonts" / "DejaVuSans.ttf"
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)  # it tells every glyph it keeps, at INFO


def _paragraphs(printed: PrintedLetter, language: str) -> list[str]:
    verify_url = f"{settings.SITE_URL}/{language}/account/verify/"
    with translation.override(language):
        until = formats.date_format(printed.letter.expires_at, "DATE_FORMAT")
        asked = formats.date_format(printed.letter.requested_at, "DATE_FORMAT")
        return [
            _("Your verification code for Samen"),
            _(
                "On %(asked)s you asked to verify your account on Samen, the City's participation platform. Sign in "
                "at %(url)s and type this code before %(until)s:"
            )
            % {"asked": asked, "url": verify_url, "until": until},
            printed.code,
            _("Did you ask for nothing? Then ignore this letter: without it, no one can use the code."),
        ]


def letters_pdf(letters: list[PrintedLetter]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("Samen")
    pdf.add_font("DejaVu", fname=str(FONT))
    wrapped: dict[tuple, list[str]] = {}  # fpdf's line breaking is slow, and a batch's letters share their text

    def write(text: str, *, left: float = 20, width: float = 170, height: float = 5, size: int = 11, align="L"):
        pdf.set_font("DejaVu", size=size)
        key = (size, width, text)
        if key not in wrapped:
            wrapped[key] = pdf.multi_cell(width, height, text, dry_run=True, output="LINES")
        for line in wrapped[key]:
            pdf.set_x(left)
            pdf.cell(width, height, line, align=align, new_x="LEFT", new_y="NEXT")

    for printed in letters:
        pdf.add_page()
        pdf.set_y(50)
        write("\n".join(printed.address), left=110, width=85)  # the window of a DL envelope
        pdf.set_y(100)
        for language in LETTER_LANGUAGES:
            title, body, code, warning = _paragraphs(printed, language)
            write(title, height=7, size=13)
            write(body)
            write(code, height=12, size=20, align="C")
            write(warning, size=10)
            pdf.ln(8)
    return bytes(pdf.output())


def letters_csv(letters: list[PrintedLetter]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["letter", "code", "line_1", "line_2", "line_3", "line_4", "postcode", "expires"])
    for printed in letters:
        lines = [*printed.address, "", "", "", ""][:4]
        writer.writerow(
            [
                printed.letter.pk,
                printed.code,
                *(spreadsheet_safe(line) for line in lines),
                printed.letter.postcode,
                printed.letter.expires_at.date().isoformat(),
            ]
        )
    return out.getvalue()


def letters_zip(letters: list[PrintedLetter]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("letters.pdf", letters_pdf(letters))
        archive.writestr("letters.csv", letters_csv(letters))
    return buffer.getvalue()
