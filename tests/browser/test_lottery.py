"""A civic lottery in Chromium, from the invitation code to the published result (issue 7).

The manager uploads the register and, once the announced seed is known, draws the invitations; a resident answers
with the code from a letter, without JavaScript; once the answers are in, the manager sets the quotas, freezes the
pool and draws with the seed (both on the task worker, which the test runs once the page says they are queued); the
resident reads their chance and place, and anyone reads the panel and downloads the files to recount it.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from samen.common import clock
from samen.panels import services
from samen.panels.models import Volunteer
from samen.processes.models import Phase
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import PhaseFactory, ProcessFactory, UserFactory
from tests.ideas.test_notifications import _run_worker

pytestmark = pytest.mark.django_db(transaction=True)

SEED = "EuroMillions 2026-10-06: 5 12 19 33 47 + 2 9"
GENDERS = ["woman", "man"]
AGES = ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"]


def register_csv(rows: int) -> bytes:
    lines = ["id,address,neighbourhood,gender"]
    for n in range(1, rows + 1):
        lines.append(f'R{n},"Rue Marie-Christine {n}, 1020 Bruxelles",{19 if n % 3 == 0 else 20},{GENDERS[n % 2]}')
    return ("\n".join(lines) + "\n").encode()


def test_from_invitation_code_to_published_panel(page, page_without_js, new_page, live_server):
    base = live_server.url
    today = timezone.localdate()
    process = ProcessFactory(slug="laeken-panel", title_en="Laeken panel", scope="neighbourhood", neighbourhood_code=20)
    PhaseFactory(
        process=process, kind="volunteer_registration", first_day=today - timedelta(5), last_day=today + timedelta(5)
    )
    lottery = services.create_lottery(
        process=process, panel_size=3, invitations=20, seed_announcement={"nl": SEED, "fr": SEED, "en": SEED}
    )
    council = services.create_council(
        slug="laeken",
        name={"nl": "Wijkraad Laken", "fr": "Conseil de quartier de Laeken", "en": "Laeken council"},
        neighbourhood_codes=[19, 20],
        drawn_seats=3,
        delegate_seats=2,
        term_start=today + timedelta(30),
        term_end=today + timedelta(760),
        lottery=lottery,
    )
    manager = UserFactory(email="manager@example.org", preferred_language="en", role="process_manager")
    resident = UserFactory(email="resident@example.org", preferred_language="en")
    lottery_page = f"{base}/en/processes/laeken-panel/lottery/"

    # The manager uploads the register extract and draws the invitations, then downloads the letters.
    sign_in(page, base, "manager@example.org")
    page.goto(lottery_page)
    page.get_by_role("link", name="Run the lottery").click()
    assert_accessible(page)
    page.get_by_label("Register extract (CSV)").set_input_files(
        files=[{"name": "register.csv", "mimeType": "text/csv", "buffer": register_csv(40)}]
    )
    page.get_by_role("button", name="Upload the register").click()
    page.get_by_text("The register extract is in: 40 residents.").wait_for()
    # The seed's source was announced three days ago and is known since yesterday (the announcement is a service
    # call here: the live server's clock cannot be moved).
    with clock.replaying(timezone.now() - timedelta(days=3)):
        services.announce_invitation_seed(
            lottery=lottery,
            manager=manager,
            source={"nl": "Lotto 2026-10-03", "fr": "Lotto 2026-10-03"},
            known_on=today - timedelta(days=1),
        )
    page.reload()
    page.get_by_role("textbox", name="The announced seed").fill("Lotto 2026-10-03: 3 11 17 28 36 41")
    page.get_by_role("button", name="Draw 20 invitations").click()
    page.get_by_text("The invitations are drawn.").wait_for()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Addresses and codes for the letters").click()
    letters = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert len(letters) == 20

    # Nine neighbours answer their letters; the resident answers with theirs, without JavaScript.
    for n, letter in enumerate(letters[1:10]):
        services.register_volunteer(
            lottery=lottery,
            user=UserFactory(),
            code=letter["code"],
            first_name=f"Neighbour{n}",
            features={"gender": GENDERS[n % 2], "age_band": AGES[n % len(AGES)]},
            consent=True,
            show_name=True,
        )
    page.goto(f"{lottery_page}answer/")  # axe needs JavaScript: the manager's browser checks the form
    assert_accessible(page)
    page.get_by_role("button", name="Take part in the draw").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)
    sign_in(page_without_js, base, "resident@example.org")
    page_without_js.goto(lottery_page)
    page_without_js.get_by_role("link", name="Answer my invitation").click()
    page_without_js.get_by_label("Invitation code").fill(letters[0]["code"].lower())
    page_without_js.get_by_role("textbox", name="First name").fill("Amira")
    page_without_js.get_by_role("combobox", name="Gender").select_option("woman")
    page_without_js.get_by_role("combobox", name="Age").select_option("25-34")
    page_without_js.get_by_role("button", name="Take part in the draw").click()
    assert page_without_js.get_by_role("alert").is_visible()  # no consent: refused, explained, nothing saved
    assert not Volunteer.objects.filter(user=resident).exists()
    page_without_js.get_by_label("I agree to take part in the draw").check()
    page_without_js.get_by_label("If I am drawn, my first name").check()
    page_without_js.get_by_role("button", name="Take part in the draw").click()
    page_without_js.get_by_text("Thank you: you are in the draw.").wait_for()
    assert Volunteer.objects.get(user=resident).invitation.code == letters[0]["code"]

    # The answers are in: the manager sets the quotas, freezes the pool and draws with the announced seed.
    Phase.objects.filter(process=process).update(first_day=today - timedelta(20), last_day=today - timedelta(1))
    page.goto(f"{base}/en/processes/laeken-panel/lottery/manage/")
    page.get_by_role("link", name="Set the quotas").click()
    assert_accessible(page)
    page.get_by_label("Gender: Woman (at least)").fill("1")
    page.get_by_label("Gender: Man (at least)").fill("1")
    page.get_by_role("button", name="Save the quotas").click()
    page.get_by_text("The quotas are saved.").wait_for()
    # Freezing and drawing run on the task worker: the page says the job is queued, and shows its outcome once the
    # worker has run it (the Refresh link without JavaScript; htmx polling reloads the page by itself).
    page.get_by_role("button", name="Freeze the pool").click()
    page.get_by_text("Freezing the pool is queued").wait_for()
    assert page.get_by_text("waiting for the task worker").is_visible()
    assert_accessible(page)
    _run_worker()
    page.get_by_role("link", name="Refresh this page").click()
    page.get_by_text("Freezing the pool: done at").wait_for()
    assert_accessible(page)
    page.get_by_role("textbox", name="The announced seed").fill(SEED)
    page.get_by_role("button", name="Draw the panel").click()
    page.get_by_text("Drawing the panel is queued").wait_for()
    assert not Volunteer.objects.filter(lottery=lottery, selected=True).exists()
    _run_worker()
    page.get_by_text("Drawing the panel: done at").wait_for()
    assert page.get_by_text(f"The panel was drawn with the seed “{SEED}” and is published.").is_visible()
    assert_accessible(page)

    # The resident reads their chance and their place; anyone reads the panel and finds the files.
    mine = Volunteer.objects.get(user=resident)
    page_without_js.goto(lottery_page)
    assert page_without_js.get_by_text("Your chance of being drawn was").is_visible()
    if mine.selected:
        assert page_without_js.get_by_text("You were drawn. Welcome to the panel!").is_visible()
    else:
        assert page_without_js.get_by_text(f"You are number {mine.reserve_rank} on the reserve list").is_visible()
    visitor = new_page()
    visitor.goto(lottery_page)
    assert_accessible(visitor)
    assert visitor.locator("ul.members li").count() == 3
    for name in ("The pool (pool.csv)", "The quotas (quotas.csv)", "Every possible panel"):
        assert visitor.get_by_role("link", name=name).is_visible()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="The pool (pool.csv)").click()
    assert (
        download.value.path().read_text(encoding="utf-8").splitlines()[0]
        == "id,gender,age_band,neighbourhood,household"
    )
    visitor.goto(f"{base}{council.get_absolute_url()}")
    assert_accessible(visitor)
    assert visitor.locator("ul.members li").count() == 3
