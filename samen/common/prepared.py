"""One row by its primary key, with SQL that the ORM builds once per worker instead of on every request.

Building a query with joins, deferred fields and an annotated subquery costs the ORM about as much CPU as
PostgreSQL spends answering it (0.5 to 1 ms on the project's machine); a hot write path (the support toggle) reads
the same shape of row on every request. `PreparedGet` compiles the queryset once (per thread and database alias),
then only swaps the key among the parameters and builds the instances as `QuerySet.get()` would: same columns, same
converters, same related objects and annotations, the same `DoesNotExist`."""

import threading
from collections.abc import Callable

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Never a primary key: marks where the key goes among the compiled query's parameters.
_SENTINEL = -7_340_531_113


class PreparedGet:
    def __init__(self, model: type[Model], build: Callable[[], QuerySet]):
        self.model = model
        self._build = build  # called on first use, once the apps are ready
        self._local = threading.local()  # converters belong to the thread's connection

    def _plan(self, alias: str) -> tuple:
        plans = self._local.__dict__.setdefault("plans", {})
        if alias not in plans:
            compiler = self._build().filter(pk=_SENTINEL).query.get_compiler(using=alias)
            sql, params = compiler.as_sql()
            params = list(params)
            if params.count(_SENTINEL) != 1:
                raise ValueError("PreparedGet: the key must appear once among the query's parameters")
            select, klass_info = compiler.select, compiler.klass_info
            fields = klass_info["select_fields"]
            start, end = fields[0], fields[-1] + 1
            plans[alias] = (
                sql,
                params,
                params.index(_SENTINEL),
                list(compiler.get_converters([column[0] for column in select]).items()),
                start,
                end,
                [column[0].target.attname for column in select[start:end]],
                get_related_populators(klass_info, select, alias),
                list(compiler.annotation_col_map.items()),
            )
        return plans[alias]

    def get(self, pk) -> Model:
        alias = router.db_for_read(self.model)
        sql, params, index, converters, start, end, init_list, populators, annotations = self._plan(alias)
        params = params.copy()
        params[index] = self.model._meta.pk.get_prep_value(pk)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            raise self.model.DoesNotExist(f"{self.model._meta.object_name} matching query does not exist.")
        row = list(row)
        for position, (functions, expression) in converters:
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
        instance = self.model.from_db(alias, init_list, row[start:end])
        for populator in populators:
            populator.populate(row, instance)
        for name, position in annotations:
            setattr(instance, name, row[position])
        return instance
