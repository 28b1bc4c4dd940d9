"""Forms of the governance registers, one module per register; they parse input only (the rules are in the services)."""

from .avtal import AvtalDokumentForm, AvtalForm, MedlemAndraForm, MedlemForm, PersonForm, UppsagningForm

__all__ = ["AvtalDokumentForm", "AvtalForm", "MedlemAndraForm", "MedlemForm", "PersonForm", "UppsagningForm"]
