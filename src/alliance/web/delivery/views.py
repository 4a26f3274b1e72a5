"""Delivery's pages: the contact form and sends on the client page, the kiosk, the digest choice,
the clinic admin's list of failures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from alliance.web.checkin.submissions import raises_urgent_alert
from alliance.web.checkin.views import checkin, crisis_contact
from alliance.web.clinic.access import get_own_client
from alliance.web.clinic.languages import said_in, shown_in
from alliance.web.clinic.models import CheckinSubmission

from . import kiosk, services
from .forms import ContactForm, DigestForm, KioskCodeForm
from .models import DigestChoice, Failure
from .tokens import token_for

KIOSK_CHECKIN_KEY = "alliance-kiosk-delivery"
KIOSK_CRISIS_KEY = "alliance-kiosk-crisis"
KIOSK_LANGUAGE_KEY = "alliance-kiosk-language"  # the last client's, for their thank-you screen


def _say_problems(request, error: ValidationError, form=None) -> None:
    for field, problems in error.message_dict.items():
        label = form.fields[field].label if form is not None and field in form.fields else field
        messages.error(request, f"{label}: {' '.join(problems)}")


@never_cache
@login_required
@require_POST
def contact(request, code: str):
    """Set the client's email, mobile and how check-ins are sent (their own therapist only)."""
    client = get_own_client(request.user, code)
    form = ContactForm(request.POST)
    if not form.is_valid():
        _say_problems(request, ValidationError(form.errors), form)
        return redirect("client", code=client.code)
    try:
        services.set_contact(client, **form.cleaned_data, actor=request.user)
    except ValidationError as error:
        _say_problems(request, error, form)
    else:
        messages.success(request, _("Contact details saved."))
    return redirect("client", code=client.code)


@never_cache
@login_required
@require_POST
def send_now(request, code: str, number: int):
    """Send (or resend) the session's check-in now by the client's chosen channel."""
    client = get_own_client(request.user, code)
    session = get_object_or_404(client.sessions, number=number)
    channel = request.POST.get("channel") or services.contact_of(client).delivery
    try:
        services.send_checkin(session, channel=channel, actor=request.user)
    except ValidationError as error:
        _say_problems(request, error)
    else:
        messages.success(
            request, _("The check-in of session %(number)s is on its way.") % {"number": number}
        )
    return redirect("client", code=client.code)


@never_cache
@login_required
@require_POST
def kiosk_code(request, code: str, number: int):
    """A one-use code for the clinic's kiosk, shown once."""
    client = get_own_client(request.user, code)
    session = get_object_or_404(client.sessions, number=number)
    try:
        _, typed, issued = kiosk.issue_code(session, actor=request.user)
    except ValidationError as error:
        _say_problems(request, error)
        return redirect("client", code=client.code)
    context = {"client": client, "session": session, "code": typed, "issued": issued}
    return render(request, "delivery/kiosk_code.html", context)


def _kiosk_device(request):
    device = kiosk.device_of(request)
    if device is None:
        raise Http404("Not a kiosk")
    return device


@never_cache
@login_required
def kiosk_home(request):
    """The kiosk's blank screen: type your code. Its thank-you screen is in the language of the
    client who just answered; the blank screen in the device's own."""
    device = _kiosk_device(request)
    request.session.pop(KIOSK_CHECKIN_KEY, None)
    done = request.GET.get("done") == "1"
    language = request.session.pop(KIOSK_LANGUAGE_KEY, None) if done else None
    with shown_in(language) as shown:
        return said_in(_kiosk_screen(request, device, done), shown)


def _kiosk_screen(request, device, done: bool):
    form = KioskCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            delivery = kiosk.redeem_code(device, form.cleaned_data["code"])
        except kiosk.KioskRefused as refused:
            form.add_error("code", refused.reason)
        else:
            request.session[KIOSK_CHECKIN_KEY] = delivery.pk
            return redirect("kiosk-checkin")
    risk_of = request.session.pop(KIOSK_CRISIS_KEY, None) if done else None
    context = {"form": form, "done": done, "risk": risk_of is not None}
    context["crisis"] = crisis_contact(risk_of)
    return render(request, "delivery/kiosk.html", context)


@never_cache
@login_required
def kiosk_checkin(request):
    """The check-in opened by the code, served at the kiosk's own address (no token shown)."""
    _kiosk_device(request)
    from .models import Delivery

    delivery = Delivery.objects.filter(pk=request.session.get(KIOSK_CHECKIN_KEY)).first()
    if delivery is None or delivery.link_id is None:
        return redirect("kiosk")
    response = checkin(request, token_for(delivery.seed))
    submission = CheckinSubmission.objects.filter(link_id=delivery.link_id).first()
    if submission is not None:
        request.session.pop(KIOSK_CHECKIN_KEY, None)
        request.session[KIOSK_LANGUAGE_KEY] = submission.language
        if raises_urgent_alert(submission.answers, {}):
            # the next screen shows the clinic's crisis words once, then the kiosk is blank again
            request.session[KIOSK_CRISIS_KEY] = submission.client_id
        return redirect("/kiosk/?done=1")
    return response


@never_cache
@login_required
def digest(request):
    """A staff member's choice of the daily digest of waiting alerts."""
    choice, _created = DigestChoice.objects.get_or_create(user=request.user)
    form = DigestForm(request.POST or None, initial={"daily": choice.daily})
    if request.method == "POST" and form.is_valid():
        choice.daily = form.cleaned_data["daily"]
        choice.save(update_fields=["daily"])
        messages.success(request, _("Saved."))
        return redirect("digest")
    return render(request, "delivery/digest.html", {"form": form, "email": request.user.email})


RECENT_FAILURES = 100


@never_cache
@login_required
def failures(request):
    """The clinic admin's list of what failed in the background: tasks that gave up after their
    retries and check-ins that could not be sent, newest first, by client code only."""
    user = request.user
    if not (user.is_active and user.is_clinic_admin and user.clinic_id):
        raise Http404("No such page")
    found = Failure.objects.filter(clinic_id=user.clinic_id)[:RECENT_FAILURES]
    return render(request, "delivery/failures.html", {"failures": found})
