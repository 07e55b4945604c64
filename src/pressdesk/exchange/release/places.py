"""Dateline places: which country (and time zone) a place such as "ARLINGTON, Va." or "Wien" points to."""

from __future__ import annotations

import re

__all__ = ["REGION_ZONES", "place_region", "placeish", "regions_named"]

REGION_ZONES = {
    "GB": "Europe/London", "IE": "Europe/Dublin", "US": "America/New_York", "AU": "Australia/Sydney",
    "DE": "Europe/Berlin", "AT": "Europe/Vienna", "CH": "Europe/Zurich", "NZ": "Pacific/Auckland",
    "CA": "America/Toronto", "FR": "Europe/Paris", "NL": "Europe/Amsterdam", "BE": "Europe/Brussels",
    "ES": "Europe/Madrid", "IT": "Europe/Rome", "ZA": "Africa/Johannesburg", "IN": "Asia/Kolkata",
    "SG": "Asia/Singapore", "DK": "Europe/Copenhagen", "SE": "Europe/Stockholm", "NO": "Europe/Oslo",
    "FI": "Europe/Helsinki", "PT": "Europe/Lisbon", "PL": "Europe/Warsaw", "BR": "America/Sao_Paulo",
}  # fmt: skip

_NY, _CHI, _DEN, _LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
# region|zone or "-" for the region's usual zone|places, lower case, comma-separated.
_TABLE = f"""
US|{_NY}|washington,d.c.,dc,new york,n.y.,boston,philadelphia,baltimore,atlanta,miami,detroit,pittsburgh,arlington,
va.,virginia,md.,maryland,mass.,massachusetts,fla.,florida,ga.,georgia,ohio,pa.,pennsylvania,n.j.,new jersey,conn.,
mich.,michigan,n.c.,north carolina,s.c.,dayton,columbus,cleveland,cincinnati,charlotte,richmond,raleigh
US|{_CHI}|chicago,ill.,illinois,houston,dallas,austin,texas,minneapolis,minn.,nashville,tenn.,st. louis,mo.,
new orleans,la.,milwaukee,wis.,kansas city,iowa,des moines
US|{_DEN}|denver,colo.,colorado,salt lake city,utah
US|America/Phoenix|phoenix,ariz.
US|{_LA}|los angeles,san francisco,san diego,san jose,sacramento,calif.,california,seattle,wash.,portland,ore.,
oregon,las vegas,nev.
US|-|usa,u.s.,united states
GB|-|london,manchester,birmingham,leeds,liverpool,bristol,sheffield,newcastle,nottingham,leicester,oxford,
cambridge,exeter,york,edinburgh,glasgow,aberdeen,dundee,cardiff,swansea,belfast,uk,united kingdom,england,scotland,
wales,northern ireland,norwich,ipswich,halesworth
IE|-|dublin,cork,galway,limerick,waterford,maynooth,kilkenny,sligo,athlone,ireland
AU|Australia/Sydney|sydney,canberra,nsw,new south wales
AU|Australia/Melbourne|melbourne,victoria
AU|Australia/Brisbane|brisbane,gold coast,queensland,qld
AU|Australia/Perth|perth
AU|Australia/Adelaide|adelaide
AU|Australia/Hobart|hobart
AU|Australia/Darwin|darwin
AU|-|australia
DE|-|berlin,münchen,munich,hamburg,frankfurt,frankfurt am main,köln,cologne,stuttgart,düsseldorf,leipzig,dresden,
bonn,hannover,potsdam,heidelberg,bremen,nürnberg,kiel,mainz,deutschland,germany,freiburg,göttingen,jena,aachen
AT|-|wien,vienna,graz,salzburg,innsbruck,linz,klagenfurt,österreich,austria
CH|-|zürich,zurich,bern,basel,genf,geneva,genève,lausanne,schweiz,switzerland,suisse
FR|-|paris,lyon,marseille,toulouse,bordeaux,lille,nantes,strasbourg,montpellier,france
ES|-|madrid,barcelona,valencia,sevilla,seville,bilbao,zaragoza,málaga,españa,spain
NZ|-|auckland,wellington,christchurch,new zealand
CA|America/Toronto|toronto,ottawa,montreal,montréal,ontario,ont.,quebec,québec,thunder bay
CA|America/Vancouver|vancouver,british columbia,b.c.
CA|-|canada
PT|-|lisboa,lisbon,porto,coimbra,braga,aveiro,faro,évora,funchal,guimarães,setúbal,portugal
BR|-|são paulo,sao paulo,rio de janeiro,belo horizonte,brasília,brasilia,curitiba,porto alegre,campinas,
florianópolis,brasil,brazil
SE|-|stockholm,göteborg,gothenburg,malmö,uppsala,lund,linköping,umeå,örebro,västerås,luleå,sverige,sweden
DK|-|københavn,copenhagen,aarhus,århus,odense,aalborg,roskilde,kongens lyngby,lyngby,esbjerg,danmark,denmark
NO|-|oslo,bergen,trondheim,stavanger,tromsø,kristiansand,bodø,drammen,norge,norway
FI|-|helsinki,helsingfors,espoo,tampere,turku,åbo,oulu,jyväskylä,kuopio,vantaa,lahti,suomi,finland
PL|-|warszawa,warsaw,kraków,krakow,cracow,wrocław,wroclaw,poznań,poznan,gdańsk,gdansk,łódź,lodz,katowice,lublin,
szczecin,toruń,białystok,polska,poland
IN|-|new delhi,delhi,mumbai,bengaluru,bangalore,chennai,kolkata,hyderabad,pune,ahmedabad,karnataka,india
"""
_PLACES: dict[str, tuple[str, str | None]] = {}
for _row in re.split(r"\n(?=[A-Z]{2}\|)", _TABLE.strip()):
    _region, _zone, _names = _row.split("|", 2)
    for _name in _names.replace("\n", "").split(","):
        _PLACES[_name.strip()] = (_region, None if _zone == "-" else _zone)


