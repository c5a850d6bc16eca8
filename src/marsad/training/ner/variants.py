"""The CRF feature variants `marsad train ner --variant` scores; `full+gzpos` is shipped."""

SHIPPED_VARIANT = "full+gzpos"

VARIANTS: dict[str, dict[str, bool]] = {
    "base": {"clusters": False, "gazetteer": False, "triggers": False},
    "clusters": {"clusters": True, "gazetteer": False, "triggers": False},
    "clusters+gazetteer": {"clusters": True, "gazetteer": True, "triggers": False},
    "full": {"clusters": True, "gazetteer": True, "triggers": True},
    "full-nostem": {"clusters": True, "gazetteer": True, "triggers": True, "stems": False},
    "full+priors": {"clusters": True, "gazetteer": True, "triggers": True, "auto": True},
    "full+ngrams": {"clusters": True, "gazetteer": True, "triggers": True, "char_ngrams": True},
    "full+gzpos": {"clusters": True, "gazetteer": True, "triggers": True, "gazetteer_positions": True},
    "full+gzpos+wiki": {
        "clusters": True,
        "gazetteer": True,
        "triggers": True,
        "gazetteer_positions": True,
        "wiki": True,
    },
}
