"""Initiatives: the public list and overdue list, an initiative's page with its signatures and the council's clock,
the promoters' drafting, and the City's check, paper sheets, timeline and decision."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from samen.assisted import queries as assisted_queries
from samen.assisted.forms import ConsentForm
from samen.common.http import INVALID, require
from samen.initiatives import eligibility, queries, services
from samen.initiatives.forms import DecisionForm, EventForm, InitiativeForm, InviteForm, PaperSheetForm, ReviewForm
from samen.initiatives.models import Initiative, Promoter


def _initiative(request, pk) -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("kind"), pk=pk)
    if initiative.status in queries.PRIVATE and not request.user.has_perm("initiatives.view_draft", initiative):
        raise Http404
    return initiative


def index(request):
    return render(request, "initiatives/index.html", {"groups": queries.public_groups()})


def overdue(request):
    return render(request, "initiatives/overdue.html", {"initiatives": queries.overdue_initiatives()})


def detail(request, pk, *, forms=None, status=200):
    initiative = _initiative(request, pk)
    user = request.user
    forms = forms or {}
    context = {
        "initiative": initiative,
        "state": queries.state_of(initiative),
        "events": initiative.events.all(),
        # Accepted promoters only: an invitee's name is theirs to show, by accepting.
        "committee": initiative.promoters.filter(accepted_at__isnull=False).select_related("user").order_by("pk"),
        "signed": queries.has_signed(initiative, user),
        "assisted_signatures": queries.assisted_count(initiative),
        "may_sign_assisted": user.has_perm("initiatives.sign_assisted", initiative),
        "invitation": initiative.promoters.filter(user=user, accepted_at__isnull=True).first()
        if user.is_authenticated
        else None,
        "is_promoter": user.has_perm("initiatives.edit", initiative),
        "is_staff": user.has_perm("initiatives.review", initiative),
        "invite_form": forms.get("invite") or InviteForm(),
        "review_form": forms.get("review") or ReviewForm(),
        "event_form": forms.get("event") or EventForm(),
        "decision_form": forms.get("decision") or DecisionForm(),
    }
    return render(request, "initiatives/detail.html", context, status=status)


def _back(request, initiative, done: str):
    messages.success(request, done)
    return redirect(initiative)


def _refused(request, initiative, refusal: ValidationError | None = None, **forms):
    """The initiative's page again with status 422: a refusal as a message, or refused forms with their errors."""
    if refusal is not None:
        messages.error(request, " ".join(refusal.messages))
    return detail(request, initiative.pk, forms=forms, status=INVALID)


@login_required
def new(request):
    refusal = eligibility.why_not_author(None, request.user)
    if refusal:
        messages.info(request, refusal)
        return redirect(f"{reverse('verify')}?next={quote(request.path)}")
    require(request, "initiatives.draft")
    form = InitiativeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                initiative = services.draft_initiative(
                    kind=form.cleaned_data["kind"],
                    author=request.user,
                    title=form.texts("title"),
                    text=form.texts("text"),
                    reasons=form.texts("reasons"),
                )
                return _back(request, initiative, _("Your draft is saved. Invite your committee, then submit it."))
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    return render(request, "initiatives/form.html", {"form": form}, status=status)


