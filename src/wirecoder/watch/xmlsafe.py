"""XML from the web is parsed only when it declares no entities (the billion laughs and its kin) and
references nothing external: defusedxml checks it before feedparser or ElementTree sees it."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml
import defusedxml.ElementTree as SafeET

from ..errors import WirecoderError

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def safe_tree(data: bytes, *, origin: str) -> ET.Element | None:
    """The parsed document; W085 for entity declarations or external references; None when the bytes are not
    well-formed XML (a lenient reader such as feedparser may still make sense of them: entity declarations
    are refused before that, even in a broken document)."""
    if _ENTITY_DECLARATION.search(data):
        raise WirecoderError("W085", f"{origin} declares XML entities (an XML bomb, or an attempt to read files)")
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as err:
        raise WirecoderError("W085", f"{origin} was refused: {type(err).__name__}") from err
    except ET.ParseError:
        return None
