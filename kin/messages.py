"""Error messages in Norwegian Bokmål, for the secretariat who edit the data.

Field paths stay as they are written in the files (``agenda[2].speakers[0]``);
only the explanations are translated. Every message the loader and the
validator can produce is written here, including libyaml's syntax errors and
pydantic's error types; anything unforeseen still gets a Norwegian sentence.
"""

from __future__ import annotations

from typing import Any

FIELDS_HELP = "se data/README.md for feltene som er lov"

# libyaml's problem texts (the strings compiled into PyYAML's _yaml module).
_COLON = "kolon er ikke lov her (sett teksten i anførselstegn om den inneholder «: »)"
YAML_PROBLEMS = {
    "found unexpected end of stream": "filen slutter før verdien er avsluttet",
    "found character that cannot start any token": "tegnet her kan ikke starte en verdi (bruk anførselstegn)",
    "mapping values are not allowed in this context": _COLON,
    "mapping values are not allowed here": _COLON,
    "block sequence entries are not allowed in this context": "listeoppføring («- ») er ikke lov her; sjekk innrykket",
    "could not find expected ':'": "fant ikke forventet kolon («:») etter feltnavnet",
    "did not find expected key": "fant ikke forventet feltnavn; sjekk innrykket",
    "did not find expected node content": "fant ikke forventet verdi",
    "did not find expected ',' or ']'": "fant ikke forventet «,» eller «]» (en liste i [ ] er ikke lukket)",
    "did not find expected ',' or '}'": "fant ikke forventet «,» eller «}» (en { } er ikke lukket)",
    "did not find expected '-' indicator": "fant ikke forventet «- »; sjekk innrykket i listen",
    "did not find expected <document start>": "fant ikke forventet dokumentstart («---»)",
    "did not find expected comment or line break": "fant ikke forventet kommentar eller linjeskift",
    "did not find expected whitespace": "fant ikke forventet mellomrom",
    "did not find expected whitespace or line break": "fant ikke forventet mellomrom eller linjeskift",
    "did not find expected alphabetic or numeric character": "fant ikke forventet bokstav eller tall",
    "did not find expected '!'": "fant ikke forventet «!»",
    "did not find expected tag URI": "ugyldig YAML-tagg",
    "did not find URI escaped octet": "ugyldig YAML-tagg",
    "did not find expected hexdecimal number": "fant ikke forventet heksadesimalt tall i en \\x- eller \\u-kode",
    "did not find expected digit or '.' character": "fant ikke forventet siffer eller punktum",
    "did not find expected version number": "fant ikke forventet versjonsnummer",
    "did not find expected directive name": "fant ikke forventet direktivnavn etter «%»",
    "did not find the expected '>'": "fant ikke forventet «>»",
    "did not find expected <stream-start>": "filen kunne ikke leses som YAML",
    "found a tab character that violates indentation": "tabulator i innrykket; bruk mellomrom",
    "found a tab character where an indentation space is expected": "tabulator i innrykket; bruk mellomrom",
    "found an indentation indicator equal to 0": "innrykksindikatoren kan ikke være 0",
    "found unexpected ':'": "uventet kolon; sett teksten i anførselstegn",
    "found unexpected document indicator": "uventet dokumentskille («---» eller «...») inne i en verdi",
    "found unknown escape character": "ukjent escape-kode etter \\ i teksten i doble anførselstegn",
    "found invalid Unicode character escape code": "ugyldig Unicode-kode etter \\u",
    "found undefined alias": "ukjent alias (*)",
    "found undefined tag handle": "ukjent YAML-tagg",
    "found unexpected non-alphabetical character": "uventet tegn i et YAML-direktiv",
    "found unknown directive name": "ukjent YAML-direktiv (linjer som starter med %)",
    "found duplicate %TAG directive": "%TAG-direktivet står to ganger",
    "found duplicate %YAML directive": "%YAML-direktivet står to ganger",
    "found incompatible YAML document": "YAML-versjonen støttes ikke",
    "found extremely long version number": "altfor langt versjonsnummer",
    "found duplicate anchor; first occurrence": "ankeret (&) er definert to ganger",
    "expected a single document in the stream": "bare ett YAML-dokument per fil (fjern den ekstra ---)",
    "expected <document start>": "fant ikke forventet dokumentstart («---»)",
}

# Contexts whose opening position is where the mistake is (an unclosed quote or bracket).
OPENING_CONTEXTS = {
    "while scanning a quoted scalar": "anførselstegnet her blir aldri lukket",
    "while parsing a flow sequence": "listen som åpnes med «[» her, blir aldri lukket med «]»",
    "while parsing a flow mapping": "«{» her blir aldri lukket med «}»",
}


def unclosed(problem: str | None, context: str | None) -> bool:
    """Whether the error is a quote or bracket never closed: then its opening is the place to show."""
    return context in OPENING_CONTEXTS and problem in {
        "found unexpected end of stream",
        "did not find expected ',' or ']'",
        "did not find expected ',' or '}'",
    }


def runaway_quote(error_line: int) -> str:
    return f"YAML-syntaksfeil: anførselstegnet her blir aldri lukket (teksten løper videre til linje {error_line})"


def yaml_syntax(problem: str | None, context: str | None) -> str:
    """A libyaml error, in Norwegian."""
    if unclosed(problem, context):
        return f"YAML-syntaksfeil: {OPENING_CONTEXTS[context]}"
    text = YAML_PROBLEMS.get(problem or "")
    if text is None:
        text = f"ugyldig YAML ({problem or context or 'ukjent feil'})"
    return f"YAML-syntaksfeil: {text}"


