
app_name = "insatser"
urlpatterns: list = []  # type: ignore[type-arg]
