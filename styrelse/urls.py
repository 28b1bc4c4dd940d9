
app_name = "styrelse"
urlpatterns: list = []  # type: ignore[type-arg]
