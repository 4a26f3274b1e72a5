from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("account/tokens/", views.tokens, name="api-tokens"),
    path("account/tokens/<int:pk>/revoke/", views.revoke_token, name="api-token-revoke"),
    path("api/v1/", api.urls),
]
