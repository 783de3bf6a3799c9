"""The demo's content: the company, its staff, its customers, and what they write.

Made-up people and companies (``.example`` domains, phone numbers in a fictional range),
German and English, as a small roofing and solar installer's office sees them.
"""

# The sample texts are German and English as people write them: typographic dashes and a
# Turkish dotless i are meant, not look-alikes of ASCII.
# ruff: noqa: RUF001

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.models import CommDirection, CommType, MediaDirection

COMPANY = "Sonnendach Berlin GmbH"
OFFICE_PHONE = "+49 30 23125 100"
OFFICE_MAIL_DOMAIN = "mail.sonnendach-berlin.example"
STAFF = ("Anna Schmidt", "Jonas Becker", "Sarah Klein")
CUSTOMERS_FOLDER = "/CRM/Customers"

EMAIL, WHATSAPP, CALL, SMS, NOTE, MEETING = (
    CommType.email,
    CommType.whatsapp,
    CommType.call,
    CommType.sms,
    CommType.note,
    CommType.in_person,
)
IN, OUT, INTERNAL = CommDirection.inbound, CommDirection.outbound, CommDirection.internal
RECEIVED, SENT, OWN = MediaDirection.received, MediaDirection.sent, MediaDirection.internal

JPEG, HEIC, PDF, MP4 = "image/jpeg", "image/heic", "application/pdf", "video/mp4"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The projects a customer can have; each gets an order id, and its media records a tag.
SOLAR, ROOF, MAINTENANCE = "solar", "roof", "maintenance"
THEME_TAGS = {SOLAR: "Solar", ROOF: "Dach", MAINTENANCE: "Wartung"}
ANY = "any"  # templates that fit any project


@dataclass(frozen=True)
class _Customer:
    name: str
    organization: str | None
    email: str
    phone: str
    address: str
    notes: str
    tags: tuple[str, ...]
    folder: str  # the Nextcloud folder's last part, under CUSTOMERS_FOLDER
    addressee: str  # how a letter addresses them: "Herr Hoffmann", "Ms Carter"
    english: bool
    business: bool
    themes: tuple[str, ...]  # their projects, oldest first
    comms: int
    media: int
    since_days: int  # when the first contact was
    building: str
    # Entries that end the timeline close to now, so that relative times show.
    recent: tuple[str, ...] = ()  # "yesterday", "hours", "minutes"
    owner: int = 0  # who in STAFF mostly looks after them
    modules: int = 22
    roof_m2: int = 80
    pinned: frozenset[str] = frozenset()  # template keys this customer's story needs
    stage: int = 6  # the furthest phase their story has reached (see _Comm.phase)


@dataclass(frozen=True)
class _Comm:
    # Its place in a project, from 0 (the enquiry) to 6 (after-care); templates that fit
    # several places give the range, and each use picks one.
    phase: int | tuple[int, int]
    type: CommType
    direction: CommDirection
    subject: str | None
    body: str
    attachments: tuple[str, ...] = ()
    key: str = ""


@dataclass(frozen=True)
class _Media:
    filename: str
    mime_type: str
    direction: MediaDirection
    tags: tuple[str, ...]
    with_order: bool = True
    key: str = ""


def _c(
    phase: int | tuple[int, int],
    kind: CommType,
    direction: CommDirection,
    subject: str | None,
    body: str,
    *attachments: str,
    key: str = "",
) -> _Comm:
    return _Comm(phase, kind, direction, subject, body, attachments, key)


# --- the customers --------------------------------------------------------------------------

