from django.shortcuts import redirect


def home(request):
    """A clinic admin starts at the clinic's overview, other staff at their caseload; anyone else
    at the staff login."""
    if not request.user.is_authenticated:
        return redirect("login")
    admin = request.user.is_clinic_admin and request.user.clinic_id is not None
    return redirect("clinic-overview" if admin else "caseload")
