from django.shortcuts import redirect


def home(request):
    """Staff go to their caseload; anyone else starts at the staff login."""
    return redirect("caseload" if request.user.is_authenticated else "login")
