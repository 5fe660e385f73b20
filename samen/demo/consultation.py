"""The consultation about the Place du Jeu de Balle (issue 18): a questionnaire of twelve questions of every type,
open for answers, the answers of demo voters (their free texts reviewed by the moderator), and a debate on cars on the
square with arguments for and against. The texts are written for the demo (CC0): `consultation.json`."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from samen.common import clock
from samen.consultations import services as consultations
from samen.consultations.models import Question, Questionnaire
from samen.debates import services as debates
from samen.demo.votes import demo_voters
from samen.processes import queries as process_queries

HERE = Path(__file__).resolve().parent
RESPONSES = 64
LANGUAGES = ("nl", "fr", "en")

# Free texts the demo voters wrote; the last one is the kind a moderator keeps out of the public list.
IDEAS = [
    "Des bancs à l'ombre autour de la place, et des toilettes ouvertes pendant le marché.",
    "Meer bomen aan de kant van de Blaesstraat, en een waterpunt voor de marktkramers.",
    "Garder le marché tous les jours : c'est l'âme du quartier.",
    "Un terrain de pétanque le soir, quand le marché est fini.",
    "Betere verlichting richting de Hoogstraat: 's avonds is het er donker.",
    "Une fontaine à boire pour les enfants et les brocanteurs, l'été il fait très chaud.",
]
OFF_TOPIC = "Achetez vos meubles sur mon site, livraison gratuite !!!"
SINCE = ["Depuis 1998", "Sinds 2012", "Depuis toujours", "Sinds vijf jaar", "Depuis 2019"]
# The square, where a voter would put a bench or a tree (WGS 84 degrees).
SQUARE = (4.3446, 50.8374, 4.3466, 50.8388)


def _texts(texts: dict, name: str) -> dict:
    return {f"{name}_{language}": texts.get(language, "") for language in LANGUAGES}


def _questionnaire(process, spec: dict) -> Questionnaire:
    with transaction.atomic():
        questionnaire = Questionnaire.objects.create(process=process, **_texts(spec["intro"], "intro"))
        for position, row in enumerate(spec["questions"]):
            condition = row.get("condition") or {}
            Question.objects.create(
                questionnaire=questionnaire,
                key=row["key"],
                position=position,
                kind=row["type"],
                required=row["required"],
                options=[
                    {"key": option["key"]} | {f"label_{code}": option["label"][code] for code in LANGUAGES}
                    for option in row.get("options", [])
                ],
                max_choices=row.get("max_choices"),
                top=row.get("top"),
                scale_min=row.get("min"),
                scale_max=row.get("max"),
                max_length=row.get("max_length"),
                condition_question=condition.get("question", ""),
                condition_option=condition.get("option", ""),
                **_texts(row["text"], "text"),
                **_texts(row.get("help", {}), "help"),
                **_texts(row.get("min_label", {}), "min_label"),
                **_texts(row.get("max_label", {}), "max_label"),
            )
        consultations.check_definition(list(questionnaire.questions.all()))  # a broken file fails the demo loudly
    return questionnaire


def _answers(spec: dict, rng: random.Random, number: int) -> dict:
    """One voter's answers: the required ones always, the optional ones often, leaning as a neighbourhood would."""
    options = {row["key"]: [option["key"] for option in row.get("options", [])] for row in spec["questions"]}
    answers = {
        "how_often": rng.choices(options["how_often"], weights=[4, 3, 2, 1])[0],
        "reasons": rng.sample(["market", "cafes", "passing", "children", "neighbours", "selling"], rng.randint(1, 3)),
        "lives_nearby": rng.choices(["yes", "no"], weights=[3, 2])[0],
        "priorities": rng.sample(["trees", "trees", "benches", "fountain", "toilets", "play", "bikes", "light"], 4),
        "market_days": rng.choices(options["market_days"], weights=[6, 3, 1])[0],
        "parking": rng.choices(options["parking"], weights=[2, 4, 3])[0],
        "safety": rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 4, 3, 1])[0],
    }
    answers["priorities"] = list(dict.fromkeys(answers["priorities"]))[:3]
    if answers["lives_nearby"] == "yes" and rng.random() < 0.6:
        answers["years"] = rng.choice(SINCE)
    if rng.random() < 0.8:
        answers["cleanliness"] = rng.choices([1, 2, 3, 4, 5], weights=[3, 4, 3, 1, 1])[0]
    if rng.random() < 0.5:
        west, south, east, north = SQUARE
        answers["spot"] = {
            "longitude": round(rng.uniform(west, east), 5),
            "latitude": round(rng.uniform(south, north), 5),
        }
    if number < len(IDEAS):
        answers["idea"] = IDEAS[number]
    elif number == len(IDEAS):
        answers["idea"] = OFF_TOPIC
    if rng.random() < 0.4:
        answers["keep_informed"] = rng.sample(["letter", "email", "meeting", "posters"], rng.randint(1, 2))
    return answers


def _responses(questionnaire: Questionnaire, spec: dict, moderator, rng: random.Random) -> None:
    opened = process_queries.phase_of_kind(questionnaire.process, "consultation").period.opens_at()
    for number, voter in enumerate(demo_voters("jdb", RESPONSES)):
        with clock.replaying(min(clock.now(), opened + timedelta(hours=7 + number * 3))):
            response = consultations.submit_response(
                questionnaire=questionnaire, user=voter, raw_answers=_answers(spec, rng, number)
            )
        if "idea" in response.answers:
            approve = response.answers["idea"] != OFF_TOPIC
            consultations.review_text_answer(
                response=response, question_key="idea", moderator=moderator, approve=approve
            )
        if "years" in response.answers:
            consultations.review_text_answer(response=response, question_key="years", moderator=moderator, approve=True)


def _debate(process, spec: dict, *, people: dict, manager, rng: random.Random) -> None:
    opened = process_queries.phase_of_kind(process, "consultation").period.opens_at()
    with clock.replaying(opened):
        debate = debates.create_debate(
            process=process, by=manager, question=spec["question"], introduction=spec["introduction"]
        )
    residents = sorted(key for key, user in people.items() if user.role == "resident" and key != "juror")
    authors = iter(rng.sample(residents, len(spec["arguments"]) + len(spec["comments"])))
    for hours, row in enumerate(spec["arguments"], start=1):
        author = people[next(authors)]
        with clock.replaying(opened + timedelta(hours=hours * 5)):
            argument = debates.post_argument(
                debate=debate, author=author, side=row["side"], text=row["text"], language=row["language"]
            )
        others = [people[key] for key in residents if people[key] != author]
        for supporter in rng.sample(others, min(row["supports"], len(others))):
            try:
                debates.support_argument(argument=argument, resident=supporter)
            except ValidationError:  # one may not support an argument twice: the demo goes on
                continue
    for hours, row in enumerate(spec["comments"], start=1):
        with clock.replaying(opened + timedelta(days=1, hours=hours * 3)):
            debates.comment_debate(
                debate=debate, author=people[next(authors)], body=row["text"], language=row["language"]
            )


def open_consultation(process, ideas, *, people: dict, manager, rng: random.Random) -> None:
    spec = json.loads((HERE / "consultation.json").read_text(encoding="utf-8"))
    questionnaire = _questionnaire(process, spec)
    _responses(questionnaire, spec, people["moderator"], rng)
    _debate(process, spec["debate"], people=people, manager=manager, rng=rng)


STORIES = {"open_consultation": open_consultation}
