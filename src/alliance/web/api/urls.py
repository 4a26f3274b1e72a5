from django.urls import path

from . import fhir, views
from .api import api

urlpatterns = [
    path("account/tokens/", views.tokens, name="api-tokens"),
    path("account/tokens/<int:pk>/revoke/", views.revoke_token, name="api-token-revoke"),
    path("api/v1/", api.urls),
]

fhir_patterns = [
    path("fhir/r4/", fhir.transaction, name="fhir-transaction"),
    path("fhir/r4/Questionnaire", fhir.questionnaires, name="fhir-questionnaires"),
    path("fhir/r4/Patient/<str:code>/$everything", fhir.everything, name="fhir-everything"),
]
urlpatterns += fhir_patterns
