"""The demo processes, written for the demo (CC0).

Theme labels come from data/brussels/participation_themes.json.
"""

DEMO_PROCESSES = [
    {
        "slug": "brussels-hacks-the-crisis",
        "topics": ["dynamic-smart", "open-solidary"],
        "voters": "",  # open voting, said so on the result page: demo accounts fill the ballot box
        "theme_set": "brussels-hacks-the-crisis-2020",
        "scope": "region",
        "title": {
            "nl": "Brussels hacks the crisis",
            "fr": "Brussels hacks the crisis",
            "en": "Brussels hacks the crisis",
        },
        "description": {
            "nl": "De crisis heeft veranderd hoe we werken, leren, winkelen en voor elkaar zorgen. Het Gewest vraagt "
            "uw ideeën om Brussel sterker te maken.\n\nPost uw idee onder een van de vier thema's, geef commentaar "
            "en steun de ideeën van anderen. Na de oproep kiest een jury van experts vijf ideeën; daarna stemmen de "
            "Brusselaars en worden de twee winnaars uitgewerkt.",
            "fr": "La crise a changé notre façon de travailler, d'apprendre, de faire nos courses et de prendre soin "
            "les uns des autres. La Région vous demande vos idées pour rendre Bruxelles plus forte.\n\nPubliez votre "
            "idée sous l'un des quatre thèmes, commentez et soutenez celles des autres. Après l'appel, un jury "
            "d'experts retient cinq idées ; les Bruxellois votent ensuite et les deux lauréates sont réalisées.",
            "en": "The crisis changed how we work, learn, shop and care for each other. The Region asks for your "
            "ideas to make Brussels stronger.\n\nPost your idea under one of the four themes, comment on and support "
            "other people's ideas. After the call, an expert jury shortlists five ideas; then Brussels residents "
            "vote and the two winners are built.",
        },
        "themes": ["new-way-of-working", "new-way-of-learning", "local-commerce", "culture-solidarity"],
        # (kind, first day, last day) in days from today: the call is over, its winners are being built.
        "phases": [
            ("idea_collection", -240, -200, {"nl": "Ideeën indienen", "fr": "Dépôt des idées", "en": "Idea call"}),
            ("jury_review", -199, -170, {"nl": "Juryselectie", "fr": "Sélection par le jury", "en": "Jury shortlist"}),
            ("shortlist_vote", -169, -140, {"nl": "Stemming", "fr": "Vote", "en": "Vote"}),
            ("follow_up", -139, 200, {"nl": "Uitvoering", "fr": "Réalisation", "en": "Building the winners"}),
        ],
        "story": "past_vote",
    },
    {
        "slug": "place-bockstael",
        "topics": ["changing", "moving"],
        "voters": "",  # open voting, said so on the result page: demo accounts fill the ballot box
        "theme_set": "city-of-brussels-smart-city-strategy",
        "scope": "neighbourhood",
        "neighbourhood_code": 20,
        "title": {
            "nl": "Bockstaelplein: wat eerst?",
            "fr": "Place Bockstael : par quoi commencer ?",
            "en": "Place Bockstael: what first?",
        },
        "description": {
            "nl": "De buurt heeft ideeën ingediend voor het Bockstaelplein en een jury heeft er vijf gekozen. Stem "
            "nu voor het project dat de Stad eerst uitvoert.",
            "fr": "Le quartier a proposé des idées pour la place Bockstael et un jury en a retenu cinq. Votez "
            "maintenant pour le projet que la Ville réalisera en premier.",
            "en": "The neighbourhood proposed ideas for Place Bockstael and a jury shortlisted five. Vote now for "
            "the project the City builds first.",
        },
        "themes": ["nearby-city", "healthy-city", "city-in-motion", "open-and-solidary-city"],
        "phases": [
            ("idea_collection", -60, -31, {"nl": "Ideeën indienen", "fr": "Dépôt des idées", "en": "Idea call"}),
            ("jury_review", -30, -4, {"nl": "Juryselectie", "fr": "Sélection par le jury", "en": "Jury shortlist"}),
            ("shortlist_vote", -3, 11, {"nl": "Stemming", "fr": "Vote", "en": "Vote"}),
            ("follow_up", 12, 365, {"nl": "Uitvoering", "fr": "Réalisation", "en": "Building the winner"}),
        ],
        "story": "open_vote",
    },
    {
        "slug": "vieux-laeken-est",
        "topics": ["changing", "healthy"],
        "theme_set": "city-of-brussels-smart-city-strategy",
        "scope": "neighbourhood",
        "neighbourhood_code": 20,
        "title": {
            "nl": "Oud Laken Oost: uw wijk, uw ideeën",
            "fr": "Vieux Laeken Est : votre quartier, vos idées",
            "en": "Vieux Laeken Est: your neighbourhood, your ideas",
        },
        "description": {
            "nl": "De Stad Brussel bereidt het wijkcontract voor Oud Laken Oost voor. Wat moet er beter rond de "
            "Kerk van Laken, het Bockstaelplein en het park? Deel uw ideeën volgens de assen van de Smart "
            "City-strategie van de Stad.",
            "fr": "La Ville de Bruxelles prépare le contrat de quartier de Vieux Laeken Est. Que faut-il améliorer "
            "autour de l'église de Laeken, de la place Bockstael et du parc ? Partagez vos idées selon les axes de "
            "la stratégie Smart City de la Ville.",
            "en": "The City of Brussels is preparing the neighbourhood contract for Vieux Laeken Est. What should "
            "improve around Laeken church, Place Bockstael and the park? Share your ideas under the axes of the "
            "City's Smart City strategy.",
        },
        "themes": ["nearby-city", "healthy-city", "city-in-motion", "open-and-solidary-city"],
        "phases": [
            ("information", -30, -8, {"nl": "Kennismaking", "fr": "Présentation", "en": "Introduction"}),
            (
                "idea_collection",
                -7,
                21,
                {"nl": "Ideeën indienen", "fr": "Dépôt des idées", "en": "Idea call"},
            ),
        ],
    },
]

