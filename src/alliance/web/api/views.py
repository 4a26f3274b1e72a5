"""The staff member's own page: their API tokens, created (shown once), listed and revoked."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.defaults import page_not_found

from alliance.web.clinic.audit import record

from .forms import NewTokenForm
from .tokens import TokenError, issue, revoke


@never_cache
@login_required
def tokens(request):
    """GET: the user's tokens; POST: a new one, whose value this answer shows once."""
    form = NewTokenForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        try:
            token, shown = issue(request.user, **form.cleaned_data)
        except TokenError as problem:
            form.add_error(None, str(problem))
        else:
            record(request.user, None, "api-token-created", token)
            form = NewTokenForm()
    context = {"form": form, "shown": shown, "tokens": request.user.api_tokens.all()}
    return render(request, "api/tokens.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def revoke_token(request, pk: int):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    if revoke(token):
        record(request.user, None, "api-token-revoked", token)
        messages.success(request, _("Token %(prefix)s… is revoked.") % {"prefix": token.prefix})
    return redirect("api-tokens")


def not_found(request, exception=None):
    """The site's 404; under /api/ and /fhir/ a JSON answer that names the problem."""
    if request.path.startswith(("/api/", "/fhir/")):
        return JsonResponse({"detail": "not found: no such resource", "errors": []}, status=404)
    return page_not_found(request, exception)
