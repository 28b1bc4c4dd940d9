
app_name = "ekonomi"
urlpatterns: list = []  # type: ignore[type-arg]