# Phone numbers and e-mail domains are made up (``.example`` is reserved for examples).
CUSTOMERS: tuple[_Customer, ...] = (
    _Customer(
        name="Andreas Hoffmann",
        organization="Bäckerei Hoffmann GmbH",
        email="a.hoffmann@baeckerei-hoffmann.example",
        phone="+49 30 23125 141",
        address="Hauptstraße 41\n10827 Berlin",
        notes="Drei Filialen in Schöneberg und Friedenau. Entscheidet schnell, "
        "möchte alles schriftlich.\nDie Backstube arbeitet nachts: Gerüst- und Kranarbeiten "
        "nie vor 10 Uhr.",
        tags=("VIP", "Solar", "Dach", "Wartung", "Gewerbe"),
        folder="Hoffmann Bäckerei",
        addressee="Herr Hoffmann",
        english=False,
        business=True,
        themes=(SOLAR, ROOF, MAINTENANCE),
        comms=40,
        media=12,
        since_days=178,
        building="Geschäftshaus mit Backstube",
        recent=("yesterday", "hours", "minutes"),
        owner=0,
        modules=64,
        roof_m2=420,
    ),
    _Customer(
        name="Claudia Wagner",
        organization=None,
        email="claudia.wagner@example.com",
        phone="+49 331 2312582",
        address="Am Neuen Garten 12\n14469 Potsdam",
        notes="Dachsanierung Einfamilienhaus (Biberschwanz, Baujahr 1938).\n"
        "Hund im Garten – vor dem Betreten klingeln. Hat uns an Frau Schulz empfohlen.",
        tags=("Dach",),
        folder="Wagner Claudia",
        addressee="Frau Wagner",
        english=False,
        business=False,
        themes=(ROOF,),
        comms=16,
        media=6,
        since_days=150,
        building="Einfamilienhaus",
        recent=("yesterday",),
        owner=1,
        roof_m2=140,
    ),
    _Customer(
        name="Dr. Markus Schneider",
        organization="Praxis Dr. Schneider",
        email="praxis@dr-schneider.example",
        phone="+49 30 23125 317",
        address="Kaiser-Friedrich-Straße 88\n10585 Berlin",
        notes="Hausarztpraxis im Erdgeschoss; das Dach gehört der Eigentümergemeinschaft "
        "(Beschluss liegt vor).\nNur mittwochs nachmittags gut erreichbar.",
        tags=("Solar", "Speicher"),
        folder="Schneider Praxis",
        addressee="Herr Dr. Schneider",
        english=False,
        business=True,
        themes=(SOLAR,),
        comms=14,
        media=5,
        since_days=120,
        building="Praxisgebäude",
        owner=2,
        modules=30,
        roof_m2=160,
    ),
    _Customer(
        name="Emily Carter",
        organization=None,
        email="emily.carter@example.net",
        phone="+49 176 23125904",
        address="Onkel-Tom-Straße 17\n14169 Berlin",
        notes="Moved from Bristol in 2025, prefers English. Works from home Tue–Thu.\n"
        "Interested in an EV charger next year.",
        tags=("Solar", "English"),
        folder="Carter Emily",
        addressee="Ms Carter",
        english=True,
        business=False,
        themes=(SOLAR,),
        comms=18,
        media=7,
        since_days=140,
        building="house",
        recent=("hours",),
        owner=1,
        modules=22,
        roof_m2=70,
    ),
    _Customer(
        name="Thomas Fischer",
        organization="Fischer & Söhne Hausverwaltung GmbH",
        email="t.fischer@fischer-soehne.example",
        phone="+49 30 23125 522",
        address="Bergmannstraße 5\n10961 Berlin",
        notes="Verwaltet 23 Mehrfamilienhäuser, sechs davon mit unseren PV-Anlagen.\n"
        "Rechnungen immer an buchhaltung@fischer-soehne.example.",
        tags=("VIP", "Wartung", "Dach"),
        folder="Fischer & Söhne",
        addressee="Herr Fischer",
        english=False,
        business=True,
        themes=(MAINTENANCE, ROOF),
        comms=22,
        media=9,
        since_days=175,
        building="Mehrfamilienhaus",
        recent=("yesterday",),
        owner=2,
        modules=48,
        roof_m2=300,
    ),
    _Customer(
        name="James O'Neill",
        organization="Green Harbor Logistics GmbH",
        email="james.oneill@greenharbor.example",
        phone="+49 30 23125 660",
        address="Am Westhafen 3\n13353 Berlin",
        notes="Warehouse roof approx. 2,400 m², installation planned in three phases.\n"
        "Decisions go to the board in Dublin – allow time for approvals.",
        tags=("Solar", "Gewerbe", "English"),
        folder="Green Harbor Logistics",
        addressee="Mr O'Neill",
        english=True,
        business=True,
        themes=(SOLAR,),
        comms=20,
        media=10,
        since_days=165,
        building="warehouse",
        recent=("hours",),
        owner=0,
        modules=220,
        roof_m2=2400,
    ),
    _Customer(
        name="Katharina Müller",
        organization=None,
        email="k.mueller@example.org",
        phone="+49 152 23125733",
        address="Lindenallee 9\n12587 Berlin",
        notes="Neueindeckung im Frühjahr abgeschlossen. Reklamation am Dachfenster offen "
        "(Gewährleistung).",
        tags=("Dach", "Reklamation"),
        folder="Müller Katharina",
        addressee="Frau Müller",
        english=False,
        business=False,
        themes=(ROOF,),
        comms=15,
        media=6,
        since_days=130,
        building="Einfamilienhaus",
        recent=("yesterday", "hours"),
        owner=1,
        roof_m2=110,
        pinned=frozenset({"complaint", "leak-video"}),
    ),
    _Customer(
        name="Lukas Weber",
        organization=None,
        email="lukas.weber@example.com",
        phone="+49 160 23125871",
        address="Schönhauser Allee 120\n10437 Berlin",
        notes="Neukunde: PV auf dem Altbau-Dach über seiner Dachgeschosswohnung. "
        "Die Eigentümerversammlung entscheidet im Herbst.",
        tags=("Solar", "Neukunde"),
        folder="Weber Lukas",
        addressee="Herr Weber",
        english=False,
        business=False,
        themes=(SOLAR,),
        comms=8,
        media=0,
        since_days=12,
        building="Mehrfamilienhaus",
        owner=2,
        modules=16,
        roof_m2=50,
        stage=2,
    ),
    _Customer(
        name="Sabine Krüger",
        organization="Kita Sonnenschein e.V.",
        email="leitung@kita-sonnenschein.example",
        phone="+49 30 23125 914",
        address="Wiesenweg 4\n12247 Berlin",
        notes="Gemeinnütziger Verein, Förderantrag beim Bezirk läuft.\n"
        "Arbeiten nur in der Schließzeit im August.",
        tags=("Solar", "Förderung"),
        folder="Kita Sonnenschein",
        addressee="Frau Krüger",
        english=False,
        business=True,
        themes=(SOLAR,),
        comms=11,
        media=4,
        since_days=160,
        building="Kitagebäude",
        owner=0,
        modules=36,
        roof_m2=190,
    ),
    _Customer(
        name="Petra Neumann",
        organization="Neumann Immobilien",
        email="p.neumann@neumann-immobilien.example",
        phone="+49 30 23125 407",
        address="Karl-Marx-Allee 64\n10243 Berlin",
        notes="Wartungsvertrag für zwei Anlagen (Baujahr 2020). Zahlt zuverlässig.",
        tags=("Wartung",),
        folder="Neumann Immobilien",
        addressee="Frau Neumann",
        english=False,
        business=True,
        themes=(MAINTENANCE,),
        comms=10,
        media=0,
        since_days=170,
        building="Wohnhaus",
        owner=2,
        modules=40,
        roof_m2=220,
    ),
    _Customer(
        name="Olivia Bennett",
        organization="Bennett Design Studio",
        email="hello@bennett-design.example",
        phone="+49 30 23125 238",
        address="Paul-Lincke-Ufer 21\n10999 Berlin",
        notes="Studio in a converted workshop with a flat gravel roof.\n"
        "Wants the panels invisible from the street.",
        tags=("Solar", "Dach", "English"),
        folder="Bennett Design Studio",
        addressee="Ms Bennett",
        english=True,
        business=True,
        themes=(ROOF, SOLAR),
        comms=12,
        media=3,
        since_days=100,
        building="studio",
        owner=1,
        modules=18,
        roof_m2=95,
    ),
    _Customer(
        name="Mehmet Yılmaz",
        organization=None,
        email="mehmet.yilmaz@example.com",
        phone="+49 157 23125166",
        address="Britzer Damm 150\n12347 Berlin",
        notes="Doppelhaushälfte: erst das Dach, dann PV (zwei Aufträge). Bevorzugt WhatsApp.",
        tags=("Dach", "Solar"),
        folder="Yılmaz Mehmet",
        addressee="Herr Yılmaz",
        english=False,
        business=False,
        themes=(ROOF, SOLAR),
        comms=13,
        media=5,
        since_days=110,
        building="Doppelhaushälfte",
        recent=("yesterday",),
        owner=0,
        modules=20,
        roof_m2=85,
    ),
    _Customer(
        name="Stefan Richter",
        organization="Autohaus Richter GmbH",
        email="s.richter@autohaus-richter.example",
        phone="+49 30 23125 781",
        address="Adlergestell 300\n12489 Berlin",
        notes="Solarcarport für 12 Stellplätze mit Ladesäulen in Planung.",
        tags=("Solar", "Gewerbe"),
        folder="Autohaus Richter",
        addressee="Herr Richter",
        english=False,
        business=True,
        themes=(SOLAR,),
        comms=9,
        media=2,
        since_days=60,
        building="Solarcarport",
        owner=2,
        modules=90,
        roof_m2=600,
        stage=2,
    ),
    # A new contact with no communications yet: the timeline's empty state.
    _Customer(
        name="Heike Schulz",
        organization=None,
        email="heike.schulz@example.org",
        phone="+49 331 2312599",
        address="Zeppelinstraße 44\n14471 Potsdam",
        notes="Empfehlung von Frau Wagner, die uns Fotos vom Dach weitergeleitet hat.\n"
        "Noch nicht persönlich erreicht.",
        tags=("Dach", "Neukunde"),
        folder="Schulz Heike",
        addressee="Frau Schulz",
        english=False,
        business=False,
        themes=(ROOF,),
        comms=0,
        media=2,
        since_days=0,
        building="Einfamilienhaus",
        owner=1,
        roof_m2=90,
    ),
)

