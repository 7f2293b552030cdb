"""Dutch extraction table: clock times and durations in NOS/NRC/VRT-style news sentences.

Every expected value below was worked out by hand from the text and docs/extraction.md;
the arithmetic is in each case's `why`. Default article: event date 2025-08-15 (a Friday),
local zone America/Anchorage (AKDT = UTC-8). Other offsets used in August 2025:
EDT = UTC-4, PDT = UTC-7, CEST (Amsterdam/Brussels) = UTC+2, MSK = UTC+3,
Kyiv (EEST) = UTC+3, Tokyo (JST) = UTC+9.

"Article's local event day" (docs, Resolution rules / Date) for 15 Aug in Anchorage is
2025-08-15T08:00Z .. 2025-08-16T08:00Z; seen from other zones that is
EDT 04:00 15th .. 04:00 16th, PDT 01:00 .. 01:00, CEST 10:00 .. 10:00,
MSK/Kyiv 11:00 .. 11:00, JST 17:00 .. 17:00.
"""
from __future__ import annotations

import pytest

import timeline
from tests.helpers import Case, assert_case, assert_unique, case_id

AK = "America/Anchorage"
NY = "America/New_York"
LA = "America/Los_Angeles"
AMS = "Europe/Amsterdam"
BRU = "Europe/Brussels"
MOW = "Europe/Moscow"
TYO = "Asia/Tokyo"


def clock(utc, **kw):
    return {"kind": "clock", "utc": utc, **kw}


def dur(low, high, **kw):
    return {"kind": "duration", "minutes": [low, high], **kw}


