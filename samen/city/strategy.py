"""The strategy's seven domains and five foundations (data/brussels/CITY_STRATEGY_SOURCES.md): Dutch names from the
document, French from the press coverage of its launch (one inferred, one ours), English ours. The first migration
loads them, and so does the demo (a test that empties the database removes them); staff edit them in the admin."""

# (slug, foundation, Dutch, French, English)
DOMAINS = [
    (
        "open-solidary",
        False,
        "Een open en solidaire stad",
        "Une ville ouverte et solidaire",
        "An open and solidary city",
    ),
    ("close-by", False, "Een nabije stad", "Une ville de proximité", "A city close by"),
    ("changing", False, "Een veranderende stad", "Une ville en mutation", "A changing city"),
    ("healthy", False, "Een gezonde stad", "Une ville qui respire", "A healthy city"),
    ("moving", False, "Een stad in beweging", "Une ville qui bouge", "A city on the move"),
    (
        "dynamic-smart",
        False,
        "Een dynamische en intelligente stad",
        "Une ville dynamique et intelligente",
        "A dynamic and smart city",
    ),
    (
        "participative-exemplary",
        False,
        "Een participatieve en voorbeeldige stad",
        "Une ville exemplaire et participative",
        "A participative and exemplary city",
    ),
    ("governance", True, "Strategie en governance", "Stratégie et gouvernance", "Strategy and governance"),
    ("data", True, "Data", "Données", "Data"),
    ("technology", True, "Technologische oplossingen", "Solutions technologiques", "Technological solutions"),
    ("digital-skills", True, "Digitale vaardigheden", "Compétences numériques", "Digital skills"),
    ("financing", True, "Financiering", "Financement", "Financing"),
]


def load_domains(domain_model) -> None:
    """Create the domains that are missing (`domain_model`: the model, or the migration's historical one)."""
    for position, (slug, foundation, nl, fr, en) in enumerate(DOMAINS):
        domain_model.objects.get_or_create(
            slug=slug,
            defaults={"foundation": foundation, "position": position, "name_nl": nl, "name_fr": fr, "name_en": en},
        )
