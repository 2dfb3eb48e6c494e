"""Words that name a country through its people or its adjective (demonyms).

A text names a country when it writes its demonym: "the Nicaraguan minister" names
Nicaragua, "South Korean officials" South Korea. Text grounding (`crosscheck.wordmatch`)
folds each such word to the country's folded form, so a record's country is found in a
source that only writes the adjective, and the adjective in a record is found in a source
that writes the country.

Each line of `_TABLE` is `country: word word ...`, all folded (lower case, no accents or
dots). The country is written as the folded words of its usual English name run
together ("elsalvador", "unitedarabemirates") when its demonym stands for the whole
name; when the demonym stands for one word of a longer name and the other words are
written with it ("South African", "New Zealander", "Sri Lankan"), the country is that
one word ("africa", "zealand", "lanka"), so the phrase folds word by word to the name.
A demonym of more than one country is folded to the word their names share ("Guinean":
"guinea", "Congolese": "congo") or, with no such word, left out ("Dominican").
A few entries are not demonyms but other names of one country kept with them ("usa",
"u.s", "uk", "america", "unitedstates" for "United States" run together), and three are
regions ("european", "asian", "african").
"""

from __future__ import annotations

_TABLE = """
afghanistan: afghan
albania: albanian
algeria: algerian
andorra: andorran
angola: angolan
argentina: argentine argentinian argentinean
armenia: armenian
australia: australian
austria: austrian
azerbaijan: azerbaijani azeri
bahamas: bahamian
bahrain: bahraini
bangladesh: bangladeshi
barbados: barbadian
belarus: belarusian belarussian
belgium: belgian
belize: belizean
benin: beninese
bhutan: bhutanese
bolivia: bolivian
bosnia: bosnian
botswana: botswanan motswana
brazil: brazilian
brunei: bruneian
bulgaria: bulgarian
burkinafaso: burkinabe
burundi: burundian
cambodia: cambodian khmer
cameroon: cameroonian
canada: canadian
verde: verdean
chad: chadian
chile: chilean
china: chinese
colombia: colombian
comoros: comorian
congo: congolese
rica: rican
croatia: croatian croat
cuba: cuban
cyprus: cypriot
czechia: czech
denmark: danish
djibouti: djiboutian
ecuador: ecuadorian ecuadorean
egypt: egyptian
elsalvador: salvadoran salvadorean
eritrea: eritrean
estonia: estonian
ethiopia: ethiopian
fiji: fijian
finland: finnish
france: french
gabon: gabonese
gambia: gambian
georgia: georgian
germany: german
ghana: ghanaian
greece: greek
guatemala: guatemalan
guinea: guinean
guyana: guyanese
haiti: haitian
honduras: honduran
hongkong: hongkonger
hungary: hungarian
iceland: icelandic icelander
india: indian
indonesia: indonesian
iran: iranian
iraq: iraqi
ireland: irish
israel: israeli
italy: italian
ivorycoast: ivorian
jamaica: jamaican
japan: japanese
jordan: jordanian
kazakhstan: kazakh kazakhstani
kenya: kenyan
korea: korean
kosovo: kosovar
kuwait: kuwaiti
kyrgyzstan: kyrgyz
laos: lao laotian
latvia: latvian
lebanon: lebanese
lanka: lankan
leone: leonean
liberia: liberian
libya: libyan
liechtenstein: liechtensteiner
lithuania: lithuanian
luxembourg: luxembourgish luxembourger
macedonia: macedonian
madagascar: malagasy
malawi: malawian
malaysia: malaysian
maldives: maldivian
mali: malian
malta: maltese
mauritania: mauritanian
mauritius: mauritian
mexico: mexican
moldova: moldovan
monaco: monegasque
mongolia: mongolian
montenegro: montenegrin
morocco: moroccan
mozambique: mozambican
myanmar: burmese
namibia: namibian
nepal: nepali nepalese
netherlands: dutch
zealand: zealander
nicaragua: nicaraguan
niger: nigerien
nigeria: nigerian
norway: norwegian
oman: omani
pakistan: pakistani
palestine: palestinian
panama: panamanian
paraguay: paraguayan
peru: peruvian
philippines: philippine filipino filipinos filipina
poland: polish
portugal: portuguese
qatar: qatari
romania: romanian
russia: russian
rwanda: rwandan
saudi: saudi
senegal: senegalese
serbia: serbian serb
seychelles: seychellois
singapore: singaporean
slovakia: slovak slovakian
slovenia: slovenian slovene
somalia: somali somalian
spain: spanish spaniard
sudan: sudanese
suriname: surinamese
sweden: swedish
switzerland: swiss
syria: syrian
taiwan: taiwanese
tajikistan: tajik tajikistani
tanzania: tanzanian
thailand: thai
timor: timorese
togo: togolese
tonga: tongan
trinidad: trinidadian
tunisia: tunisian
turkey: turkish
turkmenistan: turkmen
uganda: ugandan
ukraine: ukrainian
unitedarabemirates: emirati
uruguay: uruguayan
uzbekistan: uzbek uzbekistani
venezuela: venezuelan
vietnam: vietnamese
yemen: yemeni
zambia: zambian
zimbabwe: zimbabwean
samoa: samoan
us: american america usa u.s unitedstates
britain: british briton uk unitedkingdom
ussr: soviet
europe: european
asia: asian
africa: african
"""


def _read(table: str) -> dict[str, str]:
    """Word -> country, with the plural of each word for people ('Nicaraguans',
    'Iraqis'); a word listed twice is an error in the table."""
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        country, _, words = line.partition(":")
        for word in words.split():
            forms = [word]
            if word[-1] in "ni" and word not in ("america", "britain"):
                forms.append(word + "s")
            for form in forms:
                if form in out:
                    raise ValueError(f"demonym {form!r} listed twice")
                out[form] = country.strip()
    return out


DEMONYMS: dict[str, str] = _read(_TABLE)
"""A folded demonym (or another name of one country) -> the country's folded form."""

COUNTRY_FORMS: frozenset[str] = frozenset(DEMONYMS.values())
"""The folded forms the demonyms fold to."""


def _words_for(demonyms: dict[str, str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word, country in demonyms.items():
        out.setdefault(country, []).append(word)
    return {country: tuple(words) for country, words in out.items()}


WORDS_FOR_COUNTRY: dict[str, tuple[str, ...]] = _words_for(DEMONYMS)
"""A country's folded form -> the words that name it ("jordan" -> "jordanian", ...)."""

TRADE_BLOCS: frozenset[str] = frozenset(
    {"eu", "ec", "eec", "europeanunion", "europeancommunity", "asean", "mercosur", "efta"}
)
"""Folded names of trade blocs a flow can go to or come from ("exports to the EC"): partners
as a country is, though no country's demonym names them."""