# --- communications, German -----------------------------------------------------------------

_SIGNATURE_DE = "Mit freundlichen Grüßen\n{staff}\n{company}"

# The template tables are laid out by hand, one template to a block, which the formatter
# would spread over five lines each.
# fmt: off

_DE_COMMS: dict[str, tuple[_Comm, ...]] = {
    SOLAR: (
        _c(0, EMAIL, IN, "Anfrage Photovoltaikanlage",
           "Guten Tag,\n\nwir interessieren uns für eine Photovoltaikanlage mit Stromspeicher für "
           "unser {building} ({street}). Das Dach ist nach Süden ausgerichtet, etwa "
           "{roof_m2} m².\n\nKönnen Sie uns ein unverbindliches Angebot machen? Eine Wallbox "
           "wäre später auch interessant.\n\nMit freundlichen Grüßen\n{name}"),
        _c(0, CALL, OUT, "Rückruf zur PV-Anfrage",
           "{addressee} zurückgerufen. Jahresverbrauch ca. {usage} kWh, Speicher gewünscht.\n"
           "Vor-Ort-Termin am {day} um {time} Uhr vereinbart. Zählerschrank und Dachboden sollen "
           "zugänglich sein."),
        _c(1, MEETING, OUT, "Vor-Ort-Termin und Aufmaß",
           "Dach aufgenommen: ca. {roof_m2} m² nutzbar, Neigung ca. 35°, Verschattung nur morgens "
           "durch den Schornstein.\nZählerschrank alt (Schraubsicherungen), muss auf einen "
           "Zählerplatz nach TAB umgebaut werden.\nPlatz für Wechselrichter und Speicher im "
           "Keller vorhanden. Fotos im Kundenordner.",
           "Dach_Sued_{img}.jpg", "Zaehlerschrank_{img2}.jpg"),
        _c(1, NOTE, INTERNAL, "Netzanfrage gestellt",
           "Netzverträglichkeitsprüfung bei Stromnetz Berlin eingereicht, Vorgang {grid_ref}.\n"
           "Bearbeitungszeit laut Portal ca. 4 Wochen. Wiedervorlage in 3 Wochen."),
        _c(1, EMAIL, INTERNAL, "WG: Ertragsprognose {order}",
           "Hallo zusammen,\n\nanbei die Ertragsprognose für {org_or_name}: ca. {yield_kwh} kWh "
           "im Jahr, Eigenverbrauch mit Speicher rund 65 %.\nBitte bis Donnerstag gegenlesen, "
           "dann geht das Angebot raus.\n\nGruß\n{staff_first}",
           "Ertragsprognose_{order}.xlsx"),
        _c(2, EMAIL, OUT, "Ihr Angebot {order} – Photovoltaikanlage {kwp} kWp",
           "Guten Tag {addressee},\n\nvielen Dank für den freundlichen Empfang vor Ort. Anbei "
           "erhalten Sie unser Angebot:\n\n"
           "• {modules} Glas-Glas-Module à 445 Wp, gesamt {kwp} kWp\n"
           "• Hybrid-Wechselrichter und Batteriespeicher 10,2 kWh\n• Montage inkl. Gerüst, "
           "Zählerplatz und Anmeldung beim Netzbetreiber\n\nGesamtpreis: {amount} € {vat}\n\n"
           "Das Angebot gilt vier Wochen. Für Fragen bin ich gern für Sie da.\n\n" + _SIGNATURE_DE,
           "Angebot_{order}.pdf", "Datenblatt_Modul_445Wp.pdf"),
        _c(2, EMAIL, IN, "Re: Ihr Angebot {order}",
           "Guten Tag,\n\nvielen Dank für das Angebot. Zwei Fragen hätte ich noch:\n"
           "1. Ist eine Notstromfunktion enthalten?\n2. Wann könnten Sie frühestens montieren?\n\n"
           "Viele Grüße\n{name}"),
        _c(2, CALL, IN, "Rückfrage zum Speicher",
           "{addressee} fragt, ob der Speicher später erweitert werden kann: ja, modular bis "
           "20 kWh.\nDatenblatt per Mail nachgeschickt. Entscheidung bis Ende nächster Woche."),
        _c(2, NOTE, INTERNAL, "Preisnachlass freigegeben",
           "Rücksprache mit der Geschäftsführung: 3 % Nachlass freigegeben, falls der Auftrag bis "
           "Monatsende kommt.\nNicht aktiv anbieten, nur auf Nachfrage."),
        _c(3, EMAIL, IN, "Auftrag {order}",
           "Guten Tag,\n\nwir möchten das Angebot {order} gern annehmen. Den unterschriebenen "
           "Vertrag finden Sie im Anhang.\n\nMit freundlichen Grüßen\n{name}",
           "Vertrag_{order}_unterschrieben.pdf"),
        _c(3, EMAIL, OUT, "Auftragsbestätigung {order}",
           "Guten Tag {addressee},\n\nvielen Dank für Ihren Auftrag! Anbei die "
           "Auftragsbestätigung und die Rechnung über die Anzahlung (30 %).\nSobald die Zusage "
           "des Netzbetreibers vorliegt, stimmen wir den Montagetermin mit Ihnen ab.\n\n"
           + _SIGNATURE_DE,
           "Auftragsbestaetigung_{order}.pdf"),
        _c(4, MEETING, INTERNAL, "Baubesprechung {order}",
           "Teilnehmer: {staff}, Montageteam (Kai, Deniz), Elektro Lange\n"
           "– Module werden am {day} geliefert, Kran ist bestellt\n"
           "– Zählerschrank-Umbau durch Elektro Lange, Termin noch offen\n"
           "– Kabelweg außen über die Fassade, nicht durchs Treppenhaus\n"
           "Nächster Schritt: Termin mit Elektro Lange bestätigen ({staff_first})"),
        _c(4, SMS, OUT, None,
           "{company}: Erinnerung – die Montage Ihrer PV-Anlage beginnt am {day} ab 7:30 Uhr, "
           "das Gerüst wird am Vortag gestellt. Fragen: {office_phone}"),
        _c(4, WHATSAPP, IN, None,
           "Guten Morgen! Das Gerüst steht, aber der Container blockiert unsere Einfahrt. Morgen "
           "um 6 Uhr kommt die Lieferung – können Ihre Leute ihn bis dahin umstellen?"),
        _c(4, WHATSAPP, OUT, None,
           "Guten Morgen {addressee}, die Kollegen stellen den Container heute bis 16 Uhr um. "
           "Danke für den Hinweis!"),
        _c(4, WHATSAPP, OUT, None,
           "Die Module sind drauf ☀️ Anbei ein paar Fotos vom Dach. Morgen folgt der "
           "Elektroanschluss.",
           "IMG_{img}.jpg", "IMG_{img2}.jpg"),
        _c(5, MEETING, OUT, "Übergabe und Einweisung",
           "Anlage an {addressee} übergeben, Monitoring-App auf dem Handy eingerichtet.\n"
           "Inbetriebnahmeprotokoll unterschrieben, Unterlagenmappe übergeben.\n"
           "Sehr zufrieden – möchte uns weiterempfehlen.",
           "Inbetriebnahmeprotokoll_{order}.pdf"),
        _c(5, EMAIL, OUT, "Rechnung {order} – Photovoltaikanlage",
           "Guten Tag {addressee},\n\nanbei erhalten Sie die Schlussrechnung für Ihre "
           "Photovoltaikanlage. Bitte überweisen Sie den Betrag innerhalb von 14 Tagen.\n"
           "Die Anmeldung im Marktstammdatenregister haben wir für Sie erledigt.\n\n"
           "Viel Freude mit Ihrem Sonnenstrom!\n\n" + _SIGNATURE_DE,
           "Rechnung_{order}.pdf"),
        _c(6, WHATSAPP, IN, None,
           "Hallo, die App zeigt seit gestern 0 kW an, obwohl die Sonne scheint 😕 "
           "Ist etwas kaputt?",
           "Screenshot_{wdate}.png"),
        _c(6, CALL, OUT, "Störung: keine Daten im Monitoring",
           "Per Fernzugriff geprüft: Der Wechselrichter hat nach einem Router-Tausch die "
           "WLAN-Verbindung verloren, die Anlage produziert normal.\nMit {addressee} das neue "
           "WLAN eingerichtet, Daten kommen wieder an."),
        _c(6, EMAIL, INTERNAL, "WG: Marktstammdatenregister {order}",
           "Hallo zusammen,\n\nkann bitte jemand die MaStR-Registrierung für {org_or_name} bis "
           "Freitag erledigen? Die Frist endet einen Monat nach Inbetriebnahme.\n"
           "Alle Daten liegen im Kundenordner.\n\nDanke und Gruß\n{staff_first}"),
        _c(6, EMAIL, IN, "Frage zur Wallbox",
           "Guten Tag,\n\nkann man an die Anlage später eine Wallbox anschließen, ohne den "
           "Wechselrichter zu tauschen? Wir bekommen im Frühjahr ein E-Auto.\n\n"
           "Viele Grüße\n{name}"),
    ),
    ROOF: (
        _c(0, CALL, IN, "Sturmschaden gemeldet",
           "{addressee} meldet lose Dachziegel nach dem Sturm und einen Wasserfleck an der "
           "Decke im Dachgeschoss.\nBittet dringend um Besichtigung. Fotos kommen per WhatsApp."),
        _c(0, WHATSAPP, IN, None,
           "Hier die Fotos vom Dach, wie besprochen. Man sieht die verrutschten Ziegel über "
           "der Gaube.",
           "WhatsApp Image {wdate} at {wtime}.jpeg", "WhatsApp Image {wdate} at {wtime2}.jpeg"),
        _c(1, MEETING, OUT, "Dachbesichtigung",
           "Deckung ca. 60 Jahre alt, Lattung teilweise morsch, keine Unterspannbahn.\n"
           "Empfehlung: Neueindeckung mit Aufsparrendämmung nach GEG, Rinnen erneuern.\n"
           "Notsicherung mit Plane heute erledigt (1,5 Std., wird mit abgerechnet).",
           "Schaden_Gaube_{img}.jpg"),
        _c(1, NOTE, INTERNAL, "Gerüst und Sondernutzung",
           "Gerüst bei Fa. Krause angefragt. Sondernutzung des Gehwegs beim Bezirksamt "
           "beantragen – Vorlauf ca. 3 Wochen!"),
        _c(2, EMAIL, OUT, "Ihr Angebot {order} – Dachsanierung",
           "Guten Tag {addressee},\n\nwie besprochen erhalten Sie unser Angebot für die "
           "Sanierung Ihres Daches:\n\n• Abbruch und Entsorgung der alten Deckung\n"
           "• Neue Lattung und diffusionsoffene Unterspannbahn\n• Aufsparrendämmung 160 mm\n"
           "• Tondachziegel, Farbe naturrot\n• Neue Dachrinnen und Fallrohre aus Titanzink\n\n"
           "Gesamt: {amount} € {vat}\n\nAuf Wunsch planen wir die Befestigung für eine spätere "
           "PV-Anlage gleich mit ein.\n\n" + _SIGNATURE_DE,
           "Angebot_{order}.pdf"),
        _c(2, CALL, IN, "Rückfrage Dachziegel",
           "{addressee} möchte Muster der Ziegel sehen. Kommt am {day} ins Büro, die Muster "
           "liegen bereit."),
        _c(2, MEETING, IN, "Besuch im Büro: Ziegelmuster",
           "{addressee} hat sich die Muster angesehen und sich für „Engobe schiefergrau“ "
           "entschieden (Aufpreis ca. 6 %).\nAngebot wird angepasst."),
        _c(3, CALL, IN, "Auftrag erteilt",
           "{addressee} erteilt den Auftrag {order} mündlich, der Vertrag kommt unterschrieben "
           "per Post.\nWunsch: Beginn nicht vor den Sommerferien."),
        _c(4, SMS, OUT, None,
           "{company}: Guten Tag {addressee}, das Gerüst wird am {day} gestellt. Bitte halten "
           "Sie die Einfahrt frei. Danke!"),
        _c(4, SMS, IN, None, "Alles klar, danke! Das Auto steht dann auf der Straße."),
        _c(4, WHATSAPP, OUT, None,
           "Kurzes Update von der Baustelle: Die alte Deckung ist runter, die Sparren sind in "
           "gutem Zustand 👍",
           "Sparren_{img}.jpg"),
        _c(5, EMAIL, OUT, "Rechnung {order} – Dachsanierung",
           "Guten Tag {addressee},\n\ndie Arbeiten an Ihrem Dach sind abgeschlossen, das Gerüst "
           "wird morgen abgebaut. Anbei unsere Schlussrechnung.\n\nVielen Dank für Ihr "
           "Vertrauen!\n\n" + _SIGNATURE_DE,
           "Rechnung_{order}.pdf"),
        _c(6, EMAIL, IN, "Reklamation: Feuchtigkeit am Dachfenster",
           "Guten Tag,\n\nnach dem Regen am Wochenende ist im Schlafzimmer wieder ein "
           "Wasserfleck an der Decke, direkt unter dem neuen Dachfenster. Die Arbeiten sind "
           "erst sechs Wochen fertig!\n\nIch erwarte, dass sich das kurzfristig jemand ansieht. "
           "Fotos anbei.\n\n{name}",
           "Wasserfleck_{img}.jpg", key="complaint"),
        _c(6, WHATSAPP, IN, None, "Es tropft gerade wieder rein, siehe Video 😟",
           "VID_{wdate}_{wtime}.mp4", key="leak-video"),
        _c(6, CALL, OUT, "Reklamation Dachfenster",
           "Bei {addressee} für die Unannehmlichkeiten entschuldigt.\nTermin am {day} um {time} "
           "Uhr: Der Dachdecker prüft den Eindeckrahmen. Gewährleistung, keine Kosten für "
           "den Kunden."),
        _c(6, NOTE, INTERNAL, "Ursache der Reklamation",
           "Eindeckrahmen am Dachfenster oben nicht richtig hinterlegt. Nachgebessert, "
           "Wasserprobe ok.\nBitte in der nächsten Teamrunde ansprechen (Montageanleitung)."),
    ),
    MAINTENANCE: (
        _c(0, EMAIL, IN, "Wartungsvertrag für unsere Anlagen",
           "Guten Tag,\n\nwir möchten für unsere Photovoltaik ({modules} Module) einen "
           "Wartungsvertrag abschließen. Bitte senden Sie uns Ihre Konditionen für eine "
           "jährliche Wartung.\n\nFreundliche Grüße\n{name}\n{org_or_name}"),
        _c(2, EMAIL, OUT, "Wartungsvertrag {order}",
           "Guten Tag {addressee},\n\nanbei unser Wartungsvertrag. Er umfasst:\n\n"
           "• jährliche Sichtprüfung von Modulen, Unterkonstruktion und Verkabelung\n"
           "• Prüfung nach DIN VDE 0105-100 mit Protokoll\n"
           "• Thermografie der Module alle zwei Jahre\n"
           "• Reinigung nach Bedarf (gesondert berechnet)\n\n"
           "Pauschale: {amount} € {vat} pro Jahr.\n\n" + _SIGNATURE_DE,
           "Wartungsvertrag_{order}.pdf"),
        _c(3, CALL, IN, "Wartungsvertrag angenommen",
           "{addressee} nimmt den Wartungsvertrag {order} an, das unterschriebene Exemplar "
           "kommt per Post.\nErste Wartung im Frühjahr."),
        _c(4, SMS, OUT, None,
           "{company}: Erinnerung an die Wartung Ihrer PV-Anlage am {day} um {time} Uhr. "
           "Bitte ermöglichen Sie den Zugang zu Dach und Keller."),
        _c(4, SMS, IN, None, "Passt, der Hausmeister ist informiert und schließt auf."),
        _c(5, NOTE, INTERNAL, "Wartungsprotokoll {year}",
           "Sichtprüfung ok, zwei Module stark verschmutzt (Taubenkot) – gereinigt.\n"
           "Isolationsmessung ohne Befund, Firmware des Wechselrichters aktualisiert.\n"
           "Nächste Wartung: {next_year}.",
           "Wartungsprotokoll_{year}.pdf"),
        _c(5, EMAIL, OUT, "Ihr Wartungsprotokoll {year}",
           "Guten Tag {addressee},\n\ndie jährliche Wartung ist erledigt, das Protokoll finden "
           "Sie im Anhang. Es gab keine Mängel; zwei verschmutzte Module haben wir gleich "
           "gereinigt.\n\n" + _SIGNATURE_DE,
           "Wartungsprotokoll_{year}.pdf"),
        _c(6, CALL, IN, "Ertragseinbruch gemeldet",
           "{addressee}: Ertrag im letzten Monat rund 30 % unter dem Vorjahr.\nIm Monitoring "
           "geprüft: String 2 liefert nichts. Techniker für {day} eingeplant."),
        _c(6, MEETING, INTERNAL, "Teamrunde Wartungstouren",
           "Wartungstouren für Q{quarter} geplant, {org_or_name} ist in Tour 3.\n"
           "Ersatzteil (Leistungsoptimierer) vorab bestellen, Lieferzeit zwei Wochen."),
        _c(6, EMAIL, INTERNAL, "WG: Taubenschutz",
           "Hallo zusammen,\n\n{addressee} fragt nach einem Taubenschutzgitter für die Module. "
           "Kann bitte jemand einen Preis kalkulieren? Dachfläche ca. {roof_m2} m².\n\n"
           "Danke\n{staff_first}"),
        _c(6, MEETING, OUT, "Thermografie vor Ort",
           "Thermografie bei bewölktem Himmel nicht aussagekräftig – Wiederholung bei Sonne "
           "nötig.\nSichtprüfung der Unterkonstruktion: zwei Klemmen nachgezogen.",
           "Thermografie_{img}.jpg"),
    ),
    ANY: (
        _c((1, 6), CALL, OUT, "Rückruf",
           "{addressee} nicht erreicht, Nachricht auf der Mailbox hinterlassen."),
        _c((3, 4), CALL, IN, "Nachfrage zum Stand",
           "{addressee} fragt nach dem Stand. Material ist bestellt, Liefertermin KW {week}. "
           "Wir melden uns, sobald es da ist."),
        _c((1, 6), WHATSAPP, OUT, None,
           "Guten Tag {addressee}, wir sind in ca. 20 Minuten bei Ihnen. Viele Grüße, "
           "{staff_first} ({company})"),
        _c((4, 6), WHATSAPP, IN, None, "Danke, alles bestens! 👍"),
        _c((1, 5), EMAIL, OUT, "Terminbestätigung {day}",
           "Guten Tag {addressee},\n\nhiermit bestätigen wir den Termin am {day} um {time} Uhr "
           "bei Ihnen vor Ort ({street}).\nUnser Kollege meldet sich etwa 30 Minuten vorher "
           "telefonisch.\n\n" + _SIGNATURE_DE),
        _c((1, 2), MEETING, IN, "Besuch im Büro",
           "{addressee} war spontan im Büro und hat Unterlagen vorbeigebracht (Grundriss, "
           "alte Baupläne). Eingescannt und im Kundenordner abgelegt.",
           "Grundriss.pdf", "Bauplaene.pdf"),
        _c((3, 5), NOTE, INTERNAL, "Zahlungseingang",
           "Anzahlung (30 %) zu {order} ist eingegangen. Buchhaltung informiert."),
        _c((1, 6), SMS, OUT, None,
           "{company}: Unser Techniker verspätet sich um ca. 30 Minuten. Wir bitten um "
           "Entschuldigung!"),
        _c((1, 6), EMAIL, IN, "Neue Telefonnummer",
           "Guten Tag,\n\nich bin ab sofort unter einer neuen Nummer erreichbar: {phone}. "
           "Bitte aktualisieren Sie das bei sich.\n\nViele Grüße\n{name}"),
        _c((1, 4), NOTE, INTERNAL, "Hinweis zur Zufahrt",
           "Zufahrt für den Lkw nur über den Hof, den Tor-Code beim Kunden erfragen.\n"
           "Nicht auf dem Gehweg parken – das Ordnungsamt kontrolliert dort häufig."),
    ),
}

