import io

import pytest

from samen.algorithms.sortition import Person, Quota, SortitionInputError, check_instance, read_pool, read_quotas

QUOTAS = "category,value,min,max\ngender,f,1,2\ngender,m,1,2\nage,young,0,2\nage,old,0,2\n"


def quotas_from(text: str) -> tuple[Quota, ...]:
    return read_quotas(io.StringIO(text))


def refusal(read, text: str) -> tuple[int | None, str]:
    with pytest.raises(SortitionInputError) as caught:
        read(io.StringIO(text))
    return caught.value.line, caught.value.reason


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("category,feature,min,max", "gender,f,1,2"),  # replication files
        ("feature,value,min,max,min_flex,max_flex", "gender,f,1,2,0,2"),  # Sortition Foundation library
        ("category,name,suggest min,suggest max,Current #,min,max", "gender,f,,,,1,2"),  # OpenDLP export
        ("category,name,min,max,,,,,", "gender,f,1,2,,,,,"),  # Diversimax
    ],
)
def test_every_quota_layout_in_use_is_read(header, row):
    assert quotas_from(f"{header}\n{row}\n") == (Quota("gender", "f", 1, 2, 2),)


def test_a_quota_file_without_a_max_column_is_refused_on_line_1():
    assert refusal(read_quotas, "category,value,min\ngender,f,1\n") == (
        1,
        "missing column max: expected category (or feature), value (or name), min, max, found 'category,value,min'",
    )


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("gender,m,3,2", "min 3 is larger than max 2"),
        ("gender,m,one,2", "min must be a whole number of at least 0, found 'one'"),
        ("gender,f,0,2", "gender 'f' already has a quota on line 2"),
        (",m,1,2", "the category and the value must not be empty"),
    ],
)
def test_a_bad_quota_row_is_refused_naming_its_line(row, reason):
    assert refusal(read_quotas, f"category,value,min,max\ngender,f,1,2\n{row}\n") == (3, reason)


def test_without_an_id_column_the_row_number_is_the_id():
    people = read_pool(io.StringIO("gender,age,notes\nf,young,x\n\nm,old,y\n"), quotas_from(QUOTAS))

    assert people == (
        Person("1", (("gender", "f"), ("age", "young"))),
        Person("2", (("gender", "m"), ("age", "old"))),
    )


def test_the_id_and_address_columns_are_read_and_other_columns_ignored():
    text = 'id,name,age,gender,street\np7,"Doe, Jo",old,f,Rue Haute 1\n'

    people = read_pool(io.StringIO(text), quotas_from(QUOTAS), id_column="id", address_column="street")

    assert people == (Person("p7", (("gender", "f"), ("age", "old")), "Rue Haute 1"),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gender,notes\nf,x\n", (1, "missing column 'age' (the header is 'gender,notes')")),
        (
            "gender,age\nf,young\nf,teen\n",
            (3, "age 'teen' is not a value of the quotas (expected one of young, old)"),
        ),
        ("id,gender,age\na,f,old\nb,m,old\na,m,young\n", (4, "id 'a' is already used on line 2")),
        ("id,gender,age\n,f,old\n", (2, "the id (id) is empty")),
    ],
)
def test_a_bad_pool_is_refused_naming_its_line(text, expected):
    id_column = "id" if text.startswith("id") else None

    assert refusal(lambda lines: read_pool(lines, quotas_from(QUOTAS), id_column=id_column), text) == expected


def test_a_panel_larger_than_the_pool_is_refused():
    people = read_pool(io.StringIO("gender,age\nf,young\nm,old\n"), quotas_from(QUOTAS))

    with pytest.raises(SortitionInputError, match=r"the panel size k = 3 is larger than the pool \(2 people\)"):
        check_instance(people, quotas_from(QUOTAS), 3)


def test_a_pool_built_elsewhere_with_a_value_the_quotas_do_not_know_is_refused():
    people = [Person("1", (("gender", "f"), ("age", "teen")))]

    with pytest.raises(SortitionInputError, match="person '1' has age 'teen', not a value of the quotas"):
        check_instance(people, quotas_from(QUOTAS), 1)
