from django import forms

from samen.processes.geography import neighbourhood_choices


class NeighbourhoodField(forms.TypedChoiceField):
    """One of the 145 monitoring neighbourhoods by code, or none; names in the active language."""

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(
            choices=lambda: [("", empty_label), *neighbourhood_choices()],
            coerce=int,
            empty_value=None,
            required=False,
            **kwargs,
        )
