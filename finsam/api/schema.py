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


def felsvar_i_schemat(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: add the `Fel` component and the 4xx responses to every operation."""
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
