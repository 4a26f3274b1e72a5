"""The client's check-in page (no login, a one-use link) and the therapist's post-session form."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alliance.web.clinic.access import get_own_client
from alliance.web.clinic.answers import store_therapist_answers
from alliance.web.clinic.audit import record_read
from alliance.web.clinic.languages import said_in, shown_in
from alliance.web.clinic.models import (
    CheckinLink,
    CheckinSubmission,
    Client,
    ClinicSettings,
    Respondent,
)
from alliance.web.delivery.opened import mark_opened
from alliance.web.followup.schedule import mark_follow_up, queue_follow_up
from alliance.web.goals.checkin import RatingsForm, ratings_of
from alliance.web.goals.progress import own_progress
from alliance.web.wording.models import worded_items

from .forms import CheckinForm
from .links import (
    LinkUnusable,
    create_link,
    find_link,
    find_link_to_submit,
    hash_token,
    use_up,
)
from .page import client_page
from .qr import qr_svg
from .submissions import raises_urgent_alert

UNUSABLE_STATUS = {"unknown": 404, "used": 410, "expired": 410, "answered": 410}
THANKS_COOKIE = "alliance-checkin-thanks"  # which link was answered in this browser
THANKS_SECONDS = 3600


def _client_forms(link, data=None, *, worded: bool = True) -> tuple[CheckinForm, RatingsForm]:
    goals, tasks = link.goals, link.tasks
    return (
        CheckinForm(
            data,
            instruments=link.instruments,
            goals=goals,
            worded=worded_items(link.client_id, link.instruments)
            if worded and link.worded
            else None,
        ),
        RatingsForm(data, goals=goals, tasks=tasks),
    )


@never_cache
def checkin(request, token: str):
    """Show the check-in form, or keep the answers once and send the client to the thank-you
    page (post/redirect/get: Back and reload never send the answers again). Every page is in
    the client's own language, whatever the browser asks for."""
    try:
        if request.method == "POST":
            link = find_link_to_submit(token)
            with shown_in(link.language):
                return _submit(request, link, token)
        link = find_link(token)
        with shown_in(link.language):
            if link.answered:  # through another link, or entered by the therapist
                raise LinkUnusable("answered")
            if link.unopened_delivery is not None:
                mark_opened(link.unopened_delivery)
            return _form_page(request, link, *_client_forms(link))
    except LinkUnusable as problem:
        return _unusable(request, problem, token)


def _submit(request, link: CheckinLink, token: str):
    """Check the answers with the forms, then keep them with one insert that uses up the link."""
    # the wording only changes what is shown, so it is read only to show the form again
    form, ratings = _client_forms(link, request.POST, worded=False)
    if not all([form.is_valid(), ratings.is_valid()]):
        return _form_page(request, link, *_client_forms(link, request.POST))
    use_up(link, form.answers(), scores=form.scores, ratings=ratings_of(ratings))
    thanked = redirect("checkin-thanks", token=token)
    # a signed cookie that names only the link, so the browser keeps nothing of the answers and
    # the submit writes no session row
    thanked.set_signed_cookie(
        THANKS_COOKIE,
        str(link.pk),
        salt=THANKS_COOKIE,
        max_age=THANKS_SECONDS,
        path=reverse("checkin-thanks", args=[token]),
        secure=request.is_secure(),
        httponly=True,
        samesite="Strict",
    )
    return thanked