DEMO_PROCESSES += [
    {
        "slug": "pentagone-budget",
        "topics": ["close-by", "healthy"],
        "voters": "",  # open voting, said so on the result page: demo accounts fill the ballot box
        "theme_set": None,
        "scope": "municipality",
        "municipality_nis": "21004",
        "title": {
            "nl": "Burgerbegroting Vijfhoek",
            "fr": "Budget participatif du Pentagone",
            "en": "Pentagon participatory budget",
        },
        "description": {
            "nl": "De Stad Brussel geeft 250.000 euro aan de bewoners van de Vijfhoek. Bewoners en verenigingen "
            "stelden projecten voor, de stadsdiensten controleerden hun kostprijs en haalbaarheid, en de bewoners "
            "kozen welke projecten worden uitgevoerd.",
            "fr": "La Ville de Bruxelles confie 250 000 euros aux habitants du Pentagone. Habitants et associations "
            "ont proposé des projets, les services de la Ville en ont vérifié le coût et la faisabilité, et les "
            "habitants ont choisi ceux qui seront réalisés.",
            "en": "The City of Brussels entrusts 250,000 euros to the residents of the Pentagon. Residents and "
            "associations proposed projects, City services checked their cost and feasibility, and residents "
            "chose which ones are built.",
        },
        "themes": [],
        "phases": [
            ("proposal_submission", -150, -121, None),
            ("feasibility_review", -120, -91, None),
            ("budget_ballot", -90, -61, None),
            ("follow_up", -60, 300, None),
        ],
        "story": "past_budget",
    },
    {
        "slug": "laeken-budget",
        "topics": ["close-by", "changing"],
        "voters": "",  # open voting, said so on the result page: demo accounts fill the ballot box
        "theme_set": None,
        "scope": "municipality",
        "municipality_nis": "21004",
        "title": {
            "nl": "Wijkbegroting Laken",
            "fr": "Budget de quartier de Laeken",
            "en": "Laeken neighbourhood budget",
        },
        "description": {
            "nl": "120.000 euro voor projecten in Oud-Laken. Kies de projecten die u wilt, binnen de begroting.",
            "fr": "120 000 euros pour des projets au Vieux Laeken. Choisissez les projets que vous voulez, dans "
            "les limites du budget.",
            "en": "120,000 euros for projects in Old Laeken. Choose the projects you want, within the budget.",
        },
        "themes": [],
        "phases": [
            ("proposal_submission", -60, -31, None),
            ("feasibility_review", -30, -6, None),
            ("budget_ballot", -5, 20, None),
            ("follow_up", 21, 365, None),
        ],
        "story": "open_budget",
    },
]