# --- communications, English ----------------------------------------------------------------

_SIGNATURE_EN = "Kind regards,\n{staff}\n{company}"

_EN_COMMS: dict[str, tuple[_Comm, ...]] = {
    SOLAR: (
        _c(0, EMAIL, IN, "Solar panels for our {building}",
           "Hello,\n\nwe would like to put solar panels and a battery on our {building} "
           "({street}). The roof faces south-west, roughly {roof_m2} m².\nMy German isn't good "
           "enough for the paperwork yet – could we do this in English?\n\nBest regards,\n{name}"),
        _c(0, CALL, OUT, "Call back about the solar enquiry",
           "Called {addressee} back (in English). Annual consumption approx. {usage} kWh, "
           "battery wanted, EV charger maybe later.\nSite visit booked for {day} at {time}."),
        _c(1, MEETING, OUT, "Site survey",
           "Roof: approx. {roof_m2} m² usable, little shading. The meter cabinet needs upgrading "
           "to current TAB rules.\nInverter and battery can go in the plant room.\n"
           "Photos in the customer folder.",
           "Roof_{img}.jpg", "Meter_Cabinet_{img2}.jpg"),
        _c(1, NOTE, INTERNAL, "Grid application submitted",
           "Grid compatibility check filed with Stromnetz Berlin, reference {grid_ref}.\n"
           "The portal says about 4 weeks. Follow up in 3 weeks."),
        _c(1, EMAIL, INTERNAL, "FW: Yield forecast {order}",
           "Hi all,\n\nattached is the yield forecast for {org_or_name}: approx. {yield_kwh} kWh "
           "a year, about 65 % self-consumption with the battery.\nPlease review by Thursday, "
           "then the quote goes out.\n\nThanks,\n{staff_first}",
           "Yield_Forecast_{order}.xlsx"),
        _c(2, EMAIL, OUT, "Your quote {order} – {kwp} kWp solar system",
           "Dear {addressee},\n\nthank you for having us on site. Please find our quote "
           "attached:\n\n• {modules} glass-glass modules at 445 Wp, {kwp} kWp in total\n"
           "• Hybrid inverter and 10.2 kWh battery\n• Installation incl. scaffolding, meter "
           "upgrade and grid registration\n\nTotal: € {amount} {vat}\n\nThe quote is valid for "
           "four weeks. I'm happy to answer any questions.\n\n" + _SIGNATURE_EN,
           "Quote_{order}.pdf", "Datasheet_Battery_10kWh.pdf"),
        _c(2, EMAIL, IN, "Re: Your quote {order}",
           "Hi {staff_first},\n\nthanks, this looks good. Two quick questions:\n"
           "- Does the battery keep the fridge running during a power cut?\n"
           "- How soon could you start?\n\nCheers,\n{first}"),
        _c(2, CALL, IN, "Questions about the warranty",
           "{addressee} asked about warranties: 25 years on the modules, 10 on the battery, "
           "2 years on our workmanship (5 with a maintenance contract).\nWill decide within "
           "two weeks."),
        _c(3, WHATSAPP, IN, None, "Hi! Signed contract attached 🙂 When can you start?",
           "Contract_{order}_signed.pdf"),
        _c(3, EMAIL, OUT, "Order confirmation {order}",
           "Dear {addressee},\n\nthank you for your order! Please find the order confirmation "
           "and the deposit invoice (30 %) attached.\nAs soon as the grid operator approves, "
           "we'll agree on an installation date with you.\n\n" + _SIGNATURE_EN,
           "Order_Confirmation_{order}.pdf"),
        _c(4, MEETING, INTERNAL, "Site meeting {order}",
           "Attendees: {staff}, installation team (Kai, Deniz)\n"
           "- Modules delivered on {day}, crane booked\n"
           "- Cable route outside along the facade\n"
           "- Customer away in week 2 – key with the neighbour\n"
           "Next step: confirm the electrician ({staff_first})"),
        _c(4, SMS, OUT, None,
           "{company}: Reminder – installation of your solar system starts on {day} at 7:30. "
           "Scaffolding goes up the day before. Questions: {office_phone}"),
        _c(4, SMS, IN, None, "Great, thank you! Someone will be there."),
        _c(4, WHATSAPP, OUT, None,
           "The panels are up! ☀️ A few photos from the roof – the electrician connects "
           "everything tomorrow.",
           "IMG_{img}.jpg", "IMG_{img2}.jpg"),
        _c(5, MEETING, OUT, "Handover",
           "System handed over to {addressee}, monitoring app set up on their phone.\n"
           "Commissioning report signed, document folder handed over. Very happy – asked for "
           "the inverter manual in English.",
           "Commissioning_Report_{order}.pdf"),
        _c(5, EMAIL, OUT, "Invoice {order}",
           "Dear {addressee},\n\nplease find attached the final invoice for your solar system. "
           "Payment is due within 14 days.\nWe have also registered the system in the "
           "Marktstammdatenregister for you.\n\nEnjoy your solar power!\n\n" + _SIGNATURE_EN,
           "Invoice_{order}.pdf"),
        _c(6, WHATSAPP, IN, None,
           "Hi, the app says the battery was full all afternoon, but we still bought power "
           "from the grid in the evening. Is that normal?",
           "Screenshot_{wdate}.png"),
        _c(6, CALL, OUT, "Battery settings",
           "The battery was in backup-only mode. Switched it to self-consumption remotely and "
           "explained the settings to {addressee}.\nWill check tomorrow's data."),
        _c(6, EMAIL, INTERNAL, "FW: English manuals",
           "Hi all,\n\n{addressee} asks for the English manuals of the inverter and the "
           "battery. Does anyone have them? Please put them into the customer folder.\n\n"
           "Thanks,\n{staff_first}"),
    ),
    ROOF: (
        _c(0, WHATSAPP, IN, None,
           "Hi, after last night's storm part of the roof looks damaged – see photo. Could "
           "someone have a look?",
           "WhatsApp Image {wdate} at {wtime}.jpeg"),
        _c(1, MEETING, OUT, "Roof inspection",
           "Flat gravel roof, membrane approx. 25 years old, several blisters and an open seam "
           "near the skylight.\nRecommendation: new bitumen membrane with insulation before any "
           "solar goes on.",
           "Roof_Inspection_{img}.jpg"),
        _c(2, EMAIL, OUT, "Your quote {order} – roof renovation",
           "Dear {addressee},\n\nas discussed, please find our quote for the roof renovation "
           "attached:\n\n• Removal of the gravel and the old membrane\n• New two-layer bitumen "
           "membrane with 140 mm insulation\n• New skylight flashing and gutter\n\n"
           "Total: € {amount} {vat}\n\nThe insulation is sized so that the solar frames can go "
           "on top later.\n\n" + _SIGNATURE_EN,
           "Quote_{order}.pdf"),
        _c(3, CALL, IN, "Roof order confirmed",
           "{addressee} confirmed the roof order {order} by phone; the signed copy follows by "
           "e-mail."),
        _c(4, SMS, OUT, None,
           "{company}: Hello {addressee}, the skip for the old roofing arrives on {day}. Please "
           "keep the entrance clear. Thanks!"),
        _c(5, EMAIL, OUT, "Invoice {order} – roof renovation",
           "Dear {addressee},\n\nthe roof is finished and the scaffolding comes down tomorrow. "
           "Please find our final invoice attached.\n\nThank you for choosing us!\n\n"
           + _SIGNATURE_EN,
           "Invoice_{order}.pdf"),
        _c(6, EMAIL, IN, "Complaint: gutter overflowing",
           "Hello,\n\nduring yesterday's rain the new gutter overflowed at the corner by the "
           "entrance – water ran down the facade and into the studio window.\nPlease send "
           "someone soon, we have clients coming next week.\n\n{name}",
           "Gutter_{img}.heic"),
    ),
    ANY: (
        _c((1, 6), CALL, OUT, "Call back", "No answer from {addressee}, left a voicemail."),
        _c((1, 6), WHATSAPP, OUT, None,
           "Hi {first}, we'll be with you in about 20 minutes. – {staff_first}, {company}"),
        _c((4, 6), WHATSAPP, IN, None, "Thanks, all good! 👍"),
        _c((1, 5), EMAIL, OUT, "Appointment confirmation {day}",
           "Dear {addressee},\n\nthis is to confirm our appointment on {day} at {time} at "
           "{street}.\nOur colleague will call about 30 minutes before arriving.\n\n"
           + _SIGNATURE_EN),
        _c((1, 2), MEETING, IN, "Visit at our office",
           "{addressee} dropped by the office with the floor plan and the old building "
           "drawings. Scanned into the customer folder.",
           "Floor_Plan.pdf", "Building_Drawings.pdf"),
        _c((3, 5), NOTE, INTERNAL, "Payment received",
           "Deposit (30 %) for {order} received. Accounts informed."),
        _c((1, 6), SMS, OUT, None,
           "{company}: Our technician is running about 30 minutes late. Sorry for the "
           "inconvenience!"),
        _c((3, 4), CALL, IN, "Asked about progress",
           "{addressee} asked about the status. Material is ordered, delivery in week {week}. "
           "We'll call as soon as it arrives."),
    ),
}

