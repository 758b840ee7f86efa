"""Dutch-flavoured word lists the seeder draws from (all invented)."""

PRODUCTS = (
    "Koffiebonen", "Theezakjes", "Melkpoeder", "Suikerklontjes", "Bekers", "Servetten",
    "Afwasmiddel", "Handzeep", "Vuilniszakken", "Papieren handdoeken", "Frisdrank", "Mineraalwater",
    "Sinaasappelsap", "Chocoladerepen", "Koekjes", "Stroopwafels", "Pindakaas", "Hagelslag",
    "Olijfolie", "Pasta", "Rijst", "Tomatensaus", "Mosterd", "Mayonaise", "Kaas", "Roomboter",
    "Yoghurt", "Vla", "Beschuit", "Crackers", "Notenmix", "Drop", "Pepermunt", "Glasreiniger",
    "Allesreiniger", "Schuursponzen", "Aluminiumfolie", "Huishoudfolie", "Bakpapier", "Kaarsen",
)  # fmt: skip
ADJECTIVES = (
    "Biologische", "Premium", "Klassieke", "Huismerk", "Extra", "Verse", "Luxe", "Grote",
    "Voordelige", "Ambachtelijke", "Milde", "Sterke", "Zachte", "Fairtrade",
)  # fmt: skip
SIZES = ("1 kg", "500 g", "250 g", "6 x 1 l", "12 st", "24 st", "2 l", "5 kg", "100 st", "doos 10")
SURNAMES = (
    "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot",
    "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra",
    "Smits", "De Graaf", "Van der Meer", "Van den Berg", "Kok", "Jacobs", "Vermeulen", "Van Dijk",
)  # fmt: skip
TRADES = (
    "Bakkerij", "Slagerij", "Café", "Restaurant", "Hotel", "Lunchroom", "Supermarkt", "Kantine",
    "Catering", "Groothandel", "Brasserie", "Delicatessen", "Kaashandel", "IJssalon",
)  # fmt: skip
LEGAL = ("B.V.", "V.O.F.", "", "", "& Zn.", "Holding B.V.")
STREETS = (
    "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Hoofdstraat",
    "Julianastraat", "Marktplein", "Industrieweg", "Havenkade", "Beukenlaan", "Eikenlaan",
)  # fmt: skip
CITIES = (
    ("Amsterdam", "10"), ("Rotterdam", "30"), ("Den Haag", "25"), ("Utrecht", "35"),
    ("Eindhoven", "56"), ("Groningen", "97"), ("Tilburg", "50"), ("Almere", "13"),
    ("Breda", "48"), ("Nijmegen", "65"), ("Haarlem", "20"), ("Arnhem", "68"),
    ("Zwolle", "80"), ("Leiden", "23"), ("Maastricht", "62"), ("Delft", "26"),
)  # fmt: skip
BELGIAN_CITIES = (("Antwerpen", "2000"), ("Gent", "9000"), ("Brugge", "8000"), ("Leuven", "3000"))