@login_required
def edit(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.edit", initiative)
    initial = {
        f"{name}_{code}": getattr(initiative, f"{name}_{code}")
        for name in ("title", "text", "reasons")
        for code in ("nl", "fr", "en")
    }
    form = InitiativeForm(request.POST or None, initial=initial, with_kind=False)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.edit_initiative(
                    initiative=initiative,
                    author=request.user,
                    title=form.texts("title"),
                    text=form.texts("text"),
                    reasons=form.texts("reasons"),
                )
                return _back(request, initiative, _("The text is saved."))
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    return render(request, "initiatives/form.html", {"form": form, "initiative": initiative}, status=status)


INVITATIONS_RATE = "20/h"  # each invitation mails an address the author types: not a way to send spam


@require_POST
@login_required
@ratelimit(key="user", rate=INVITATIONS_RATE, method="POST", block=True)
def invite(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.edit", initiative)
    form = InviteForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Enter an e-mail address."), code="email")
        services.invite_promoter(initiative=initiative, author=request.user, email=form.cleaned_data["email"])
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return _refused(request, initiative, invite=form)
    # The same words whether the address has an account or not: who is on Samen is nobody's business.
    done = _(
        "Invitation sent to %(email)s. If this address belongs to a Samen account, its holder will find the "
        "invitation on this page; if not, our e-mail asks them to sign up with it first: invite them again then."
    ) % {"email": form.cleaned_data["email"]}
    return _back(request, initiative, done)


@require_POST
@login_required
def accept(request, pk, promoter_pk):
    initiative = _initiative(request, pk)
    promoter = get_object_or_404(Promoter, pk=promoter_pk, initiative=initiative)
    require(request, "initiatives.accept_promotion", promoter)
    try:
        services.accept_promotion(promoter=promoter, user=request.user)
    except ValidationError as refusal:
        return _refused(request, initiative, refusal)
    return _back(request, initiative, _("You are on the committee of promoters."))


@require_POST
@login_required
def submit(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.edit", initiative)
    try:
        services.submit_initiative(initiative=initiative, author=request.user)
    except ValidationError as refusal:
        return _refused(request, initiative, refusal)
    return _back(request, initiative, _("Submitted: the City checks that the initiative is admissible."))


@require_POST
@login_required
def review(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.review", initiative)
    form = ReviewForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose to admit or to return the initiative."), code="choice")
        services.review_admissibility(initiative=initiative, staff=request.user, **form.cleaned_data)
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return _refused(request, initiative, review=form)
    return _back(request, initiative, _("The decision on admissibility is recorded."))


@require_POST
@login_required
def sign(request, pk):
    initiative = _initiative(request, pk)
    refusal = services.collecting(initiative) and eligibility.why_not_signer(initiative.kind, request.user)
    if refusal:
        return _refused(request, initiative, ValidationError(refusal[1], code=refusal[0]))
    require(request, "initiatives.sign", initiative)
    try:
        services.sign(initiative=initiative, user=request.user)
    except ValidationError as refusal:
        return _refused(request, initiative, refusal)
    return _back(request, initiative, _("Thank you: your signature counts."))


@require_POST
@login_required
def withdraw(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.withdraw", initiative)
    try:
        services.withdraw(initiative=initiative, user=request.user)
    except ValidationError as refusal:
        return _refused(request, initiative, refusal)
    return _back(request, initiative, _("Your signature is withdrawn."))


@login_required
def paper(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.enter_paper", initiative)
    form = PaperSheetForm(request.POST or None)
    report, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = services.enter_paper_sheet(
                    initiative=initiative,
                    staff=request.user,
                    reference=form.cleaned_data["reference"],
                    lines=form.cleaned_data["lines"],
                )
                form = PaperSheetForm()
            except ValidationError as refusal:
                form.add_error(None, refusal)
                status = INVALID
        else:
            status = INVALID
    context = {"initiative": initiative, "form": form, "report": report, "sheets": queries.sheets_of(initiative)}
    return render(request, "initiatives/paper.html", context, status=status)


def agreement(initiative) -> str:
    """The sentence the resident agrees to, in the language of the page the facilitator shows them."""
    return _(
        "The resident agreed that I sign the citizens' initiative “%(initiative)s” in their name, and that it counts "
        "as their one signature."
    ) % {"initiative": initiative.title}


@login_required
def sign_assisted(request, pk):
    """A facilitator signs for a resident met in person, with their consent (samen/assisted)."""
    initiative = _initiative(request, pk)
    require(request, "initiatives.sign_assisted", initiative)
    form = ConsentForm(
        request.POST or None,
        agreement=agreement(initiative),
        initial={"place": assisted_queries.last_place(request.user)},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.sign_assisted(initiative=initiative, facilitator=request.user, consent=form.given())
                messages.success(request, _("The resident's signature is entered, with their consent."))
                return redirect("initiatives:sign_assisted", pk=initiative.pk)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        status = INVALID
    context = {"initiative": initiative, "form": form, "assisted_count": queries.assisted_count(initiative)}
    return render(request, "initiatives/assisted.html", context, status=status)


@require_POST
@login_required
def event(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.follow_council", initiative)
    form = EventForm(request.POST)
    if not form.is_valid():
        return _refused(request, initiative, event=form)
    data = form.cleaned_data
    services.add_event(
        initiative=initiative,
        staff=request.user,
        kind=data["kind"],
        day=data["day"],
        title={"nl": data["title_nl"], "fr": data["title_fr"]},
        link=data["link"],
    )
    return _back(request, initiative, _("Added to the timeline."))


@require_POST
@login_required
def decide(request, pk):
    initiative = _initiative(request, pk)
    require(request, "initiatives.follow_council", initiative)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Check the decision's fields."), code="decision_form")
        services.record_decision(initiative=initiative, staff=request.user, **form.cleaned_data)
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return _refused(request, initiative, decision=form)
    return _back(request, initiative, _("The council's decision is recorded; the signatories are told."))