def place_region(place: str) -> tuple[str, str | None] | None:
    """Return (region, zone) for a dateline place such as "WASHINGTON, D.C." or "Leeds, UK, and Lyon, France"."""
    p = re.sub(r"\s+", " ", place.strip(" ,.-–—(")).lower()
    p = re.sub(r"^(?:and|und|et|y)\s+", "", p)
    if not p or len(p) > 80:
        return None
    if p in _PLACES:
        return _PLACES[p]
    first_place = re.split(r",?\s+(?:and|und|et|y)\s+", p)[0]
    parts = [x.strip() for x in first_place.split(",") if x.strip()]
    best: tuple[str, str | None] | None = None
    for part in reversed(parts):
        for key in (part, part.rstrip(".") + ".", part.rstrip(".")):
            if key in _PLACES:
                region, zone = _PLACES[key]
                if best is None or (zone and not best[1] and best[0] == region):
                    best = (region, zone)
                break
    return best


def placeish(place: str) -> bool:
    """Return True when text could be a dateline place (short, capitalised words)."""
    if not re.fullmatch(r"[\w.'’ ,-]+", place):
        return False
    words = place.replace(",", " ").split()
    if not 1 <= len(words) <= 9:
        return False
    small = {"am", "an", "der", "upon", "on", "de", "and", "und", "et", "y", "le"}
    return all(w[0].isupper() or w in small for w in words)


_NAMED_RX = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in sorted(_PLACES, key=len, reverse=True) if len(k) >= 5)
    + r")(?![\w])",
    re.IGNORECASE,
)


def regions_named(text: str) -> dict[str, int]:
    """How many different known places of each country a text names (capitalised), for guessing its country."""
    seen: dict[str, set[str]] = {}
    for m in _NAMED_RX.finditer(text):
        if m.group(0)[0].isupper():
            seen.setdefault(_PLACES[m.group(0).lower()][0], set()).add(m.group(0).lower())
    return {region: len(names) for region, names in seen.items()}
