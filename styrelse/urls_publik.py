"""Public pages without login (the digital notice board, /anslagstavla/)."""

urlpatterns: list = []  # type: ignore[type-arg]