CASES = [
    # ------------------------------------------------------------------ forms from the summit article
    Case(
        "Kort na 16.00 uur lokale tijd liep Trump de trap op naar Air Force One en zwaaide hij, "
        "voordat hij aan zijn zeven uur durende vlucht terug naar het oosten begon.",
        [
            clock("2025-08-16T00:00:00Z", text="Kort na 16.00 uur lokale tijd", modifier="after",
                  tz=AK, tz_source="stated", earliest="2025-08-16T00:00:00Z",
                  latest="2025-08-16T00:30:00Z"),
            dur(420, 420),
        ],
        "16.00 AKDT = 00:00Z next day; 'kort na' = +0..+30; 'zeven uur durende' = 420 exact",
    ),
    Case(
        "Volgens de oorspronkelijke planning van het Witte Huis zou Trump om 17:45 uur vertrekken, "
        "wat aangeeft hoezeer de gesprekken zijn ingekort.",
        [clock("2025-08-16T01:45:00Z", text="17:45 uur", modifier="exact", tz=AK,
               tz_source="article", date_source="article")],
        "no zone; 'Witte Huis' is not a destination here -> article zone; 17:45 AKDT = 01:45Z (16th)",
    ),
    Case(
        "Volgens het officiële programma van het Witte Huis zou de president Alaska om 17:45 uur lokale "
        "tijd of 21:45 uur EDT verlaten. In dat scenario zou hij rond 4:30 uur 's ochtends terugkeren "
        "naar het Witte Huis.",
        [
            clock("2025-08-16T01:45:00Z", text="17:45 uur lokale tijd", tz=AK, tz_source="stated",
                  conflict=None),
            clock("2025-08-16T01:45:00Z", text="21:45 uur EDT", tz=NY, tz_source="stated",
                  conflict=None),
            clock("2025-08-16T08:30:00Z", text="rond 4:30 uur 's ochtends", modifier="approx", tz=NY,
                  tz_source="place", date_source="rollover", pair=None),
        ],
        "pair: 17:45 AKDT = 21:45 EDT = 01:45Z; 4:30 is Eastern (terugkeren naar het Witte Huis), "
        "default 15th would be 08:30Z 15th < 01:45Z 16th -> rollover to 16th: 04:30 EDT = 08:30Z",
    ),
    Case(
        "Trump vertrekt om 17:45 uur uit Anchorage. Hij zou rond 4:30 uur 's ochtends terug zijn in het "
        "Witte Huis.",
        [
            clock("2025-08-16T01:45:00Z", text="17:45 uur", tz=AK, tz_source="article"),
            clock("2025-08-16T08:30:00Z", modifier="approx", tz=NY, tz_source="place",
                  date_source="rollover", earliest="2025-08-16T08:15:00Z",
                  latest="2025-08-16T08:45:00Z"),
        ],
        "17:45 AKDT = 01:45Z 16th; 4:30 Eastern (place), next morning: 16 Aug 04:30 EDT = 08:30Z ±15",
    ),
    Case(
        "De bijeenkomst met de leiders en twee belangrijke medewerkers van beide partijen begon rond "
        "11.30 uur lokale tijd en eindigde volgens het Kremlin rond 14.15 uur.",
        [
            clock("2025-08-15T19:30:00Z", text="rond 11.30 uur lokale tijd", modifier="approx", tz=AK,
                  tz_source="stated", earliest="2025-08-15T19:15:00Z", latest="2025-08-15T19:45:00Z"),
            clock("2025-08-15T22:15:00Z", text="rond 14.15 uur", modifier="approx", tz=AK,
                  tz_source="sentence", pair=None),
        ],
        "11.30 AKDT = 19:30Z; zone carried to 14.15 AKDT = 22:15Z (joined by 'en': no pair)",
    ),
    Case(
        "De eerste ontmoeting tussen de twee leiders en hun assistenten is al ongeveer een uur aan de "
        "gang, zonder nieuws uit de zaal. De bijeenkomst begon rond 11:27 uur lokale tijd (15:27 uur EDT).",
        [
            dur(45, 75, text="ongeveer een uur"),
            clock("2025-08-15T19:27:00Z", text="rond 11:27 uur lokale tijd", modifier="approx", tz=AK,
                  tz_source="stated"),
            clock("2025-08-15T19:27:00Z", text="15:27 uur EDT", modifier="approx", tz=NY,
                  tz_source="stated", conflict=None),
        ],
        "'ongeveer een uur' = 60 ±25% = [45,75]; 11:27 AKDT = 15:27 EDT = 19:27Z; second half takes 'rond'",
    ),
    Case(
        "Air Force One landde om 10:22 uur lokale tijd (14:22 uur Eastern Time) op Joint Base "
        "Elmendorf-Richardson, na iets meer dan zes uur in de lucht te zijn geweest.",
        [
            clock("2025-08-15T18:22:00Z", text="10:22 uur lokale tijd", tz=AK, tz_source="stated"),
            clock("2025-08-15T18:22:00Z", text="14:22 uur Eastern Time", tz=NY, tz_source="stated"),
            dur(360, 390, text="iets meer dan zes uur", modifier="after"),
        ],
        "10:22 AKDT = 14:22 EDT = 18:22Z; 'iets meer dan' (just over) 6 h = [360, 360+30]",
    ),
    Case(
        "Dmitry Peskov, de belangrijkste woordvoerder van het Kremlin, vertelde de Russische media dat "
        "Poetin om 11.00 uur lokale tijd (15.00 uur EDT) in Alaska zal landen.",
        [
            clock("2025-08-15T19:00:00Z", text="11.00 uur lokale tijd", modifier="exact", tz=AK,
                  tz_source="stated", local="2025-08-15T11:00:00-08:00"),
            clock("2025-08-15T19:00:00Z", text="15.00 uur EDT", tz=NY, tz_source="stated"),
        ],
        "11.00 AKDT = 15.00 EDT = 19:00Z; `local` of the AKDT half is 11:00-08:00",
    ),
    Case(
        "Van de twee leiders wordt verwacht dat ze om ongeveer 11.00 uur lokale tijd zullen ontmoeten, "
        "of 15.00 uur EDT.",
        [
            clock("2025-08-15T19:00:00Z", text="ongeveer 11.00 uur lokale tijd", modifier="approx",
                  tz=AK, tz_source="stated"),
            clock("2025-08-15T19:00:00Z", text="15.00 uur EDT", tz=NY, tz_source="stated"),
        ],
        "span convention example; 11.00 AKDT = 15.00 EDT = 19:00Z",
    ),
    Case(
        "Van de leiders wordt verwacht dat ze rond 15.00 uur EDT ontmoeten en een persconferentie houden "
        "nadat de gesprekken zijn afgerond.",
        [clock("2025-08-15T19:00:00Z", text="rond 15.00 uur EDT", modifier="approx", tz=NY,
               tz_source="stated", earliest="2025-08-15T18:45:00Z", latest="2025-08-15T19:15:00Z")],
        "15.00 EDT = 19:00Z (15th lies inside the Anchorage event day), ±15 min",
    ),
    Case(
        "Het vliegtuig met Poetin landde kort voor 11.00 uur lokale tijd in Anchorage.",
        [clock("2025-08-15T19:00:00Z", text="kort voor 11.00 uur lokale tijd", modifier="before",
               tz=AK, tz_source="stated", earliest="2025-08-15T18:30:00Z",
               latest="2025-08-15T19:00:00Z")],
        "11.00 AKDT = 19:00Z; 'kort voor' = -30..0",
    ),
    # ------------------------------------------------------------------ durations
    Case(
        "Peskov zei ook dat de gesprekken zes tot zeven uur zouden kunnen duren, aldus het Russische "
        "persbureau RIA Novosti.",
        [dur(360, 420, text="zes tot zeven uur", modifier="approx")],
        "range 6..7 h = [360,420], modifier approx",
    ),
    Case(
        "De volledige timing is nog niet aangekondigd, maar een woordvoerder van het Kremlin zei dat de "
        "gesprekken zes of zeven uur konden duren.",
        [dur(360, 420)],
        "'zes of zeven uur' read as the range 6..7 h = [360,420]",
    ),
    Case(
        "De eerste bijeenkomst van de top duurde bijna drie uur.",
        [dur(150, 180, text="bijna drie uur", modifier="before")],
        "'bijna' 3 h = [180-30, 180]",
    ),
    Case(
        "De twee partijen zitten nu al twee uur achter gesloten deuren.",
        [dur(120, 120, text="twee uur")],
        "plain duration 2 h = [120,120]",
    ),
    Case(
        "Het telefoongesprek tussen Trump en Zelensky duurde volgens het Witte Huis 90 minuten.",
        [dur(90, 90, text="90 minuten")],
        "90 min exact",
    ),
    Case(
        "Het overleg tussen Rubio en Lavrov in de zijzaal duurde anderhalf uur.",
        [dur(90, 90, text="anderhalf uur")],
        "anderhalf uur = 90 min",
    ),
    Case(
        "Trump sprak na afloop twintig minuten met Zelensky aan de telefoon.",
        [dur(20, 20, text="twintig minuten")],
        "number word: twintig minuten = 20",
    ),
    Case(
        "De persconferentie van de twee presidenten duurde een half uur; vragen waren niet toegestaan.",
        [dur(30, 30, text="een half uur")],
        "'een half uur' = 30 min",
    ),
    Case(
        "Poetin liet de Amerikaanse delegatie in 2019 in Osaka nog vijfenveertig minuten wachten.",
        [dur(45, 45, text="vijfenveertig minuten")],
        "compound number word 45; year 2019 is no time",
    ),
    Case(
        "De lunch met de bredere delegaties zou volgens het programma tweeënhalf uur duren.",
        [dur(150, 150)],
        "tweeënhalf uur = 2.5 h = 150 min",
    ),
    Case(
        "De militaire oefeningen van Arctic Edge in Alaska duren nog twee weken.",
        [dur(20160, 20160, text="twee weken")],
        "2 weeks = 2*7*24*60 = 20160 min",
    ),
    Case(
        "De gevechten rond Pokrovsk duren volgens het Oekraïense leger al meer dan drie dagen.",
        [dur(4320, 5040, modifier="after")],
        "'meer dan' 3 days = [4320, 4320 + 12 h slack (720)]",
    ),
    Case(
        "Zelensky bracht bijna een week door met overleg met Europese bondgenoten en Trump.",
        [dur(8640, 10080, modifier="before")],
        "'bijna' 1 week = [10080 - 1 day (1440), 10080]",
    ),
    Case(
        "Na de landing reed de stoet ongeveer twintig minuten over de basis naar de onderhandelingsruimte.",
        [dur(15, 25, modifier="approx")],
        "'ongeveer' 20 min ±25% = [15,25]",
    ),
    Case(
        "Er zou dan geen behoefte meer zijn aan twee jaar pendeldiplomatie, zei Navalnaja.",
        [],
        "years are not durations here",
    ),
    Case(
        "Poetin zette voor het eerst in ongeveer tien jaar voet op Amerikaanse bodem.",
        [],
        "'ongeveer tien jaar': years are not durations, no clock either",
    ),
    # ------------------------------------------------------------------ clock forms
    Case(
        "Volgens het Kremlin landt Poetin om 11 uur lokale tijd in Anchorage.",
        [clock("2025-08-15T19:00:00Z", text="11 uur lokale tijd", modifier="exact", tz=AK,
               tz_source="stated")],
        "'11 uur' = 11:00 AKDT = 19:00Z",
    ),
    Case(
        "De persconferentie in de zaal met de tekst 'Pursuing Peace' begon om 14.45 uur.",
        [clock("2025-08-15T22:45:00Z", text="14.45 uur", modifier="exact", tz=AK,
               tz_source="article", earliest="2025-08-15T22:45:00Z", latest="2025-08-15T22:45:00Z")],
        "no zone: article zone and date; 14.45 AKDT = 22:45Z, exact window is the instant",
    ),
    Case(
        "Premier Bart De Wever geeft om 13u30 een persconferentie in de Wetstraat 16 over de top in Alaska.",
        [clock("2025-08-16T11:30:00Z", text="13u30", tz=BRU, tz_source="article",
               date_source="article")],
        "VRT article (Brussels, 16 Aug): 13u30 CEST = 11:30Z; 'Wetstraat 16' is an address",
        date="2025-08-16", tz=BRU,
    ),
    Case(
        "Het kernkabinet komt zaterdag om 10u samen om de uitkomst van de top te bespreken.",
        [clock("2025-08-16T08:00:00Z", text="10u", tz=BRU, date_source="weekday")],
        "Brussels article dated Sat 16 Aug; zaterdag = 16th; 10u CEST = 08:00Z",
        date="2025-08-16", tz=BRU,
    ),
    Case(
        "Voor Belgische kijkers begint de persconferentie om 20u30 Belgische tijd, meldt de VRT.",
        [clock("2025-08-15T18:30:00Z", text="20u30 Belgische tijd", tz=BRU, tz_source="stated")],
        "20:30 CEST on the 15th (inside the Anchorage day, CEST 10:00..10:00) = 18:30Z",
    ),
    Case(
        "Live | De top in Alaska\n"
        "00.55: Poetin en Trump verschijnen samen voor de pers\n"
        "01.12: De persconferentie is afgelopen, vragen worden niet beantwoord\n"
        "02.00: Air Force One vertrekt uit Anchorage",
        [
            clock("2025-08-15T22:55:00Z", text="00.55", tz=AMS, tz_source="article", line=2),
            clock("2025-08-15T23:12:00Z", text="01.12", tz=AMS, tz_source="article", line=3),
            clock("2025-08-16T00:00:00Z", text="02.00", tz=AMS, tz_source="article", line=4),
        ],
        "NOS liveblog (Amsterdam, 16 Aug): list times without 'uur'; 00.55 CEST = 22:55Z 15th, "
        "01.12 = 23:12Z, 02.00 = 00:00Z 16th",
        date="2025-08-16", tz=AMS,
    ),
    Case(
        "Trump vertrok om 02.00 Nederlandse tijd uit Anchorage, eerder dan het Witte Huis had gepland.",
        [clock("2025-08-16T00:00:00Z", text="02.00 Nederlandse tijd", tz=AMS, tz_source="stated")],
        "'om 02.00' without 'uur': 02.00 CEST falls on 16 Aug inside the Anchorage day = 00:00Z 16th",
    ),
    Case(
        "Het Witte Huis wil het verslag van de gesprekken vrijdag om middernacht lokale tijd publiceren.",
        [clock("2025-08-16T08:00:00Z", text="middernacht lokale tijd", tz=AK, tz_source="stated",
               flags=["midnight"])],
        "middernacht = 00:00 at the end of Friday 15th = 16 Aug 00:00 AKDT = 08:00Z",
    ),
    Case(
        "Rond middernacht lokale tijd was Air Force One al boven Canada.",
        [clock("2025-08-16T08:00:00Z", modifier="approx", tz=AK, earliest="2025-08-16T07:45:00Z",
               latest="2025-08-16T08:15:00Z")],
        "midnight ending 15 Aug = 08:00Z 16th, ±15",
    ),
    Case(
        "Rond het middaguur lokale tijd stapten de eerste Russische functionarissen uit het vliegtuig.",
        [clock("2025-08-15T20:00:00Z", modifier="approx", tz=AK, tz_source="stated")],
        "middaguur = 12:00 AKDT = 20:00Z",
    ),
    Case(
        "Volgens het Kremlin zouden de twee presidenten rond de middag lokale tijd de pers te woord staan.",
        [clock("2025-08-15T20:00:00Z", modifier="approx", tz=AK, tz_source="stated",
               earliest="2025-08-15T19:45:00Z", latest="2025-08-15T20:15:00Z")],
        "'rond de middag' = around noon (12:00) AKDT = 20:00Z ±15",
    ),
    Case(
        "De uitgebreide lunch met de ministers stond gepland om 12 uur 's middags.",
        [clock("2025-08-15T20:00:00Z", text="12 uur 's middags", tz=AK, tz_source="article")],
        "12 's middags stays 12:00 (+12 only below 12) = 20:00Z",
    ),
    Case(
        "Later in de middag werd duidelijk dat de geplande lunch was geschrapt.",
        [],
        "'middag' as a part of the day is no clock time",
    ),
    Case(
        "Pas 's avonds kwam het Kremlin met een eerste reactie op de uitspraken van Trump.",
        [],
        "day part without a time",
    ),
    Case(
        "Volgens Russische media zou Poetin om 4 uur 's middags lokale tijd het woord nemen.",
        [clock("2025-08-16T00:00:00Z", text="4 uur 's middags lokale tijd", tz=AK,
               tz_source="stated")],
        "4 's middags = 16:00 AKDT = 00:00Z 16th",
    ),
    Case(
        "Trump hoopte om vijf uur 's middags lokale tijd alweer op te stijgen richting Washington.",
        [clock("2025-08-16T01:00:00Z", text="vijf uur 's middags lokale tijd", tz=AK,
               tz_source="stated")],
        "number-word clock: vijf 's middags = 17:00 AKDT = 01:00Z 16th ('richting Washington' is no "
        "destination of a return, and the zone is stated anyway)",
    ),
    Case(
        "De eerste journalisten werden om 9 uur 's ochtends op de basis toegelaten.",
        [clock("2025-08-15T17:00:00Z", text="9 uur 's ochtends", tz=AK, tz_source="article")],
        "09:00 AKDT = 17:00Z",
    ),
    Case(
        "De laatste Russische functionarissen verlieten de basis pas om 11 uur 's nachts.",
        [clock("2025-08-16T07:00:00Z", text="11 uur 's nachts", tz=AK, tz_source="article")],
        "'s nachts 11 -> 23:00 AKDT on the 15th = 07:00Z 16th",
    ),
    Case(
        "Fox News zond het interview met Sean Hannity om 10 uur 's avonds oostelijke tijd uit.",
        [clock("2025-08-16T02:00:00Z", text="10 uur 's avonds oostelijke tijd", tz=NY,
               tz_source="stated")],
        "22:00 EDT on 15th = 02:00Z 16th (inside the Anchorage day)",
    ),
    Case(
        "Wie in Nederland wilde kijken moest opblijven: de verklaring kwam pas om 3 uur 's nachts "
        "Nederlandse tijd.",
        [clock("2025-08-16T01:00:00Z", text="3 uur 's nachts Nederlandse tijd", tz=AMS,
               tz_source="stated")],
        "03:00 CEST falls on the 16th inside the Anchorage day = 01:00Z 16th",
    ),
    # ------------------------------------------------------------------ numbers that are not times
    Case(
        "Aan de vredesmars in Anchorage deden zaterdag 8.000 deelnemers mee, aldus de organisatie.",
        [],
        "8.000 is a count",
    ),
    Case(
        "Volgens de politie gingen in Kyiv 20.000 mensen de straat op tegen elke vorm van gebiedsafstand.",
        [],
        "20.000 is a count",
    ),
    Case(
        "Rusland heeft volgens Oekraïense schattingen 12.000 soldaten samengetrokken bij Pokrovsk.",
        [],
        "12.000 must not be read as 12.00",
    ),
    Case(
        "Vanaf Vandenberg steeg vrijdag een Falcon 9 op met 24 Starlink-satellieten aan boord.",
        [],
        "rocket name and a count",
    ),
    Case(
        "Een Falcon 9 van SpaceX vertrok om 11.43 uur EDT van Cape Canaveral.",
        [clock("2025-08-15T15:43:00Z", text="11.43 uur EDT", tz=NY, tz_source="stated")],
        "only the clock: 11.43 EDT = 15:43Z",
    ),
    Case(
        "Vier F-35's en een B-2-bommenwerper vlogen om 11.02 uur lokale tijd over het platform.",
        [clock("2025-08-15T19:02:00Z", text="11.02 uur lokale tijd", tz=AK, tz_source="stated")],
        "aircraft names are no times; 11.02 AKDT = 19:02Z",
    ),
    Case(
        "Bij de overvlucht waren vier F-35's van Eielson Air Force Base en een B-2 uit Missouri te zien.",
        [],
        "aircraft names only",
    ),
    Case(
        "Trump gaf de ontmoeting met Poetin achteraf een '10 van de 10'.",
        [],
        "a score, not a time",
    ),
    Case(
        "Poetin, die in 2022 de invasie van Oekraïne lanceerde, sprak van 'fundamentele bedreigingen'.",
        [],
        "a year",
    ),
    Case(
        "Sjachtar Donetsk won vrijdagavond met 3-1 van Dynamo Kyiv.",
        [],
        "a match score; a weekday part without a time gives nothing",
    ),
    Case(
        "Een broodje en een kop koffie kostten in het perscentrum op de basis € 16,30.",
        [],
        "a price",
    ),
    Case(
        "Volgens senator Sullivan kochten de VS Alaska in 1867 voor $ 7,2 miljoen van Rusland.",
        [],
        "a year and a price",
    ),
    Case(
        "Op de achtergrond van het podium prijkte de datum 15.08.2025 naast het logo 'Alaska 2025'.",
        [],
        "15.08.2025 is a date only, not 15:08",
    ),
    Case(
        "Zo'n 5.000 demonstranten verzamelden zich om 14.00 uur Kyivse tijd op het Onafhankelijkheidsplein.",
        [clock("2025-08-15T11:00:00Z", text="14.00 uur Kyivse tijd", modifier="exact",
               tz_source="stated")],
        "'zo'n' belongs to the count; 14.00 EEST on the 15th (Kyiv day 11:00..11:00) = 11:00Z",
    ),
    Case(
        "Trump dreigde eerder deze week met 'zeer ernstige gevolgen' als Rusland niet instemt.",
        [],
        "'deze week' is neither a time nor a duration",
    ),
    # ------------------------------------------------------------------ zones
    Case(
        "Fox News zendt het interview met Sean Hannity om 21.00 uur ET uit.",
        [clock("2025-08-16T01:00:00Z", text="21.00 uur ET", tz=NY, tz_source="stated")],
        "21.00 EDT on the 15th = 01:00Z 16th",
    ),
    Case(
        "Het 'CBS Evening News' wordt vrijdagavond om 18.30 uur oostelijke tijd vanuit Anchorage uitgezonden.",
        [clock("2025-08-15T22:30:00Z", text="18.30 uur oostelijke tijd", tz=NY, tz_source="stated",
               date_source="weekday")],
        "vrijdag = 15th; 18.30 EDT = 22:30Z",
    ),
    Case(
        "Het Witte Huis noemde 11.00 uur AKDT als aanvangstijd van het eerste gesprek.",
        [clock("2025-08-15T19:00:00Z", text="11.00 uur AKDT", tz=AK, tz_source="stated")],
        "11.00 AKDT = 19:00Z",
    ),
    Case(
        "Volgens vluchtgegevens landde het Russische regeringstoestel om 19.05 uur UTC in Anchorage.",
        [clock("2025-08-15T19:05:00Z", text="19.05 uur UTC", tz_source="stated")],
        "UTC as written",
    ),
    Case(
        "Trump legde om 17.00 uur GMT in de Rotunda van het Capitool de eed af.",
        [clock("2025-01-20T17:00:00Z", text="17.00 uur GMT", tz_source="stated")],
        "winter article (Washington, 20 Jan 2025): 17.00 GMT = 17:00Z",
        date="2025-01-20", tz=NY,
    ),
    Case(
        "In Brussel volgden de EU-leiders de beëdiging vanaf 18.00 uur CET op grote schermen.",
        [clock("2025-01-20T17:00:00Z", text="18.00 uur CET", tz_source="stated")],
        "winter: CET = UTC+1, 18.00 CET = 17:00Z; the 20th lies inside the EST day",
        date="2025-01-20", tz=NY,
    ),
    Case(
        "De Europese leiders willen om 21.30 uur CEST een eerste reactie geven.",
        [clock("2025-08-15T19:30:00Z", text="21.30 uur CEST", tz_source="stated")],
        "21.30 CEST (UTC+2) on the 15th = 19:30Z",
    ),
    Case(
        "Premier Schoof reageert om 04.15 uur Nederlandse tijd op X op de uitkomst van de top.",
        [clock("2025-08-16T02:15:00Z", text="04.15 uur Nederlandse tijd", tz=AMS, tz_source="stated")],
        "04.15 CEST: the 16th lies inside the Anchorage day (CEST 10:00 15th..10:00 16th) = 02:15Z 16th",
    ),
    Case(
        "De Russische staatstelevisie toonde de landing van Poetin om 22.00 uur MSK live.",
        [clock("2025-08-15T19:00:00Z", text="22.00 uur MSK", tz=MOW, tz_source="stated")],
        "22.00 MSK (UTC+3) on the 15th = 19:00Z",
    ),
    Case(
        "Het Kremlin publiceerde om 9.00 uur Moskou-tijd een verslag van de gesprekken.",
        [clock("2025-08-16T06:00:00Z", text="9.00 uur Moskou-tijd", tz=MOW, tz_source="stated")],
        "09.00 MSK on the 15th (06:00Z) is before the Anchorage day starts (08:00Z); 16th -> 06:00Z 16th",
    ),
    Case(
        "Zelensky reageerde om 23.40 uur Kyivse tijd op Telegram op de persconferentie.",
        [clock("2025-08-15T20:40:00Z", text="23.40 uur Kyivse tijd", tz_source="stated")],
        "23.40 EEST (UTC+3) on the 15th = 20:40Z",
    ),
    Case(
        "In Los Angeles volgden honderden Oekraïners de persconferentie, die daar om 15.30 uur PDT begon.",
        [clock("2025-08-15T22:30:00Z", text="15.30 uur PDT", tz=LA, tz_source="stated")],
        "15.30 PDT (UTC-7) = 22:30Z",
    ),
    Case(
        "Op de Oekraïense demonstratie in Seattle begonnen de toespraken om 13.00 uur PT.",
        [clock("2025-08-15T20:00:00Z", text="13.00 uur PT", tz=LA, tz_source="stated")],
        "PT in August = PDT (UTC-7): 13.00 = 20:00Z",
    ),
    Case(
        "In Japan werd de uitkomst van de top om 8.00 uur tijd in Tokio bekend.",
        [clock("2025-08-15T23:00:00Z", text="8.00 uur tijd in Tokio", tz=TYO, tz_source="stated")],
        "JST = UTC+9; Anchorage day is JST 17:00 15th..17:00 16th, so 08:00 on the 16th = 23:00Z 15th",
    ),
    Case(
        "De gesprekken beginnen om 15.30 uur en de persconferentie staat gepland voor 18.30 uur Eastern Time.",
        [
            clock("2025-08-15T19:30:00Z", text="15.30 uur", tz=NY, tz_source="sentence"),
            clock("2025-08-15T22:30:00Z", text="18.30 uur Eastern Time", tz=NY, tz_source="stated"),
        ],
        "no preceding zoned time: the following one (Eastern) is carried back; 15.30 EDT = 19:30Z",
    ),
    Case(
        "Poetin landde om 11.00 uur lokale tijd en werd opgewacht door Trump, die al sinds 10.22 uur op "
        "het platform stond.",
        [
            clock("2025-08-15T19:00:00Z", tz=AK, tz_source="stated"),
            clock("2025-08-15T18:22:00Z", text="10.22 uur", tz=AK, tz_source="sentence", pair=None),
        ],
        "zone carried: 10.22 AKDT = 18:22Z; second time has no zone of its own -> no pair",
    ),
    # ------------------------------------------------------------------ pairs
    Case(
        "De persconferentie begint om 21.00 uur Nederlandse tijd (11.00 uur lokale tijd).",
        [
            clock("2025-08-15T19:00:00Z", text="21.00 uur Nederlandse tijd", tz=AMS, tz_source="stated"),
            clock("2025-08-15T19:00:00Z", text="11.00 uur lokale tijd", tz=AK, tz_source="stated",
                  conflict=None),
        ],
        "21.00 CEST = 11.00 AKDT = 19:00Z",
    ),
    Case(
        "De persconferentie is gepland om 17.00 uur lokale tijd (03.00 uur Nederlandse tijd).",
        [
            clock("2025-08-16T01:00:00Z", text="17.00 uur lokale tijd", tz=AK, tz_source="stated"),
            clock("2025-08-16T01:00:00Z", text="03.00 uur Nederlandse tijd", tz=AMS,
                  tz_source="stated", conflict=None),
        ],
        "17.00 AKDT = 01:00Z 16th = 03.00 CEST on the 16th (closest date); equal instant, so no rollover",
    ),
    Case(
        "Het Witte Huis mikt op 15.00 uur ET / 21.00 uur CEST voor de eerste gezamenlijke verklaring.",
        [
            clock("2025-08-15T19:00:00Z", text="15.00 uur ET", tz=NY, tz_source="stated"),
            clock("2025-08-15T19:00:00Z", text="21.00 uur CEST", tz_source="stated", conflict=None),
        ],
        "pair joined by '/': 15.00 EDT = 21.00 CEST = 19:00Z",
    ),
    Case(
        "Poetin zette om 22.00 uur MSK, 21.00 uur Nederlandse tijd, voet op Amerikaanse bodem.",
        [
            clock("2025-08-15T19:00:00Z", text="22.00 uur MSK", tz=MOW, tz_source="stated"),
            clock("2025-08-15T19:00:00Z", text="21.00 uur Nederlandse tijd", tz=AMS,
                  tz_source="stated", conflict=None),
        ],
        "pair joined by ',': 22.00 MSK = 21.00 CEST = 19:00Z",
    ),
    Case(
        "De beëdiging begon maandag om 12.00 uur ET, 18.00 uur Nederlandse tijd.",
        [
            clock("2025-01-20T17:00:00Z", text="12.00 uur ET", tz=NY, tz_source="stated",
                  date_source="weekday"),
            clock("2025-01-20T17:00:00Z", text="18.00 uur Nederlandse tijd", tz=AMS,
                  tz_source="stated", conflict=None),
        ],
        "Mon 20 Jan 2025: 12.00 EST (UTC-5) = 18.00 CET (UTC+1) = 17:00Z",
        date="2025-01-20", tz=NY,
    ),
    # ------------------------------------------------------------------ dates
    Case(
        "Zelensky zal zaterdag om 14.00 uur Kyivse tijd een verklaring afleggen over de top.",
        [clock("2025-08-16T11:00:00Z", text="14.00 uur Kyivse tijd", tz_source="stated",
               date_source="weekday")],
        "zaterdag = 16th; 14.00 EEST = 11:00Z 16th",
    ),
    Case(
        "Senator Dan Sullivan sprak donderdag rond 15.00 uur met Margaret Brennan van CBS News.",
        [clock("2025-08-14T23:00:00Z", text="rond 15.00 uur", modifier="approx", tz=AK,
               tz_source="article", date_source="weekday")],
        "donderdag = 14th; 15.00 AKDT = 23:00Z 14th",
    ),
    Case(
        "Het interview met Sullivan wordt zondag om 10.30 uur ET uitgezonden in 'Face the Nation'.",
        [clock("2025-08-17T14:30:00Z", text="10.30 uur ET", tz=NY, date_source="weekday")],
        "zondag = 17th; 10.30 EDT = 14:30Z 17th",
    ),
    Case(
        "Zelensky wordt maandag om 13.15 uur ET in het Oval Office verwacht.",
        [clock("2025-08-18T17:15:00Z", text="13.15 uur ET", tz=NY, date_source="weekday")],
        "maandag = 18th (3 days after); 13.15 EDT = 17:15Z 18th",
    ),
    Case(
        "Trump dreigde woensdag om 16.00 uur EDT in het Kennedy Center met 'zeer ernstige gevolgen'.",
        [clock("2025-08-13T20:00:00Z", text="16.00 uur EDT", tz=NY, date_source="weekday")],
        "woensdag = 13th; 16.00 EDT = 20:00Z 13th",
    ),
    Case(
        "Het Witte Huis bevestigde dinsdag om 11.00 uur EDT dat de top in Anchorage doorgaat.",
        [clock("2025-08-12T15:00:00Z", text="11.00 uur EDT", tz=NY, date_source="weekday")],
        "dinsdag = 12th (3 days before; the 19th is 4 after); 11.00 EDT = 15:00Z 12th",
    ),
    Case(
        "Als het meezit, zit Trump vrijdagavond om 20.00 uur lokale tijd alweer in Air Force One.",
        [clock("2025-08-16T04:00:00Z", text="20.00 uur lokale tijd", tz=AK, date_source="weekday")],
        "vrijdagavond = 15th; 20.00 AKDT = 04:00Z 16th",
    ),
    Case(
        "Air Force One landt zaterdagochtend om 4.30 uur EDT op Joint Base Andrews.",
        [clock("2025-08-16T08:30:00Z", text="4.30 uur EDT", tz=NY, date_source="weekday")],
        "zaterdag = 16th; 04.30 EDT = 08:30Z 16th",
    ),
    Case(
        "Het Kremlin maakte op 14 augustus 2025 om 18.00 uur lokale tijd bekend dat Lavrov meereist.",
        [clock("2025-08-15T02:00:00Z", text="18.00 uur lokale tijd", tz=AK, date_source="explicit")],
        "explicit 14 Aug 18.00 AKDT = 02:00Z 15th",
    ),
    Case(
        "De Russische delegatie vertrekt volgens het schema op 16.08.2025 om 01.00 uur lokale tijd.",
        [clock("2025-08-16T09:00:00Z", text="01.00 uur lokale tijd", tz=AK, date_source="explicit")],
        "16.08.2025 is the date (not 16:08); 16 Aug 01.00 AKDT = 09:00Z",
    ),
    Case(
        "Volgens het Kremlin vertrok de delegatie op 15 augustus 2025 om 7.00 uur Moskou-tijd.",
        [clock("2025-08-15T04:00:00Z", text="7.00 uur Moskou-tijd", tz=MOW, date_source="explicit")],
        "explicit date read in Moscow: 15 Aug 07.00 MSK = 04:00Z 15th (default would have been 16th)",
    ),
    Case(
        "Zelensky kondigde aan dat hij de volgende dag om 13.00 uur EDT met Trump zou bellen.",
        [clock("2025-08-16T17:00:00Z", text="13.00 uur EDT", tz=NY, date_source="relative")],
        "de volgende dag = 16th; 13.00 EDT = 17:00Z 16th",
    ),
    Case(
        "De Europese leiders overleggen morgen om 14.00 uur Nederlandse tijd over de uitkomst.",
        [clock("2025-08-16T12:00:00Z", text="14.00 uur Nederlandse tijd", tz=AMS,
               date_source="relative")],
        "morgen = 16th; 14.00 CEST = 12:00Z 16th",
    ),
    Case(
        "Trump zei gisteren om 21.00 uur lokale tijd tegen verslaggevers dat hij 'snel weg' zou gaan.",
        [clock("2025-08-15T05:00:00Z", text="21.00 uur lokale tijd", tz=AK, date_source="relative")],
        "gisteren = 14th; 21.00 AKDT 14th = 05:00Z 15th",
    ),
    Case(
        "De Russische delegatie vertrekt vannacht om 3.00 uur lokale tijd naar Moskou.",
        [clock("2025-08-16T11:00:00Z", text="3.00 uur lokale tijd", tz=AK, date_source="relative")],
        "vannacht + time before noon = +1: 16 Aug 03.00 AKDT = 11:00Z",
    ),
    Case(
        "Air Force One zet koers naar Washington; Trump wordt vannacht rond 4.30 uur terug in het Witte "
        "Huis verwacht.",
        [clock("2025-08-16T08:30:00Z", text="rond 4.30 uur", modifier="approx", tz=NY,
               tz_source="place", date_source="relative")],
        "place: Witte Huis -> Eastern; vannacht +1 -> 16 Aug 04.30 EDT = 08:30Z",
    ),
    Case(
        "Het staatsdiner voor de delegaties begint om 21.00 uur; de Russen vertrekken om 5.00 uur.",
        [
            clock("2025-08-16T05:00:00Z", text="21.00 uur", tz=AK, tz_source="article"),
            clock("2025-08-16T13:00:00Z", text="5.00 uur", tz=AK, date_source="rollover"),
        ],
        "21.00 AKDT = 05:00Z 16th; 5.00 (< 06:00) after an evening time in the line -> 16 Aug 05.00 AKDT = 13:00Z",
    ),
    # ------------------------------------------------------------------ modifiers
    Case(
        "De Russische president verliet omstreeks 13.00 uur de onderhandelingsruimte voor een korte pauze.",
        [clock("2025-08-15T21:00:00Z", text="omstreeks 13.00 uur", modifier="approx",
               earliest="2025-08-15T20:45:00Z", latest="2025-08-15T21:15:00Z")],
        "13.00 AKDT = 21:00Z ±15",
    ),
    Case(
        "De delegaties gingen circa 14.30 uur uiteen zonder gezamenlijke lunch.",
        [clock("2025-08-15T22:30:00Z", text="circa 14.30 uur", modifier="approx")],
        "14.30 AKDT = 22:30Z",
    ),
    Case(
        "Poetin arriveerde pas om zo'n 11.45 uur lokale tijd bij de onderhandelingsruimte.",
        [clock("2025-08-15T19:45:00Z", text="zo'n 11.45 uur lokale tijd", modifier="approx",
               tz=AK, tz_source="stated")],
        "11.45 AKDT = 19:45Z",
    ),
    Case(
        "Net na 15.00 uur kwamen Trump en Poetin samen de zaal binnen.",
        [clock("2025-08-15T23:00:00Z", text="Net na 15.00 uur", modifier="after",
               earliest="2025-08-15T23:00:00Z", latest="2025-08-15T23:30:00Z")],
        "15.00 AKDT = 23:00Z, +0..+30",
    ),
    Case(
        "Even na 14.00 uur lokale tijd meldde het Kremlin dat het eerste gesprek was afgelopen.",
        [clock("2025-08-15T22:00:00Z", text="Even na 14.00 uur lokale tijd", modifier="after",
               tz=AK, tz_source="stated")],
        "14.00 AKDT = 22:00Z",
    ),
    Case(
        "Kort voor 12.00 uur werden de verslaggevers de kamer uit gejaagd.",
        [clock("2025-08-15T20:00:00Z", text="Kort voor 12.00 uur", modifier="before",
               earliest="2025-08-15T19:30:00Z", latest="2025-08-15T20:00:00Z")],
        "12.00 AKDT = 20:00Z, -30..0",
    ),
    Case(
        "Zelensky publiceerde zijn verklaring net voor 19.00 uur Kyivse tijd.",
        [clock("2025-08-15T16:00:00Z", text="net voor 19.00 uur Kyivse tijd", modifier="before",
               earliest="2025-08-15T15:30:00Z", latest="2025-08-15T16:00:00Z")],
        "19.00 EEST on the 15th = 16:00Z, -30..0",
    ),
    Case(
        "De limousine van Trump, 'het Beest', reed om stipt 11.00 uur weg van het platform.",
        [clock("2025-08-15T19:00:00Z", text="stipt 11.00 uur", modifier="exact",
               earliest="2025-08-15T19:00:00Z", latest="2025-08-15T19:00:00Z")],
        "stipt = exact; 11.00 AKDT = 19:00Z",
    ),
    Case(
        "De persconferentie begon om precies 12.30 uur, maar vragen van journalisten waren niet toegestaan.",
        [clock("2025-08-15T20:30:00Z", text="precies 12.30 uur", modifier="exact", tz=AK,
               tz_source="article")],
        "precies = exact; 12.30 AKDT = 20:30Z",
    ),
    # ------------------------------------------------------------------ DST edges that do resolve
    Case(
        "De storing in de verkeerstoren van Schiphol was om 03.30 uur verholpen, meldde de luchthaven.",
        [clock("2024-03-31T01:30:00Z", text="03.30 uur", tz=AMS, tz_source="article", flags=[])],
        "31 Mar 2024, after the spring-forward gap: 03.30 CEST (UTC+2) = 01:30Z",
        date="2024-03-31", tz=AMS,
    ),
    Case(
        "De eerste melding van de storing kwam om 01.30 uur binnen bij de meldkamer.",
        [clock("2024-03-31T00:30:00Z", text="01.30 uur", tz=AMS, flags=[])],
        "31 Mar 2024, before the gap: 01.30 CET (UTC+1) = 00:30Z",
        date="2024-03-31", tz=AMS,
    ),
    Case(
        "De laatste nachtbus reed om 03.30 uur het station van Utrecht binnen.",
        [clock("2024-10-27T02:30:00Z", text="03.30 uur", tz=AMS, flags=[])],
        "27 Oct 2024, after the fold: 03.30 CET (UTC+1) = 02:30Z",
        date="2024-10-27", tz=AMS,
    ),
    # ------------------------------------------------------------------ clock ranges
    Case("De stembureaus in Anchorage zijn open van 7.30 tot 21 uur.",
         [{"kind": "clock", "text": "7.30", "utc": "2025-08-15T15:30:00Z", "tz_source": "article"},
          {"kind": "clock", "text": "21 uur", "utc": "2025-08-16T05:00:00Z"}],
         "van X tot Y uur: the first hour has no 'uur'; 07:30 AKDT = 15:30Z, 21:00 AKDT = 05:00Z next day"),
    Case("Het overleg staat gepland tussen 11 en 12 uur lokale tijd.",
         [{"kind": "clock", "text": "11", "utc": "2025-08-15T19:00:00Z", "tz_source": "sentence"},
          {"kind": "clock", "text": "12 uur lokale tijd", "utc": "2025-08-15T20:00:00Z", "tz_source": "stated"}],
         "tussen X en Y uur lokale tijd: the zone after the second hour covers the first; 11:00 AKDT = 19:00Z"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_extract_nl(case):
    assert_case(case, "nl")


def test_cases_unique():
    assert_unique(CASES)


def _mentions(text, date="2025-08-15", tz="America/Anchorage"):
    return [m.to_json() for m in timeline.text.extract(text, date=date, tz=tz, lang="nl")]


# ---------------------------------------------------------------------- pairs: shared id
@pytest.mark.parametrize("text", [
    "Dmitry Peskov zei dat Poetin om 11.00 uur lokale tijd (15.00 uur EDT) in Alaska zal landen.",
    "De bijeenkomst begon rond 11:27 uur lokale tijd (15:27 uur EDT).",
    "Trump zou Alaska om 17:45 uur lokale tijd of 21:45 uur EDT verlaten.",
    "De persconferentie is gepland om 17.00 uur lokale tijd (03.00 uur Nederlandse tijd).",
    "Het Witte Huis mikt op 15.00 uur ET / 21.00 uur CEST voor de eerste gezamenlijke verklaring.",
])
def test_pair_halves_share_id(text):
    found = [m for m in _mentions(text) if m["kind"] == "clock"]
    assert len(found) == 2, found
    a, b = found
    assert a["pair"] is not None and a["pair"] == b["pair"], (a, b)
    assert a["utc"] == b["utc"] and a["utc"] is not None, (a, b)
    assert a["conflict"] is None and b["conflict"] is None, (a, b)


# ---------------------------------------------------------------------- pairs that disagree
@pytest.mark.parametrize("text, utcs", [
    ("Poetin landt volgens het Kremlin om 11.00 uur lokale tijd (16.00 uur EDT) op Elmendorf-Richardson.",
     ["2025-08-15T19:00:00Z", "2025-08-15T20:00:00Z"]),
    ("Trump zou Alaska volgens een eerdere versie van het programma om 17:45 uur lokale tijd of "
     "20:45 uur EDT verlaten.",
     ["2025-08-16T01:45:00Z", "2025-08-16T00:45:00Z"]),
])
def test_conflicting_pair_keeps_both(text, utcs):
    # 11.00 AKDT = 19:00Z but 16.00 EDT = 20:00Z; 17:45 AKDT = 01:45Z 16th but 20:45 EDT
    # (closest date: the 15th) = 00:45Z 16th. Both halves are kept with their own instant.
    found = [m for m in _mentions(text) if m["kind"] == "clock"]
    assert [m["utc"] for m in found] == utcs, found
    assert found[0]["pair"] is not None and found[0]["pair"] == found[1]["pair"], found
    assert all(m["conflict"] is not None for m in found), found


# ---------------------------------------------------------------------- DST gaps and folds
@pytest.mark.parametrize("text, date, tz, flag, earliest, latest", [
    ("Volgens de politie werd de inbraak in Utrecht om 02.30 uur gemeld.",
     "2024-03-31", "Europe/Amsterdam", "dst_gap", "2024-03-31T00:30:00Z", "2024-03-31T01:30:00Z"),
    ("De aanrijding op de A2 gebeurde om 02.30 uur, meldde de politie.",
     "2024-10-27", "Europe/Amsterdam", "dst_fold", "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z"),
    ("Volgens de politie van New York viel het schot om 2.30 uur in Brooklyn.",
     "2025-03-09", "America/New_York", "dst_gap", "2025-03-09T06:30:00Z", "2025-03-09T07:30:00Z"),
])
def test_dst_edges(text, date, tz, flag, earliest, latest):
    # 02:30 read as summer time (CEST +2 / EDT -4) and as winter time (CET +1 / EST -5):
    # the window spans both readings, utc stays null.
    found = _mentions(text, date=date, tz=tz)
    assert len(found) == 1, found
    m = found[0]
    assert m["kind"] == "clock"
    assert m["utc"] is None, m
    assert flag in m["flags"], m
    assert (m["earliest"], m["latest"]) == (earliest, latest), m


def test_est_in_summer_is_flagged():
    found = _mentions("Het interview met Bret Baier werd om 15.00 uur EST opgenomen.")
    assert len(found) == 1, found
    assert "abbrev_mismatch" in found[0]["flags"], found[0]
