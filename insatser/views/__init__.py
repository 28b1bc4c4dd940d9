"""Pages of the insatser app."""
