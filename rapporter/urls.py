
app_name = "rapporter"
urlpatterns: list = []  # type: ignore[type-arg]
