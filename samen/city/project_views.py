"""A City project's page (its facts, where it comes from, its timeline, its indicators), following it, and staff's
pages to create a project (from a winning idea or a funded proposal in one step) and to report its progress; a
process's follow-up page lists the projects it gave rise to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from samen.accounts.models import User
from samen.city import notifications, origins, project_map, queries, services
from samen.city.forms import ProjectForm, ProjectUpdateForm
from samen.city.models import Domain, Project, ProjectFollow
from samen.common.geography import neighbourhoods
from samen.common.http import INVALID, require
from samen.processes import page as process_page
from samen.processes.models import Process

PER_PAGE = 25


def _project(slug: str) -> Project:
    return get_object_or_404(
        Project.objects.select_related("domain", "process", "idea", "proposal", "initiative"), slug=slug
    )


def project(request, slug):
    found = _project(slug)
    following = (
        request.user.is_authenticated and ProjectFollow.objects.filter(project=found, follower=request.user).exists()
    )
    context = {
        "project": found,
        "updates": found.updates.all(),
        "neighbourhoods": found.neighbourhood_names,
        "indicators": found.indicators.select_related("domain"),
        "origin": queries.public_origin(found),  # what a visitor may open: nothing of a draft or a hidden idea
        "following": following,
        "may_report": request.user.has_perm("city.post_project_update", found),
    }
    return render(request, "city/project.html", context)


@login_required
@require_POST
def follow(request, slug):
    found = _project(slug)
    if request.POST.get("action") == "unfollow":
        services.unfollow_project(project=found, follower=request.user)
        messages.success(request, _("You no longer follow this project."))
    else:
        require(request, "city.follow_project", found)
        services.follow_project(project=found, follower=request.user)
        messages.success(request, _("You follow this project: each update comes to you by e-mail."))
    return redirect(found)


@csrf_exempt  # the signed token in the address is the proof; mail clients POST here without a form (RFC 8058)
def unfollow(request, token):
    """The link in a follower's e-mail: a GET only asks, a POST stops following (or follows again)."""
    try:
        target = notifications.read_unfollow_token(token)
    except signing.SignatureExpired:
        refusal = _("This link has expired. Sign in to stop following the project from its page.")
        return render(request, "city/unfollow.html", {"refusal": refusal}, status=400)
    except signing.BadSignature:
        refusal = _("This link is not valid; your e-mail program may have cut it.")
        return render(request, "city/unfollow.html", {"refusal": refusal}, status=400)
    found = get_object_or_404(Project, pk=target["project"])
    follower = get_object_or_404(User, pk=target["follower"])
    followed_again = request.method == "POST" and request.POST.get("action") == "follow"
    if followed_again:
        ProjectFollow.objects.get_or_create(project=found, follower=follower)
    elif request.method == "POST":
        services.unfollow_project(project=found, follower=follower)
    following = ProjectFollow.objects.filter(project=found, follower=follower).exists()
    context = {"project": found, "following": following, "followed_again": followed_again}
    return render(request, "city/unfollow.html", context)


@login_required
def post_update(request, slug):
    found = _project(slug)
    require(request, "city.post_project_update", found)
    form = ProjectUpdateForm(request.POST or None, request.FILES or None, initial={"status": found.status})
    if request.method == "POST":
        if form.is_valid():
            try:
                services.post_update(
                    project=found,
                    author=request.user,
                    status=form.cleaned_data["status"],
                    text=form.texts(),
                    link=form.cleaned_data["link"],
                    photo=form.cleaned_data["photo"],
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The update is published; the project's followers are told by e-mail."))
                return redirect(found)
        return render(request, "city/project_update_form.html", {"project": found, "form": form}, status=INVALID)
    return render(request, "city/project_update_form.html", {"project": found, "form": form})


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
def new_project(request):
    """A new project; with ?process=…&idea=… or &proposal=…, made from that winning idea or funded proposal."""
    require(request, "city.manage_projects")
    outcome = None
    if request.GET.get("process"):
        process = get_object_or_404(Process, slug=request.GET["process"])
        outcome = origins.outcome_of(
            process=process, idea_id=_number(request.GET.get("idea")), proposal_id=_number(request.GET.get("proposal"))
        )
        if outcome is None:
            raise Http404(_("This is neither a winning idea nor a funded proposal of the process."))
    draft = origins.draft_project(outcome) if outcome else Project()
    form = ProjectForm(request.POST or None, instance=draft)
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.create_project(
                    staff=request.user,
                    project=form.instance,
                    followers=origins.followers_of(outcome) if outcome else (),
                )
            except ValidationError as refusal:
                form.add_error(None, refusal)
            else:
                messages.success(request, _("The City project is created."))
                return redirect(created)
        return render(request, "city/project_form.html", {"form": form, "outcome": outcome}, status=INVALID)
    return render(request, "city/project_form.html", {"form": form, "outcome": outcome})


def follow_up(request, slug):
    """What became of a process's decisions: its City projects, and for staff, the outcomes still to turn into one;
    the other apps' sections (the published minutes of its meetings)."""
    process = get_object_or_404(Process, slug=slug)
    require(request, "processes.view_process", process)
    may_manage = request.user.has_perm("city.manage_projects")
    context = {
        "process": process,
        "projects": process.city_projects.select_related("domain").prefetch_related("updates"),
        "waiting": origins.outcomes_without_project(process) if may_manage else [],
        "may_manage": may_manage,
        "sections": process_page.sections("follow_up", request, process),  # the minutes of its meetings
    }
    return render(request, "city/follow_up.html", context)


def projects(request):
    """Every City project, filtered by domain, status and neighbourhood with a plain form (works without
    JavaScript); paginated."""
    filters = queries.ProjectFilters.from_query(request.GET)
    found = queries.projects(filters)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    places = neighbourhoods()
    context = {
        "page": page,
        "filters": filters,
        "domains": Domain.objects.all(),
        "statuses": Project.Status.choices,
        "neighbourhood_choices": sorted(((code, n.name) for code, n in places.items()), key=lambda c: c[1]),
        "may_manage": request.user.has_perm("city.manage_projects"),
        "placed": project_map.placed(found).count(),
        "map_query": project_map.query_of(filters),
    }
    return render(request, "city/projects.html", context)


def projects_geojson(request):
    """The projects of the list with a place, as GeoJSON, for the map over the list: the same filters."""
    filters = queries.ProjectFilters.from_query(request.GET)
    return JsonResponse(project_map.as_geojson(queries.projects(filters)))