DEMO_PROCESSES += [
    {
        "slug": "laeken-neighbourhood-council",
        "topics": ["participative-exemplary"],
        "theme_set": None,
        "scope": "neighbourhood",
        "neighbourhood_code": 20,
        "title": {
            "nl": "Wijkraad van Laken",
            "fr": "Conseil de quartier de Laeken",
            "en": "Neighbourhood council of Laeken",
        },
        "description": {
            "nl": "Laken heeft een wijkraad: vijftien bewoners, door het lot gekozen uit Oud-Laken West, Oud-Laken "
            "Oost en Houba, naast vijf afgevaardigden van verenigingen, voor twee jaar. Negenhonderd bewoners, door "
            "het lot gekozen uit het bevolkingsregister, kregen een uitnodiging; wie wilde, antwoordde met de code "
            "uit de brief. De raad werd getrokken met quota op geslacht, leeftijd en wijk, met een vooraf "
            "aangekondigde seed: iedereen kan de trekking narekenen.",
            "fr": "Laeken a un conseil de quartier : quinze habitants tirés au sort au Vieux Laeken Ouest, au Vieux "
            "Laeken Est et au Houba, à côté de cinq délégués d'associations, pour deux ans. Neuf cents habitants, "
            "tirés au sort dans le registre de la population, ont reçu une invitation ; ceux qui le voulaient ont "
            "répondu avec le code de leur lettre. Le conseil a été tiré avec des quotas de genre, d'âge et de "
            "quartier, et une graine annoncée à l'avance : chacun peut recompter le tirage.",
            "en": "Laeken has a neighbourhood council: fifteen residents drawn by lot in Vieux Laeken Ouest, Vieux "
            "Laeken Est and Houba, beside five delegates of associations, for two years. Nine hundred residents, "
            "drawn at random from the population register, received an invitation; those who wished answered with "
            "the code in their letter. The council was drawn with quotas on gender, age and neighbourhood and a "
            "seed announced beforehand: anyone can recount the draw.",
        },
        "themes": [],
        "phases": [
            ("information", -230, -201, {"nl": "Uitnodigingen", "fr": "Invitations", "en": "Invitations"}),
            ("volunteer_registration", -200, -171, None),
        ],
        "story": "past_panel",
    },
    {
        "slug": "marolles-citizens-panel",
        "topics": ["participative-exemplary", "open-solidary"],
        "theme_set": None,
        "scope": "neighbourhood",
        "neighbourhood_code": 8,
        "title": {
            "nl": "Burgerpanel Marollen: het Vossenplein van morgen",
            "fr": "Panel citoyen des Marolles : la place du Jeu de Balle demain",
            "en": "Marolles citizens' panel: tomorrow's Jeu de Balle square",
        },
        "description": {
            "nl": "Twaalf bewoners van de Marollen, door het lot gekozen, adviseren de Stad over de heraanleg van "
            "het Vossenplein. Driehonderd bewoners kregen een brief met een persoonlijke code: hebt u er een "
            "ontvangen, antwoord dan met uw code om mee te loten.",
            "fr": "Douze habitants des Marolles, tirés au sort, conseillent la Ville sur le réaménagement de la place "
            "du Jeu de Balle. Trois cents habitants ont reçu une lettre avec un code personnel : si vous en avez "
            "reçu une, répondez avec votre code pour participer au tirage.",
            "en": "Twelve Marolles residents, drawn by lot, advise the City on the redesign of the Jeu de Balle "
            "square. Three hundred residents received a letter with a personal code: if you received one, answer "
            "with your code to take part in the draw.",
        },
        "themes": [],
        "phases": [
            ("information", -35, -15, {"nl": "Uitnodigingen", "fr": "Invitations", "en": "Invitations"}),
            ("volunteer_registration", -14, 20, None),
        ],
        "story": "open_panel",
    },
]