# fmt: on

# --- media records, in the order a project produces them ------------------------------------

_DE_MEDIA: dict[str, tuple[_Media, ...]] = {
    SOLAR: (
        _Media("Stromrechnung_{prev_year}.pdf", PDF, RECEIVED, ("Unterlagen",), False),
        _Media("Dach_Sued_{img}.jpg", JPEG, OWN, ("Foto", "Aufmaß")),
        _Media("IMG_{img}.heic", HEIC, RECEIVED, ("Foto", "Zählerschrank"), False),
        _Media("Ertragsprognose_{order}.xlsx", XLSX, OWN, ("Kalkulation",)),
        _Media("Angebot_{order}.pdf", PDF, SENT, ("Angebot",)),
        _Media("Datenblatt_Modul_445Wp.pdf", PDF, SENT, ("Datenblatt",), False),
        _Media("Vertrag_{order}_unterschrieben.pdf", PDF, RECEIVED, ("Vertrag",)),
        _Media("Auftragsbestaetigung_{order}.pdf", PDF, SENT, ("Auftrag",)),
        _Media("Montage_{img}.jpg", JPEG, OWN, ("Foto", "Montage")),
        _Media("Drohnenflug_{order}.mp4", MP4, OWN, ("Video", "Drohne")),
        _Media("Inbetriebnahmeprotokoll_{order}.pdf", PDF, SENT, ("Protokoll",)),
        _Media("Rechnung_{order}.pdf", PDF, SENT, ("Rechnung",)),
    ),
    ROOF: (
        _Media("Sturmschaden_{img}.jpg", JPEG, RECEIVED, ("Foto", "Schaden"), False),
        _Media("Schaden_Gaube_{img}.jpg", JPEG, OWN, ("Foto", "Schaden")),
        _Media("Aufmass_{order}.pdf", PDF, OWN, ("Aufmaß",)),
        _Media("Materialliste_{order}.xlsx", XLSX, OWN, ("Kalkulation",)),
        _Media("Angebot_{order}.pdf", PDF, SENT, ("Angebot",)),
        _Media("Vorher_{img}.jpg", JPEG, OWN, ("Foto", "Vorher")),
        _Media("Nachher_{img}.jpg", JPEG, OWN, ("Foto", "Nachher")),
        _Media("Rechnung_{order}.pdf", PDF, SENT, ("Rechnung",)),
        _Media("Wasserfleck_{img}.heic", HEIC, RECEIVED, ("Foto", "Reklamation")),
        _Media("Leck_Dachfenster.mp4", MP4, RECEIVED, ("Video", "Reklamation"), key="leak-video"),
    ),
    MAINTENANCE: (
        _Media("Wartungsvertrag_{order}.pdf", PDF, SENT, ("Vertrag",)),
        _Media("Verschmutzung_{img}.heic", HEIC, RECEIVED, ("Foto",)),
        _Media("Thermografie_{img}.jpg", JPEG, OWN, ("Foto", "Thermografie")),
        _Media("Wartungsprotokoll_{year}.pdf", PDF, OWN, ("Protokoll",)),
        _Media("Ertragsauswertung_{year}.xlsx", XLSX, OWN, ("Auswertung",)),
    ),
}

