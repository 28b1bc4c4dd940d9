"""The API's one error shape in the OpenAPI schema: every operation documents its 4xx answers."""

from __future__ import annotations

from typing import Any

FEL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Alla fel i API:t har denna form, med meddelanden på svenska.",
    "properties": {
        "fel": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "falt": {"type": "string", "nullable": True, "description": "Fältet felet gäller (punktad sökväg), null för hela begäran."},
                    "meddelande": {"type": "string", "description": "Felet på svenska."},
                    "kod": {"type": "string", "description": "Maskinläsbar felkod."},
                },
                "required": ["falt", "meddelande", "kod"],
            },
        }
    },
    "required": ["fel"],
}

FELSVAR = {
    "400": "Ogiltig begäran: fel i indata, okänd parameter eller värde utanför gränserna.",
    "401": "Inte inloggad.",
    "403": "Rollen saknar behörighet.",
    "404": "Finns inte (eller hör till ett annat förbund).",
    "413": "Begäran är för stor.",
}


TID_MONSTER = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


def _lokal_tid(nod: Any) -> None:
    """OpenAPI's `format: time` is RFC 3339 full-time (with an offset); the API sends local wall-clock times
    ("08:30:00", Europe/Stockholm), so they are documented as a pattern instead."""
    if isinstance(nod, dict):
        if nod.get("type") == "string" and nod.get("format") == "time":
            del nod["format"]
            nod["pattern"] = TID_MONSTER
            nod.setdefault("description", "Lokal tid (Europe/Stockholm), TT:MM eller TT:MM:SS.")
        for varde in nod.values():
            _lokal_tid(varde)
    elif isinstance(nod, list):
        for varde in nod:
            _lokal_tid(varde)


def felsvar_i_schemat(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: add the `Fel` component and the 4xx responses to every operation."""
    _lokal_tid(result)
    result.setdefault("components", {}).setdefault("schemas", {})["Fel"] = FEL_SCHEMA
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Fel"}}}
    for operationer in result.get("paths", {}).values():
        for metod, operation in operationer.items():
            if metod not in {"get", "post", "put", "patch", "delete"}:
                continue
            svar = operation.setdefault("responses", {})
            for kod, beskrivning in FELSVAR.items():
                if kod == "413" and metod in {"get", "delete"}:
                    continue
                svar.setdefault(kod, {"description": beskrivning, "content": ref})
    return result