# key: (display name, home neighbourhood code)
DEMO_PROCESSES += [
    {
        "slug": "place-du-jeu-de-balle",
        "topics": ["close-by", "changing"],
        "voters": "",  # open to any signed-in account, said so on the page: demo accounts answer
        "theme_set": None,
        "scope": "neighbourhood",
        "neighbourhood_code": 8,
        "title": {
            "nl": "Vossenplein: uw mening",
            "fr": "Place du Jeu de Balle : votre avis",
            "en": "Place du Jeu de Balle: your views",
        },
        "description": {
            "nl": "De Stad richt het Vossenplein in de Marollen opnieuw in. Voor het ontwerp vraagt ze wie er woont, "
            "werkt, verkoopt of langskomt hoe het plein gebruikt wordt en wat er moet veranderen. Uw antwoorden worden "
            "anoniem gepubliceerd.",
            "fr": "La Ville réaménage la place du Jeu de Balle, dans les Marolles. Avant le projet, elle demande à qui "
            "y habite, y travaille, y vend ou y passe comment la place est vécue et ce qui doit changer. Vos "
            "réponses sont publiées de façon anonyme.",
            "en": "The City is redesigning the Place du Jeu de Balle in the Marolles. Before the design, it asks those "
            "who live, work, sell or pass there how the square is used and what should change. Your answers are "
            "published anonymously.",
        },
        "themes": [],
        "phases": [
            ("information", -20, -8, {"nl": "Aankondiging", "fr": "Annonce", "en": "Announcement"}),
            ("consultation", -7, 14, None),
        ],
        "story": "open_consultation",
    },
]

DEMO_RESIDENTS = {
    "amina": ("Amina B.", 17),
    "jan": ("Jan V.", 23),
    "sophie": ("Sophie", 118),
    "lucas": ("Lucas M.", 20),
    "fatima": ("Fatima", 47),
    "pieter": ("Pieter D.", 61),
    "marie": ("Marie-Claire", 109),
    "youssef": ("Youssef", 82),
    "els": ("Els", 67),
    "karim": ("Karim L.", 19),
    "ines": ("Inès", 92),
    "tom": ("Tom", 99),
}
DEMO_STAFF = {
    "juror": ("Jury member", "resident"),
    "moderator": ("Moderator", "moderator"),
    "manager": ("Process manager", "process_manager"),
    "admin": ("Administrator", "administrator"),
    # Enters contributions for residents met in Laeken's public computer room (samen/assisted).
    "facilitator": ("Facilitator (EPN Laeken)", "facilitator"),
}
DEMO_PASSWORD = "samen-demo"  # noqa: S105 - printed for a laptop demo, never used in production
DEMO_DOMAIN = "demo.samen.brussels"
# The demo's staff accounts share this authenticator app secret: add it to an app, or `manage.py demo_totp_code`.
DEMO_TOTP_SECRET = "SAMENDEMOSAMENDEMOSAMENDEMOSAMEN"  # noqa: S105 - printed for a laptop demo, never in production
