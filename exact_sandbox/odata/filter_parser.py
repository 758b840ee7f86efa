"""`$filter` parsing: OData v2 syntax as Exact accepts it (spec §3.5) into a small AST.

Grammar: expr := and_expr ('or' and_expr)*; and_expr := unary ('and' unary)*;
unary := 'not' unary | comparison; comparison := operand (op operand)?;
operand := '(' expr ')' | function '(' args ')' | literal | field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import bad_request
from .values import wall_literal_ms

COMPARISONS = ("eq", "ne", "gt", "ge", "lt", "le")
FUNCTIONS = ("trim", "tolower", "toupper", "startswith", "endswith", "substringof")
_TOKEN_RE = re.compile(
    r"""\s*(?:
      (?P<typed>(?:guid|datetime|datetimeoffset)'[^']*')
    | (?P<string>'(?:[^']|'')*')
    | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[LlMmDdFf]?)
    | (?P<name>[A-Za-z_][A-Za-z0-9_/]*)
    | (?P<punct>[(),])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Literal:
    value: object
    kind: str  # Guid, DateTime, String, Int64, Double, Boolean, Null


@dataclass(frozen=True)
class Field:
    name: str


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple


@dataclass(frozen=True)
class Compare:
    op: str
    left: object
    right: object


@dataclass(frozen=True)
class Logical:
    op: str  # and / or
    parts: tuple


@dataclass(frozen=True)
class Not:
    operand: object


def tokenize(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, position) tokens; an unknown character is a syntax error."""
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if not match or match.end() == position:
            raise bad_request(f"Syntax error at position {position} in '{text}'.")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    return tokens


def literal_of(kind: str, text: str) -> Literal:
    """The Literal a token stands for (also used to read `$skiptoken` values)."""
    if kind == "typed":
        prefix, body = text.split("'", 1)
        body = body[:-1]
        if prefix == "guid":
            return Literal(body.lower(), "Guid")
        try:
            return Literal(wall_literal_ms(body), "DateTime")
        except ValueError:
            raise bad_request(f"Unrecognized 'Edm.DateTime' literal '{text}'.") from None
    if kind == "string":
        return Literal(text[1:-1].replace("''", "'"), "String")
    if kind == "number":
        if text[-1] in "Ll":
            return Literal(int(text[:-1]), "Int64")
        if text[-1] in "MmDdFf" or "." in text or "e" in text.lower():
            return Literal(float(text.rstrip("MmDdFf")), "Double")
        return Literal(int(text), "Int32")
    words = {"true": Literal(True, "Boolean"), "false": Literal(False, "Boolean")}
    if text in words:
        return words[text]
    return Literal(None, "Null")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.position = 0

    def parse(self) -> object:
        node = self.expr()
        if self.position < len(self.tokens):
            self.fail()
        return node

    def fail(self):
        at = self.tokens[self.position][2] if self.position < len(self.tokens) else len(self.text)
        raise bad_request(f"Syntax error at position {at} in '{self.text}'.")

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, word: str | None = None) -> tuple[str, str, int]:
        token = self.peek()
        if token is None or (word is not None and token[1] != word):
            self.fail()
        self.position += 1
        return token  # type: ignore[return-value]

    def keyword(self, word: str) -> bool:
        token = self.peek()
        if token and token[0] == "name" and token[1] == word:
            self.position += 1
            return True
        return False

    def expr(self) -> object:
        parts = [self.and_expr()]
        while self.keyword("or"):
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Logical("or", tuple(parts))

    def and_expr(self) -> object:
        parts = [self.unary()]
        while self.keyword("and"):
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else Logical("and", tuple(parts))

    def unary(self) -> object:
        if self.keyword("not"):
            return Not(self.unary())
        left = self.operand()
        token = self.peek()
        if token and token[0] == "name" and token[1] in COMPARISONS:
            self.position += 1
            return Compare(token[1], left, self.operand())
        return left

    def operand(self) -> object:
        kind, text, _ = self.take()
        if kind == "punct" and text == "(":
            node = self.expr()
            self.take(")")
            return node
        if kind == "name" and text in FUNCTIONS:
            return self.call(text)
        if kind == "name" and text not in ("true", "false", "null"):
            if text in COMPARISONS or text in ("and", "or", "not"):
                self.position -= 1
                self.fail()
            return Field(text)
        if kind == "punct":
            self.position -= 1
            self.fail()
        return literal_of(kind, text)

    def call(self, name: str) -> Call:
        self.take("(")
        args = [self.expr()]
        while self.peek() and self.peek()[1] == ",":  # type: ignore[index]
            self.take(",")
            args.append(self.expr())
        self.take(")")
        return Call(name, tuple(args))


def parse_filter(text: str) -> object:
    """Parse a `$filter` value into Compare/Logical/Not/Call/Field/Literal nodes."""
    if not text.strip():
        raise bad_request("The $filter parameter is empty.")
    return _Parser(text).parse()


def fields_in(node: object) -> set[str]:
    """Every field name a filter mentions (for mandatory filtering)."""
    if isinstance(node, Field):
        return {node.name}
    children: tuple = ()
    if isinstance(node, Compare):
        children = (node.left, node.right)
    elif isinstance(node, Logical | Call):
        children = node.parts if isinstance(node, Logical) else node.args
    elif isinstance(node, Not):
        children = (node.operand,)
    return set().union(*(fields_in(child) for child in children)) if children else set()
