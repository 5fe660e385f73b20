"""A consultation's questionnaire as plain rules: its definition, one response's check, and the results.

`define` checks a definition once; `validate` checks one response and returns codes, not texts (the web layer
translates them); `tally` counts checked responses with exact shares; `samen questionnaire tally` recounts from
the published JSON.
"""

from samen.algorithms.questionnaire.answers import Result, validate
from samen.algorithms.questionnaire.definition import (
    Area,
    Condition,
    DefinitionError,
    Kind,
    Question,
    Questionnaire,
    define,
    from_json,
)
from samen.algorithms.questionnaire.tally import QuestionTally, ResponseError, Tally, tally, tally_json

__all__ = [
    "Area",
    "Condition",
    "DefinitionError",
    "Kind",
    "Question",
    "QuestionTally",
    "Questionnaire",
    "ResponseError",
    "Result",
    "Tally",
    "define",
    "from_json",
    "tally",
    "tally_json",
    "validate",
]
