
app_name = "uppfoljning"
urlpatterns: list = []  # type: ignore[type-arg]
