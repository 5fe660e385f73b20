"""Who may do what with the City's dashboard: everyone reads it; process managers and administrators (the City's
staff on the platform) enter and import values and edit the strategy in the admin."""

import rules

from samen.processes.rules import is_process_manager

is_city_staff = is_process_manager

rules.add_perm("city.manage_indicators", is_city_staff)

for model in ("domain", "objective", "indicator", "indicatorvalue", "populationtable", "populationcount"):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"city.{verb}_{model}", is_city_staff)
rules.add_perm("city", is_city_staff)
