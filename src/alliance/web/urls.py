"""URL map: staff pages behind login, the client check-in behind a one-use link."""

from django.contrib import admin
from django.urls import include, path

from alliance.web.accounts.views import home

admin.site.site_header = "alliance: staff and clinic settings"

urlpatterns = [
    path("", home, name="home"),
    path("", include("alliance.web.accounts.urls")),
    path("", include("alliance.web.caseload.urls")),
    path("", include("alliance.web.clientpage.urls")),
    path("", include("alliance.web.checkin.urls")),
    path("", include("alliance.web.alerts.urls")),
    path("", include("alliance.web.goals.urls")),
    path("", include("alliance.web.ruptures.urls")),
    path("", include("alliance.web.reports.urls")),
    path("", include("alliance.web.api.urls")),
    path("", include("alliance.web.webhooks.urls")),
    path("", include("alliance.web.exports.urls")),
    path("", include("alliance.web.delivery.urls")),
    path("", include("alliance.web.security.urls")),
    path("", include("alliance.web.clinicadmin.urls")),
    path("admin/", admin.site.urls),
]

# 403 and 500 are Django's own views with the site's 403.html and 500.html; 500.html is rendered
# without a request or the database, so it shows even when those are what failed
handler403 = "django.views.defaults.permission_denied"
handler404 = "alliance.web.api.views.not_found"
handler500 = "django.views.defaults.server_error"
