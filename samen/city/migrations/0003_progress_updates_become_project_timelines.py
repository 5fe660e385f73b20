"""The winning ideas' and the funded proposals' progress reports (votes.ProgressUpdate, budgets.ProgressUpdate: two
copies of one feature) become City projects with a timeline of updates. Every report is kept: its status, texts,
link, photo (the same file), author and date. Each idea or proposal with at least one report becomes one project:

- its title and description: a proposal's own (Dutch and French); an idea's in its author's language, copied into
  both official columns until staff translate it;
- its domain: the first of its process's topics that names a strategy domain, else "a participative city";
- its place: the idea's point or the proposal's (or else the process's) neighbourhood; its budget: the proposal's cost;
- its followers: the idea's followers, or the proposal's author (who were told of each report before);
- its status: that of its newest report (planned, in progress, delivered, abandoned become new, ongoing, completed,
  abandoned; an abandoned project's reason is the newest report's text).

Notices still waiting for a digest about a report point to the moved update. Going backwards is not supported: the
old tables are dropped by votes 0005 and budgets 0006."""

from django.db import migrations
from django.utils.text import slugify

STATUS = {"planned": "new", "in_progress": "ongoing", "delivered": "completed", "abandoned": "abandoned"}
FALLBACK_DOMAIN = "participative-exemplary"


def _domain(Domain, process):
    slugs = set(Domain.objects.values_list("slug", flat=True))
    for topic in process.topics or []:
        if topic in slugs:
            return Domain.objects.get(slug=topic)
    return Domain.objects.filter(slug=FALLBACK_DOMAIN).first() or Domain.objects.order_by("pk").first()


def _slug(Project, title, pk_hint):
    base = (slugify(title)[:60] or "project").strip("-")
    slug, n = base, 1
    while Project.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{pk_hint}" if n == 2 else f"{base}-{pk_hint}-{n}"
    return slug


def _move_updates(apps, old_updates, project, Pending, event):
    ProjectUpdate = apps.get_model("city", "ProjectUpdate")
    newest = None
    for old in old_updates.order_by("published_at", "pk"):
        new = ProjectUpdate.objects.create(
            project=project,
            status=STATUS[old.status],
            text_nl=old.text_nl,
            text_fr=old.text_fr,
            text_en=old.text_en,
            link=old.link,
            photo=old.photo.name,
            author_id=old.author_id,
            published_at=old.published_at,
        )
        Pending.objects.filter(event=event, object_id=old.pk).update(event="city.update", object_id=new.pk)
        newest = new
    project.status = newest.status
    if newest.status == "abandoned":
        project.abandoned_reason_nl, project.abandoned_reason_fr = newest.text_nl, newest.text_fr
        project.abandoned_reason_en = newest.text_en
    if newest.status == "completed":
        project.completed_on = newest.published_at.date()
    project.save()


def _places(ProjectPlace, project, codes):
    for code in sorted({code for code in codes if code}):
        ProjectPlace.objects.get_or_create(project=project, neighbourhood_code=code)


def forwards(apps, schema_editor):
    Domain = apps.get_model("city", "Domain")
    Project = apps.get_model("city", "Project")
    ProjectPlace = apps.get_model("city", "ProjectPlace")
    ProjectFollow = apps.get_model("city", "ProjectFollow")
    Pending = apps.get_model("notifications", "Pending")
    Follow = apps.get_model("ideas", "Follow")
    IdeaUpdate = apps.get_model("votes", "ProgressUpdate")
    ProposalUpdate = apps.get_model("budgets", "ProgressUpdate")
    if not Domain.objects.exists():
        return  # no strategy loaded and so no project could be classified: there is nothing to move either
    for idea_id in IdeaUpdate.objects.values_list("idea_id", flat=True).distinct().order_by("idea_id"):
        idea = apps.get_model("ideas", "Idea").objects.select_related("process").get(pk=idea_id)
        project = Project.objects.create(
            slug=_slug(Project, idea.title, f"idea-{idea.pk}"),
            title_nl=idea.title,
            title_fr=idea.title,
            description_nl=idea.body,
            description_fr=idea.body,
            domain=_domain(Domain, idea.process),
            latitude=idea.latitude,
            longitude=idea.longitude,
            process=idea.process,
            idea=idea,
        )
        _places(ProjectPlace, project, [idea.neighbourhood_code or idea.process.neighbourhood_code])
        for follower_id in Follow.objects.filter(idea=idea).values_list("follower_id", flat=True):
            ProjectFollow.objects.get_or_create(project=project, follower_id=follower_id)
        _move_updates(apps, IdeaUpdate.objects.filter(idea=idea), project, Pending, "votes.progress")
    for proposal_id in ProposalUpdate.objects.values_list("proposal_id", flat=True).distinct().order_by("proposal_id"):
        proposal = apps.get_model("budgets", "Proposal").objects.select_related("budget__process").get(pk=proposal_id)
        process = proposal.budget.process
        title = proposal.title_fr or proposal.title_nl or proposal.title_en
        project = Project.objects.create(
            slug=_slug(Project, title, f"proposal-{proposal.pk}"),
            title_nl=proposal.title_nl or title,
            title_fr=proposal.title_fr or title,
            title_en=proposal.title_en,
            description_nl=proposal.description_nl,
            description_fr=proposal.description_fr,
            description_en=proposal.description_en,
            domain=_domain(Domain, process),
            budget_planned=proposal.cost or proposal.estimated_cost,
            process=process,
            proposal=proposal,
        )
        _places(ProjectPlace, project, [proposal.neighbourhood_code or process.neighbourhood_code])
        if proposal.author_id:
            ProjectFollow.objects.get_or_create(project=project, follower_id=proposal.author_id)
        _move_updates(apps, ProposalUpdate.objects.filter(proposal=proposal), project, Pending, "budgets.progress")


class Migration(migrations.Migration):
    dependencies = [
        ("city", "0002_projects"),
        ("votes", "0004_progress_published_on_the_brussels_clock"),
        ("budgets", "0005_keys_of_ballots_already_cast"),
        ("notifications", "0003_announcements"),
        ("ideas", "0011_ideas_and_comments_dated_by_the_brussels_clock"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