@never_cache
def thanks(request, token: str):
    """The thank-you page of a kept check-in. The crisis words after a risk answer are shown only
    to the browser that sent the answers, so a copied link shows no more than a plain thank-you."""
    link = (
        CheckinLink.objects.filter(token_hash=hash_token(token))
        .select_related("session__client")
        .first()
    )
    if link is None:
        return _unusable(request, LinkUnusable("unknown"), token)
    submission = CheckinSubmission.objects.filter(link=link).first()
    if submission is None:
        return redirect("checkin", token=token)
    sent = request.get_signed_cookie(
        THANKS_COOKIE, default="", salt=THANKS_COOKIE, max_age=THANKS_SECONDS
    )
    with shown_in(link.session.client.language) as language:
        risk = sent == str(link.pk) and raises_urgent_alert(submission.answers, {})
        context = {"risk": risk, "crisis": crisis_contact(link.session.client_id)}
        context["progress"] = own_progress(submission) if sent == str(link.pk) else None
        return said_in(render(request, "checkin/thanks.html", context), language)


def crisis_contact(client_id: int | None) -> ClinicSettings | None:
    """The clinic settings that hold the crisis contact of this client's clinic."""
    if client_id is None:
        return None
    clinic_id = Client.objects.filter(pk=client_id).values_list("clinic_id", flat=True).first()
    return ClinicSettings.for_clinic(clinic_id) if clinic_id else None


def _form_page(request, link: CheckinLink, form: CheckinForm, ratings: RatingsForm):
    parts = len(form.sections) + (1 if ratings.groups else 0)
    context = {
        "form": form,
        "ratings": ratings,
        "parts": parts,
        "crisis": link.crisis,
    }
    page = HttpResponse(client_page(request, context))
    return said_in(page, translation.get_language())


def _unusable(request, problem: LinkUnusable, token: str):
    """Why the link cannot be used, in its client's language (the browser's for an unknown
    link)."""
    found = (
        CheckinLink.objects.filter(token_hash=hash_token(token))
        .select_related("session__client")
        .first()
    )
    with shown_in(found.session.client.language if found else None) as language:
        page = render(
            request,
            "checkin/unusable.html",
            {
                "reason": problem.reason,
                "crisis": crisis_contact(found.session.client_id if found else None),
            },
            status=UNUSABLE_STATUS[problem.reason],
        )
        return said_in(page, language)


@never_cache
@login_required
@require_POST
def new_link(request, code: str, number: int):
    """Create a check-in link for one session and show it once, with a QR code."""
    client = get_own_client(request.user, code)
    session = get_object_or_404(client.sessions, number=number)
    if (
        session.submissions.exists()
        or session.responses.filter(respondent=Respondent.CLIENT).exists()
    ):
        return render(request, "checkin/already.html", {"client": client, "session": session})
    link, token = create_link(session, by=request.user)
    url = _public_url(request, reverse("checkin", args=[token]))
    context = {"client": client, "session": session, "link": link, "url": url, "qr": qr_svg(url)}
    return render(request, "checkin/link.html", context)


def _public_url(request, path: str) -> str:
    """The address the client opens: the configured public base, else this request's host."""
    base = settings.CHECKIN_BASE_URL
    return base.rstrip("/") + path if base else request.build_absolute_uri(path)


@login_required
def therapist_form(request, code: str, number: int):
    """The therapist's own ratings of the session (alliance-checkin-t)."""
    client = get_own_client(request.user, code)
    session = get_object_or_404(client.sessions, number=number)
    record_read(request, client, "therapist-form", session)
    schedule = ClinicSettings.for_clinic(client.clinic_id)
    instruments = schedule.instruments_for(session.number, Respondent.THERAPIST)
    answered = session.responses.filter(respondent=Respondent.THERAPIST).exists()
    data = request.POST if request.method == "POST" and not answered else None
    form = CheckinForm(
        data, instruments=instruments, goals=[], worded=worded_items(client.pk, instruments)
    )
    if data is not None and form.is_valid():
        with transaction.atomic():
            store_therapist_answers(
                session, form.answers(), therapist=request.user, language=translation.get_language()
            )
            mark_follow_up(session, source=Respondent.THERAPIST)
            queue_follow_up(client.pk)
        return redirect("client", code=client.code)
    context = {"client": client, "session": session, "form": form, "answered": answered}
    return render(request, "checkin/therapist_form.html", context)
