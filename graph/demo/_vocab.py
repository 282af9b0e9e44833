"""Words the generator draws from: names, streets, offences, establishments, phrases."""

from __future__ import annotations

MALE_FIRST = (
    "James John Robert Michael David William Thomas Andrew Mark Paul Steven Craig Scott Gary "
    "Kevin Stephen Christopher Daniel Ryan Jamie Liam Connor Callum Ross Euan Fraser Gavin Iain "
    "Kieran Lewis Neil Stuart Alan Derek Graham Kenneth Martin Peter Richard Sean Darren Lee "
    "Wayne Adam Jordan Nathan Reece Aled Rhys Gareth Dylan Owen Ciaran Declan"
).split()
FEMALE_FIRST = (
    "Sarah Laura Emma Claire Nicola Lisa Karen Michelle Gemma Rebecca Amy Kirsty Lauren Hannah "
    "Jennifer Louise Natalie Stacey Leanne Donna Angela Joanne Megan Chloe Siobhan Aoife Carys"
).split()
SURNAMES = (
    "Smith Brown Wilson Campbell Stewart Thomson Robertson Anderson MacDonald Scott Reid Murray "
    "Taylor Clark Ross Watson Morrison Paterson Young Mitchell Walker Fraser Miller McDonald Gray "
    "Henderson Hamilton Johnston Duncan Graham Ferguson Kerr Davidson Bell Cameron Kelly Martin "
    "Hughes Jones Williams Davies Evans Thomas Roberts Lewis Morgan Griffiths Jackson White "
    "Harris Wright Green Hall Wood Turner Cooper Ward Morris Moore Baker Hill Price Patel Khan "
    "Ahmed Ali Hussain Begum Nowak Kowalski O'Neill Doherty Quinn McLaughlin Gallagher Byrne"
).split()
STREETS = (
    "High Church Main Station Victoria Albert Park Mill School Queen King Bridge Castle George "
    "North South West East Union Market Springfield Burnside Glebe Kirk Hope Wellington "
    "Argyle Bruce Wallace Douglas Montrose Abbey Grange Meadow Orchard Willow Beech Rowan"
).split()
STREET_KINDS = ("Street", "Road", "Avenue", "Crescent", "Drive", "Gardens", "Place", "Terrace")
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

OFFENCES = {
    1: (
        "Sexual assault",
        "Indecent images of children",
        "Communicating indecently",
        "Rape",
        "Sexual activity with a child",
        "Voyeurism",
    ),
    2: (
        "Assault to severe injury",
        "Culpable homicide",
        "Attempted murder",
        "Wounding with intent",
        "Sexual assault",
    ),
    3: (
        "Domestic abuse",
        "Threats to kill",
        "Stalking",
        "Assault with a weapon",
        "Fire raising",
        "Robbery",
    ),
}
SENTENCES = (
    "Community payback order, 3 years supervision",
    "Imprisonment, 4 years",
    "Imprisonment, 30 months",
    "Extended sentence, 6 years custodial and 4 years extension",
    "Order for lifelong restriction",
    "Suspended sentence order, 2 years",
    "Compulsion order with restriction order",
)
NOTIFICATION_REQUIREMENTS = (
    "Initial notification",
    "Annual notification",
    "Change of address",
    "Foreign travel",
    "Change of name",
    "Bank account and card details",
)
OBJECTIVES = (
    "Maintain stable accommodation; attend treatment programme; no unsupervised contact with "
    "children",
    "Monitor compliance with licence conditions; address alcohol misuse; restrict internet use",
    "Support employment; victim safety planning; exclusion zone around victim's address",
    "Medication compliance; supervised community access; weekly review by clinical team",
)
INTEL_TEXTS = (
    "Subject seen frequently in the company of a person with a history of child sex offences.",
    "Information that the subject is using an unregistered mobile telephone.",
    "Subject reported to be staying overnight at an address not notified to police.",
    "Subject believed to have travelled abroad without notifying.",
    "Third-party report that the subject has contacted the victim through social media.",
    "Subject said to be selling controlled drugs from the notified address.",
)
HANDLING_CONDITIONS = (
    "Not to be disclosed to the subject; consult the originating officer before dissemination.",
    "Disseminate only to MAPPA responsible authorities; source protection applies.",
    "No onward sharing without the authority of the intelligence unit supervisor.",
)
NOTE_TEXTS = (
    "Home visit carried out; no concerns noted.",
    "Unannounced visit, subject not at home; neighbour reports regular absence at weekends.",
    "Subject attended appointment on time and engaged well.",
    "Telephone contact with partner agency regarding accommodation.",
    "Subject raised concerns about harassment from local residents.",
)
MINUTES = (
    "Risk reviewed; plan remains appropriate; next review in 3 months.",
    "Concerns about new relationship with a parent of young children; disclosure considered.",
    "Breach of conditions discussed; recall to custody recommended.",
    "Accommodation unstable; housing partner to identify approved premises.",
)

PRISONS = {
    "S12000049": "HMP Barlinnie",
    "S12000036": "HMP Edinburgh",
    "S12000034": "HMP Grampian",
    "S12000050": "HMP Shotts",
    "S12000048": "HMP Perth",
    "S12000040": "HMP Addiewell",
    "S12000005": "HMP Glenochil",
    "S12000008": "HMP Kilmarnock",
    "S12000045": "HMP Low Moss",
    "E08000003": "HMP Manchester",
    "E08000025": "HMP Birmingham",
    "E08000035": "HMP Leeds",
    "E08000012": "HMP Liverpool",
    "E10000016": "HMP Maidstone",
    "E10000025": "HMP Bullingdon",
    "W06000015": "HMP Cardiff",
    "W06000011": "HMP Swansea",
    "W06000006": "HMP Berwyn",
}
HOSPITALS = {
    "S12000029": "The State Hospital, Carstairs",
    "S12000036": "Royal Edinburgh Hospital, Orchard Clinic",
    "E08000012": "Secure Hospital Unit, Liverpool",
    "E08000025": "Regional Secure Unit, Birmingham",
}

ORDER_PROHIBITIONS = (
    "No unsupervised contact with children under 16",
    "No use of an internet-enabled device without disclosing it to the police",
    "No deletion of internet browsing history",
    "No travel outside the United Kingdom",
    "No entry to parks, play areas or swimming pools",
    "No residence in a household with children under 16",
)
NOTIFICATION_BREACHES = (
    "Failed to notify a change of address within 3 days",
    "Failed to make the annual notification",
    "Failed to notify foreign travel 7 days in advance",
    "Failed to notify a change of name",
    "Failed to notify bank account and card details",
    "Failed to notify residence with a child for 12 hours",
)
