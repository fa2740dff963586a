"""The made-up first names and surnames both demo services draw their families from."""

FIRST_NAMES = (
    "Aisha",
    "Ben",
    "Cora",
    "Dev",
    "Ela",
    "Femi",
    "Gus",
    "Hiba",
    "Ivo",
    "Jade",
    "Kofi",
    "Lena",
    "Max",
    "Nia",
    "Otis",
    "Pia",
    "Rafi",
    "Suki",
    "Tam",
    "Uma",
    "Vik",
    "Wyn",
)
LAST_NAMES = (
    "Adeyemi",
    "Brook",
    "Carvalho",
    "Dunn",
    "Evans",
    "Farah",
    "Gill",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lund",
    "Mensah",
    "Novak",
    "Osei",
    "Patel",
    "Quinn",
    "Reid",
)
# Families who write their names in another script, so every print shows it can: the family
# at each of these places in the referral order takes this name instead of an invented one.
FAMILIES_IN_OTHER_SCRIPTS = {
    2: ("يوسف", "العلي"),
    4: ("梓涵", "王"),
    8: ("Zofia", "Wójcik"),
}
