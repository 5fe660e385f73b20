"""The demo's consultation about the Place du Jeu de Balle: a questionnaire of every type open for answers, the answers
of demo voters whose free texts a moderator reviewed, and a debate on cars on the square."""

import csv
import io

import pytest
from django.urls import reverse

from samen.accounts.models import User
from samen.consultations.models import Question, Response
from samen.debates.models import Argument, Debate
from samen.demo.loader import load_demo

pytestmark = pytest.mark.django_db

SLUG = "place-du-jeu-de-balle"


@pytest.fixture
def demo():
    load_demo(slugs={SLUG})


def test_the_questionnaire_has_a_dozen_questions_of_every_type_and_is_open(demo, client):
    questions = Question.objects.filter(questionnaire__process__slug=SLUG)
    assert questions.count() == 12
    assert set(questions.values_list("kind", flat=True)) == set(Question.Kind.values)
    assert questions.filter(required=True).exists()
    assert questions.exclude(condition_question="").exists()

    client.force_login(User.objects.get(email="amina@demo.samen.brussels"))  # she has not answered yet
    page = client.get(reverse("consultations:answer", args=[SLUG]))

    assert page.status_code == 200
    text = page.content.decode()
    assert all(question.text in text for question in questions)


def test_the_voters_answers_are_counted_and_the_off_topic_text_stays_out_of_the_export(demo, client):
    responses = Response.objects.filter(questionnaire__process__slug=SLUG)
    assert responses.count() == 64
    client.force_login(User.objects.get(email="manager@demo.samen.brussels"))

    results = client.get(reverse("consultations:results", args=[SLUG]))
    export = client.get(reverse("consultations:export", args=[SLUG]))

    assert results.status_code == 200
    assert "<svg" in results.content.decode()
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert len(rows) == 64
    ideas = {row["idea"] for row in rows} - {""}
    assert "Garder le marché tous les jours : c'est l'âme du quartier." in ideas
    assert not any("mon site" in idea for idea in ideas)  # the moderator kept it out


def test_the_debate_has_arguments_on_both_sides_with_supports(demo, client):
    debate = Debate.objects.get(process__slug=SLUG)
    arguments = Argument.objects.filter(debate=debate)
    assert set(arguments.values_list("side", flat=True)) == {"for", "against"}
    assert sum(argument.supports.count() for argument in arguments) > 0

    page = client.get(reverse("debates:debate", args=[SLUG, debate.pk]))

    assert page.status_code == 200
    assert debate.question_en in page.content.decode()
