"""The site's URL map and its error handlers, plus one page that fails, to see the 500 page."""

from django.urls import path

from alliance.web.urls import handler403, handler404, handler500, urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def fails(request):
    raise RuntimeError("a failure the error page must not show")


urlpatterns = [path("fails/", fails), *urlpatterns]
