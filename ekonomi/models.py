"""Models of this app (see README and the app's issue)."""