_EN_MEDIA: dict[str, tuple[_Media, ...]] = {
    SOLAR: (
        _Media("Electricity_Bill_{prev_year}.pdf", PDF, RECEIVED, ("Documents",), False),
        _Media("Roof_{img}.jpg", JPEG, OWN, ("Photo", "Survey")),
        _Media("IMG_{img}.heic", HEIC, RECEIVED, ("Photo",), False),
        _Media("Yield_Forecast_{order}.xlsx", XLSX, OWN, ("Calculation",)),
        _Media("Quote_{order}.pdf", PDF, SENT, ("Quote",)),
        _Media("Datasheet_Battery_10kWh.pdf", PDF, SENT, ("Datasheet",), False),
        _Media("Contract_{order}_signed.pdf", PDF, RECEIVED, ("Contract",)),
        _Media("Installation_{img}.jpg", JPEG, OWN, ("Photo", "Installation")),
        _Media("Drone_Flight_{order}.mp4", MP4, OWN, ("Video", "Drone")),
        _Media("Invoice_{order}.pdf", PDF, SENT, ("Invoice",)),
    ),
    ROOF: (
        _Media("Storm_Damage_{img}.heic", HEIC, RECEIVED, ("Photo", "Damage"), False),
        _Media("Roof_Inspection_{img}.jpg", JPEG, OWN, ("Photo",)),
        _Media("Quote_{order}.pdf", PDF, SENT, ("Quote",)),
        _Media("Before_{img}.jpg", JPEG, OWN, ("Photo", "Before")),
        _Media("After_{img}.jpg", JPEG, OWN, ("Photo", "After")),
        _Media("Invoice_{order}.pdf", PDF, SENT, ("Invoice",)),
    ),
}

# --- building the records -------------------------------------------------------------------

_WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_APPOINTMENT_TIMES = ("8:00", "9:30", "11:00", "13:30", "15:00")
