"""Invented people for the demo, the tests and the benchmarks: national numbers and identity card numbers with
valid check digits, never a real person's."""

from datetime import date


def invented_national_number(born: date, serial: int) -> str:
    """A national number with valid check digits for an invented person born on `born` (serial 0-999): demo,
    test and benchmark data, never a real person's."""
    body = f"{born:%y%m%d}{serial:03d}"
    base = int(("2" if born.year >= 2000 else "") + body)
    return f"{body}{97 - base % 97:02d}"


def invented_document_number(national_number: str) -> str:
    """An identity card number in the Belgian eID's shape (ten digits and a modulo-97 check) for an invented
    person: demo and test data, never a real card's."""
    base = int("59" + national_number[-8:])
    return f"{base:010d}"[:3] + "-" + f"{base:010d}"[3:] + f"-{base % 97 or 97:02d}"
