"""A dataset per consultation whose results are public: its anonymous responses as CSV (the same table as its
page's export), and its questionnaire and responses as the JSON files from which `samen questionnaire tally
consultation-SLUG-questionnaire.json consultation-SLUG-responses.json` recounts its results page."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from samen.consultations import published, queries, services
from samen.consultations.models import Questionnaire
from samen.opendata.tables import Dataset, Table
from samen.processes.models import Process

ANYONE = AnonymousUser()


def _dataset(questionnaire: Questionnaire, definition, questions) -> Dataset:
    process = questionnaire.process
    titles = {code: getattr(process, f"title_{code}") or process.title_fr for code in ("nl", "fr", "en")}
    return Dataset(
        slug=f"consultation-{process.slug}",
        title={
            "nl": f"Raadpleging: {titles['nl']}",
            "fr": f"Consultation : {titles['fr']}",
            "en": f"Consultation: {titles['en']}",
        },
        description={
            "nl": "De anonieme antwoorden op de vragenlijst (geen naam, pseudoniem of tijdstip) en de vragenlijst "
            "zelf; `samen questionnaire tally` hertelt de resultaten uit de twee JSON-bestanden.",
            "fr": "Les réponses anonymes au questionnaire (ni nom, ni pseudonyme, ni heure) et le questionnaire "
            "lui-même ; `samen questionnaire tally` recompte les résultats à partir des deux fichiers JSON.",
            "en": "The anonymous responses to the questionnaire (no name, pseudonym or time) and the questionnaire "
            "itself; `samen questionnaire tally` recounts the results from the two JSON files.",
        },
        tables=[
            Table(
                "responses",
                published.response_columns(questions),
                published.response_rows(questionnaire, questions, definition),
            )
        ],
        documents={
            "questionnaire": published.definition_json(questions),
            "responses": published.responses_json(questionnaire, definition),
        },
    )


def consultations() -> list[Dataset]:
    """Only where the results page is public to an anonymous visitor: a published process whose consultation ended."""
    datasets = []
    rows = Questionnaire.objects.filter(process__status=Process.Status.PUBLISHED).select_related("process")
    for questionnaire in rows.order_by("process__slug"):
        if not ANYONE.has_perm("consultations.view_results", questionnaire.process):
            continue
        questions = queries.questions_of(questionnaire)
        try:
            definition = services.check_definition(questions)
        except ValidationError:
            continue  # a questionnaire that cannot be answered as defined has no results
        datasets.append(_dataset(questionnaire, definition, questions))
    return datasets
