"""Everyone reads the dashboard; only the City's staff on the platform (process managers, administrators) enter and
import values: a resident is refused with 403 and nothing is saved, an anonymous visitor is sent to sign in."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samen.city import services
from samen.city.models import Domain, ImportJob, IndicatorValue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VALUE = {"date": "2025-01-01", "value": "170", "note": "from the count"}


def add_url(indicator):
    return reverse("city:add_value", kwargs={"slug": indicator.slug})


def csv_file():
    return SimpleUploadedFile("v.csv", b"indicator,date,value\nbus-trips,2025-06-01,3\n")


def test_a_process_manager_enters_a_value_and_sees_it_on_the_page(client, manager, indicator):
    client.force_login(manager)

    response = client.post(add_url(indicator), VALUE, follow=True)

    assert response.redirect_chain == [(indicator.get_absolute_url(), 302)]
    assert '<td>1 January 2025</td><td class="numeric">170</td><td>from the count</td>' in response.content.decode()


def test_an_administrator_may_enter_a_value(client, indicator):
    client.force_login(UserFactory(role="administrator", is_staff=True))

    assert client.post(add_url(indicator), VALUE).status_code == 302
    assert indicator.values.filter(date=date(2025, 1, 1)).exists()


def test_a_second_value_on_the_same_date_is_refused_with_a_422(client, manager, indicator):
    client.force_login(manager)
    client.post(add_url(indicator), VALUE)

    response = client.post(add_url(indicator), VALUE | {"value": "180"})

    assert response.status_code == 422
    assert "“Bus trips” already has a value on 2025-01-01." in response.content.decode()
    assert indicator.values.get(date=date(2025, 1, 1)).value == 170


def test_a_value_that_is_not_a_number_is_refused_with_a_422(client, manager, indicator):
    client.force_login(manager)

    response = client.post(add_url(indicator), VALUE | {"value": "many"})

    assert response.status_code == 422
    assert indicator.values.count() == 2


@pytest.mark.parametrize("who", ["resident", "moderator"])
def test_a_resident_or_moderator_cannot_enter_a_value_and_nothing_is_saved(client, indicator, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(add_url(indicator)).status_code == 403
    assert client.post(add_url(indicator), VALUE).status_code == 403
    assert indicator.values.count() == 2


def test_a_resident_cannot_import_and_nothing_is_saved(client, resident, indicator):
    client.force_login(resident)

    assert client.get(reverse("city:import")).status_code == 403
    assert client.post(reverse("city:import"), {"file": csv_file()}).status_code == 403
    assert ImportJob.objects.count() == 0
    assert IndicatorValue.objects.count() == 2


def test_a_resident_cannot_read_an_import_report(client, manager, resident, indicator):
    client.force_login(manager)
    client.post(reverse("city:import"), {"file": csv_file()})
    client.force_login(resident)

    assert client.get(reverse("city:import_job", kwargs={"pk": ImportJob.objects.get().pk})).status_code == 403


@pytest.mark.parametrize("name", ["add_value", "import"])
def test_an_anonymous_visitor_is_sent_to_sign_in(client, indicator, name):
    url = add_url(indicator) if name == "add_value" else reverse("city:import")

    response = client.post(url, VALUE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert indicator.values.count() == 2


def test_the_service_refuses_a_resident_too(resident, indicator):
    with pytest.raises(PermissionDenied):
        services.record_value(indicator=indicator, staff=resident, on=date(2025, 1, 1), value=1)


def test_only_staff_see_the_links_to_enter_and_import(client, manager, resident, indicator):
    client.force_login(resident)
    assert "Enter a value" not in client.get(indicator.get_absolute_url()).content.decode()

    client.force_login(manager)
    assert "Enter a value" in client.get(indicator.get_absolute_url()).content.decode()


def test_anyone_reads_the_dashboard_and_an_indicator(client, indicator):
    assert client.get(reverse("city:dashboard")).status_code == 200
    assert client.get(indicator.get_absolute_url()).status_code == 200


def test_a_computed_indicator_offers_no_entry_and_the_service_refuses_one(client, manager):
    computed = services.add_computed_indicator(code="ideas-posted", domain=Domain.objects.get(slug="healthy"))
    client.force_login(manager)

    assert "Enter a value" not in client.get(computed.get_absolute_url()).content.decode()
    response = client.post(add_url(computed), VALUE)
    assert response.status_code == 422
    assert "The platform computes “Ideas posted”" in response.content.decode()
    assert computed.values.count() == 0


@pytest.mark.parametrize("count", [1, 3])
def test_the_import_page_takes_the_same_queries_for_one_or_three_imports(
    client, manager, count, django_assert_num_queries
):
    for _ in range(count):
        ImportJob.objects.create(content="", total_lines=0)
    client.force_login(manager)
    client.get(reverse("city:import"))  # the session and the second factor's check, once

    with django_assert_num_queries(3):  # the session, the account, the latest imports
        response = client.get(reverse("city:import"))

    assert len(re.findall(r'href="/en/dashboard/import/\d+/"', response.content.decode())) == count
