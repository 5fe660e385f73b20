"""Who may do what with the City's dashboard and projects: everyone reads them; process managers and
administrators (the City's staff on the platform) enter and import values, create projects and report their
progress, and edit the strategy in the admin; a signed-in resident follows a project."""

import rules

from samen.accounts.rules import is_signed_in
from samen.processes.rules import is_process_manager

is_city_staff = is_process_manager

rules.add_perm("city.manage_indicators", is_city_staff)
rules.add_perm("city.manage_projects", is_city_staff)
rules.add_perm("city.post_project_update", is_city_staff)
rules.add_perm("city.follow_project", is_signed_in)

for model in (
    "domain",
    "objective",
    "indicator",
    "indicatorvalue",
    "populationtable",
    "populationcount",
    "project",
    "projectupdate",
):
    for verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"city.{verb}_{model}", is_city_staff)
rules.add_perm("city", is_city_staff)
