from django.urls import path

from . import views

urlpatterns = [
    path("clients/<str:code>/contact/", views.contact, name="client-contact"),
    path("clients/<str:code>/sessions/<int:number>/send/", views.send_now, name="send-checkin"),
    path(
        "clients/<str:code>/sessions/<int:number>/kiosk-code/",
        views.kiosk_code,
        name="kiosk-code",
    ),
    path("kiosk/", views.kiosk_home, name="kiosk"),
    path("kiosk/checkin/", views.kiosk_checkin, name="kiosk-checkin"),
    path("account/notifications/", views.digest, name="digest"),
    path("clinic/failures/", views.failures, name="failures"),
]
