"""How two places an article names relate: the same place, a province holding a town, a country or region that
holds a finer place named with it."""
from __future__ import annotations

from dataclasses import replace

from ..article import Place
from ..geo.countries import COUNTRY_CODES
from ..geo.holding import DISTRICT_CODES
from ..geo.points import distance_km

DISTRICT_KM = 30.0  # a district holds a town this near its point or its seat (as merging reads it)


def same_place(a: Place, b: Place) -> bool:
    return (a.geonameid or (a.name, a.country)) == (b.geonameid or (b.name, b.country))


def within_admin1(area: Place, place: Place) -> bool:
    """Whether the place lies in the first-level area (its province) the area names."""
    return bool(place.admin1 and area.name and place.country == area.country
                and (place.admin1 == area.name or area.name in place.admin1 or place.admin1 in area.name))


def contains(area: Place, place: Place) -> bool:
    """Whether a coarser place holds a finer one named with it: its province ("Amhara" for a town there), its
    district ("Gorom Gorom, in Oudalan province", a plain town near the district's point or seat), or any region or
    province of the same country when the finer place is a town or district."""
    if place.geo_precision >= area.geo_precision or place.country != area.country:
        return False
    if place.admin1 and area.name and (place.admin1 == area.name or area.name in place.admin1
                                       or place.admin1 in area.name):
        return True
    # a district holds a plain town near it, not a city that is a seat: "the Hodan district of Mogadishu" is a part
    # of the capital, which it lies near
    return area.geo_precision >= 3 or (place.feature_code == "PPL" and in_district(place, area))


def within(place: Place | None, area: Place | None) -> bool:
    """Whether a place lies in a coarser area: its country, its province, or the area the text names around a
    village no gazetteer knows."""
    if place is None or area is None or place.country != area.country:
        return False
    if place.within is not None and place.within.text == area.span.text and (
            (place.lat, place.lon) == (area.lat, area.lon) or area.seat == (area.lat, area.lon)):
        # a village no gazetteer knows, placed at the area the text names around it (not at a town beside it; the
        # area's own event may have moved to its seat town)
        return area.feature_class == "A"
    if area.feature_code in COUNTRY_CODES:  # a country holds every place of it, also a village placed no finer than
        return place.feature_code not in COUNTRY_CODES  # its province ("El Plateado, in Cauca province": precision 3)
    if area.geo_precision <= place.geo_precision:
        return False
    return within_admin1(area, place)


def at_seat(place: Place | None) -> Place | None:
    """Where an event known only by its district or province is placed: the area's seat town (ACLED's convention;
    the event keeps the area's name, id and precision), else the area's own point."""
    if place is None or place.seat is None:
        return place
    return replace(place, lat=place.seat[0], lon=place.seat[1])


def in_district(place: Place | None, district: Place | None) -> bool:
    """Whether a town lies in a district the article names: the district the gazetteer puts it in ("hooded men
    burned three trucks in Arauco province ... south of Tirua", 61 km from the district's point), or one near whose
    point or seat town it lies ("on the road in Esan West LGA" and "on the outskirts of Ekpoma", its seat)."""
    if place is None or district is None or district.feature_code not in DISTRICT_CODES or place.lat is None \
            or place.country != district.country or place.geo_precision >= district.geo_precision:
        return False
    if place.admin2 and district.feature_code == "ADM2" and place.admin2 == district.admin2:
        return True
    points = [p for p in ((district.lat, district.lon), district.seat) if p is not None and p[0] is not None]
    return any(distance_km(place.lat, place.lon, lat, lon) <= DISTRICT_KM for lat, lon in points)