FILE_MISSING = "filen mangler"
FILE_EMPTY = "filen er tom"
FOLDER_MISSING = "mappen mangler"
IS_DIRECTORY = "dette er en mappe, ikke en fil; gi den et navn som ikke slutter på .yml"
NOT_READABLE = "filen kan ikke leses (mangler lesetilgang)"
OUTSIDE_DATA = "filen er en snarvei (symlenke) som peker ut av data-mappen; legg selve filen her"
SYMLINK_LOOP = "filen er en snarvei (symlenke) som ikke peker til noen fil"
ANCHOR = "ankere og alias (&, *) er ikke lov; skriv verdien ut hver gang"
MERGE_KEY = "flettenøkler (<<) er ikke lov; skriv feltene ut"
KEY_NOT_TEXT = "feltnavn må være vanlig tekst"
EXTRA_DOCUMENT = "bare ett YAML-dokument per fil (fjern den ekstra ---)"
TOO_DEEP = "for dypt nøstet (mer enn {limit} nivåer)"


def cannot_read(reason: str) -> str:
    return f"filen kan ikke leses: {reason}"


def not_utf8() -> str:
    return "ugyldig tegn: filen må være lagret som UTF-8 (lagre den på nytt som UTF-8 i redigeringsprogrammet)"


def control_character(char: str) -> str:
    return f"kontrolltegnet U+{ord(char):04X} er ikke lov (ofte limt inn fra Word eller PDF); slett det"


def hidden_character(description: str) -> str:
    return (
        f"usynlig formateringstegn {description} er ikke lov: det kan snu eller skjule teksten "
        "(ofte limt inn fra nettsider, Word eller PDF); slett det"
    )


def tag(name: str) -> str:
    return f"YAML-taggen {name} er ikke lov; fjern den (verdier skrives uten tagg)"


def duplicate_key(first_line: int) -> str:
    return f"feltet står to ganger (første gang på linje {first_line})"


# --- Validation (pydantic error types) ----------------------------------------------

TYPE_NAMES = {
    "str": "tekst",
    "int": "et heltall",
    "float": "et tall",
    "bool": "true eller false",
    "list": "en liste",
    "dict": "felt med verdier",
    "NoneType": "tom verdi",
}

EXPECTED = {
    "string_type": "tekst",
    "int_type": "et heltall",
    "int_parsing": "et heltall",
    "int_from_float": "et heltall",
    "float_type": "et tall",
    "float_parsing": "et tall",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "list_type": "en liste",
    "tuple_type": "en liste",
    "set_type": "en liste",
    "dict_type": "felt med verdier (navn: verdi)",
    "model_type": "felt med verdier (navn: verdi)",
    "model_attributes_type": "felt med verdier (navn: verdi)",
    "date_type": "en dato som ÅÅÅÅ-MM-DD",
    "date_parsing": "en dato som ÅÅÅÅ-MM-DD",
    "date_from_datetime_parsing": "en dato som ÅÅÅÅ-MM-DD",
}


def _given(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (sant/usant)"
    if value is None:
        return "en tom verdi"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, dict):
        return "felt med verdier"
    if isinstance(value, int | float):
        return f"tallet {value!r}"
    return f"«{value}»" if len(str(value)) <= 80 else f"«{str(value)[:77]}...»"


def _either(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace(" or ", " eller ")


def moved_field(now: str) -> str:
    return f"ukjent felt; dette skrives nå som {now} (se data/README.md)"


def unknown_field(fields_link: str = "") -> str:
    """``fields_link``: the field reference section listing the allowed fields (``kin.reference.link_for``)."""
    where = f"se {fields_link} for feltene som er lov" if fields_link else FIELDS_HELP
    return f"ukjent felt (sjekk stavemåten; {where})"


# Pydantic error types whose message only fills in the limit, the given value ({given})
# or the allowed values ({allowed}) from the error's context.
_BY_TYPE = {
    "enum": "ugyldig verdi {given}; tillatt er {allowed}",
    "literal_error": "ugyldig verdi {given}; tillatt er {allowed}",
    "string_too_short": "kan ikke være tom",
    "string_too_long": "for lang (høyst {max_length} tegn)",
    "too_short": "må ha minst {min_length} oppføring(er)",
    "too_long": "kan ha høyst {max_length} oppføringer",
    "greater_than": "må være større enn {gt}, fikk {given}",
    "greater_than_equal": "må være minst {ge}, fikk {given}",
    "less_than": "må være mindre enn {lt}, fikk {given}",
    "less_than_equal": "kan være høyst {le}, fikk {given}",
    "finite_number": "må være et endelig tall, fikk {given}",
}


def validation(err: dict[str, Any]) -> str:
    """A pydantic error (one item of ``ValidationError.errors()``), in Norwegian."""
    kind, given, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if kind == "extra_forbidden":
        return unknown_field()
    if kind == "missing":
        return "obligatorisk felt mangler"
    if kind == "string_type" and isinstance(given, bool):
        return f"forventet tekst, fikk {_given(given)}; sett verdien i anførselstegn"
    if kind in _BY_TYPE:
        return _BY_TYPE[kind].format_map({**ctx, "given": _given(given), "allowed": _either(ctx)})
    if kind in EXPECTED:
        return f"forventet {EXPECTED[kind]}, fikk {_given(given)}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == r"\S":
            return "kan ikke være tom eller bare mellomrom"
        if pattern == r"^[a-z0-9][a-z0-9-]*$":
            return f"ugyldig id {_given(given)}: bruk små bokstaver a–z, sifre og bindestrek (som ola-nordmann)"
        return f"{_given(given)} har feil form (må passe mønsteret {pattern})"
    if kind == "value_error":
        # Our own validators (kin/schema.py) raise ValueError with a Norwegian message.
        return str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
    return f"ugyldig verdi {_given(given)} ({kind})"
