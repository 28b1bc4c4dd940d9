"""Forms of the governance registers, one module per register; they parse input only (the rules are in the services)."""

from .avtal import AvtalForm, MedlemAndraForm, MedlemForm, PersonForm, UppsagningForm

__all__ = ["AvtalForm", "MedlemAndraForm", "MedlemForm", "PersonForm", "UppsagningForm"]
