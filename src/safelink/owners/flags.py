"""Flag expressions: the small, safe language of the flags a return file carries.

A flag is ``NAME=EXPRESSION``, written by the TTP and agreed with the data owner. It is parsed
here (never evaluated as Python), checked against the columns it names, and computed at the
TTP over the linkage, so the owner learns one yes/no per record and nothing else.

Grammar (keywords lower case; a column or source name is letters, digits and ``_``, or any
text between backquotes)::

    flag       := or
    or         := and ("or" and)*
    and        := unary ("and" unary)*
    unary      := "not" unary | primary
    primary    := "(" or ")"
                | "linked" "(" SOURCE ["where" or] ")"
                | COLUMN OP literal
                | COLUMN "in" "(" literal ("," literal)* ")"
                | COLUMN "is" ["not"] "missing"
    OP         := "==" | "!=" | "<" | "<=" | ">" | ">="
    literal    := "text in double or single quotes" | number

``linked(S)`` is true when the record's person (``person_id`` in the links) has a record in
source ``S`` (another record, when ``S`` is the owner's own source); ``linked(S where ...)``
when one of those records meets the condition, whose columns are ``S``'s content columns.
Columns outside ``linked`` are the owner's own. A comparison with a number compares the
column as a number; with text, as text (ISO dates compare correctly as text). A comparison
with a missing value is false: use ``is missing``.

Example::

    eligible=linked(benefits where universal_credit == "yes") and not linked(fsm)
    known_to_social_care=linked(social_care)
    over_65=age >= 65
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from safelink.errors import ConfigError

__all__ = [
    "And",
    "Compare",
    "FlagRule",
    "InList",
    "Linked",
    "Missing",
    "Node",
    "Not",
    "Or",
    "check_flags",
    "columns_read",
    "condition",
    "parse_flag",
    "parse_flags",
    "walk",
]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>-?\d+(?:\.\d+)?)
      | (?P<string>"[^"]*"|'[^']*')
      | (?P<quoted>`[^`]+`)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|<|>)
      | (?P<punct>[(),])
    )""",
    re.VERBOSE,
)
_KEYWORDS = frozenset({"and", "or", "not", "linked", "where", "in", "is", "missing"})
_OPS: Mapping[str, Callable[[pl.Expr, pl.Expr], pl.Expr]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}

Scalar = str | float


@dataclass(frozen=True, slots=True)
class Compare:
    """``column OP value``."""

    column: str
    op: str
    value: Scalar


@dataclass(frozen=True, slots=True)
class InList:
    """``column in (value, ...)``."""

    column: str
    values: tuple[Scalar, ...]


@dataclass(frozen=True, slots=True)
class Missing:
    """``column is missing`` (``negated``: ``is not missing``)."""

    column: str
    negated: bool


@dataclass(frozen=True, slots=True)
class Linked:
    """``linked(source [where condition])``."""

    source: str
    where: Node | None


@dataclass(frozen=True, slots=True)
class Not:
    """``not item``."""

    item: Node


@dataclass(frozen=True, slots=True)
class And:
    """``a and b and ...``."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """``a or b or ...``."""

    items: tuple[Node, ...]


Node = Compare | InList | Missing | Linked | Not | And | Or


@dataclass(frozen=True, slots=True)
class FlagRule:
    """One agreed flag: its name, its expression as written, and the parsed expression.

    Attributes:
        name: the flag's column name in the return file.
        expression: the expression as written (recorded in the audit log).
        node: the parsed expression.
    """

    name: str
    expression: str
    node: Node

    def sources(self) -> tuple[str, ...]:
        """The sources the flag reads through ``linked(...)``, in order of appearance."""
        return tuple(dict.fromkeys(n.source for n in walk(self.node) if isinstance(n, Linked)))

    def record(self) -> dict[str, str]:
        """Return the flag as the audit log keeps it, without its literals.

        Its shape, every literal written ``?``, and the SHA-256 of the whole expression: a
        literal may be a value from the data.

        Example:
            >>> parse_flag("old=age >= 65").record()["shape"]
            'age >= ?'
        """
        parts = [
            "?" if t.kind in ("number", "string") else t.text
            for t in _tokens(self.expression, self.name)
            if t.kind != "end"
        ]
        shape = " ".join(parts).replace("( ", "(").replace(" )", ")").replace(" ,", ",")
        shape = shape.replace("linked (", "linked(")
        digest = hashlib.sha256(self.expression.encode("utf-8")).hexdigest()
        return {"shape": shape, "sha256": digest}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    at: int

    def shown(self) -> str:
        # A literal the operator wrote is not echoed back: it could be a value from the data.
        return f"a {self.kind}" if self.kind in ("number", "string") else repr(self.text)


def _tokens(text: str, where: str) -> list[_Token]:
    tokens, at = [], 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        match = _TOKEN.match(text, at)
        if match is None or match.end() == at:
            start = at + len(text[at:]) - len(text[at:].lstrip())
            raise ConfigError(
                [f"{where}: position {start + 1}: unexpected character; write names, quoted "
                 "text, numbers, == != < <= > >=, parentheses and commas"],
                "flags",
            )  # fmt: skip
        kind = match.lastgroup or ""
        value = match.group(kind)
        tokens.append(_Token(kind, value, match.start(kind) + 1))
        at = match.end()
    tokens.append(_Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    """Recursive descent over the grammar of the module docstring."""

    def __init__(self, text: str, where: str) -> None:
        self.where = where
        self.tokens = _tokens(text, where)
        self.at = 0

    @property
    def next(self) -> _Token:
        return self.tokens[self.at]

    def fail(self, expected: str) -> ConfigError:
        token = self.next
        found = "the end" if token.kind == "end" else token.shown()
        return ConfigError(
            [f"{self.where}: position {token.at}: expected {expected}, found {found}"], "flags"
        )

    def keyword(self, word: str) -> bool:
        if self.next.kind == "name" and self.next.text == word:
            self.at += 1
            return True
        return False

    def punct(self, mark: str) -> bool:
        if self.next.kind == "punct" and self.next.text == mark:
            self.at += 1
            return True
        return False

    def expect(self, mark: str) -> None:
        if not self.punct(mark):
            raise self.fail(repr(mark))

    def parse(self) -> Node:
        node = self.or_()
        if self.next.kind != "end":
            raise self.fail("'and', 'or' or the end")
        return node

    def or_(self) -> Node:
        items = [self.and_()]
        while self.keyword("or"):
            items.append(self.and_())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_(self) -> Node:
        items = [self.unary()]
        while self.keyword("and"):
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        if self.keyword("not"):
            return Not(self.unary())
        return self.primary()

    def primary(self) -> Node:
        if self.punct("("):
            node = self.or_()
            self.expect(")")
            return node
        if self.keyword("linked"):
            self.expect("(")
            source = self.name("a source name")
            where = self.or_() if self.keyword("where") else None
            self.expect(")")
            return Linked(source, where)
        column = self.name("a column name, 'not', 'linked(' or '('")
        if self.keyword("in"):
            self.expect("(")
            values = [self.literal()]
            while self.punct(","):
                values.append(self.literal())
            self.expect(")")
            if len({isinstance(v, float) for v in values}) > 1:
                raise ConfigError(
                    [f"{self.where}: the values of one 'in (...)' list must be all numbers or "
                     "all quoted text"],
                    "flags",
                )  # fmt: skip
            return InList(column, tuple(values))
        if self.keyword("is"):
            negated = self.keyword("not")
            if not self.keyword("missing"):
                raise self.fail("'missing'")
            return Missing(column, negated)
        if self.next.kind != "op":
            raise self.fail("a comparison (== != < <= > >=), 'in (' or 'is missing'")
        op = self.next.text
        self.at += 1
        return Compare(column, op, self.literal())

    def name(self, expected: str) -> str:
        token = self.next
        if token.kind == "quoted":
            self.at += 1
            return token.text[1:-1]
        if token.kind == "name" and token.text not in _KEYWORDS:
            self.at += 1
            return token.text
        raise self.fail(expected)

    def literal(self) -> Scalar:
        token = self.next
        if token.kind == "string":
            self.at += 1
            return token.text[1:-1]
        if token.kind == "number":
            self.at += 1
            return float(token.text)
        raise self.fail("quoted text or a number")


def parse_flag(text: str) -> FlagRule:
    """Parse one ``NAME=EXPRESSION`` flag.

    Args:
        text: the flag as written on the command line.

    Returns:
        The parsed :class:`FlagRule`.

    Raises:
        ConfigError: the name or the expression is malformed (the message gives the position
            and what was expected, never a literal the expression holds).

    Example:
        >>> parse_flag("known=linked(social_care)").sources()
        ('social_care',)
    """
    name, equals, expression = text.partition("=")
    name = name.strip()
    if not equals or not _NAME.fullmatch(name) or name in _KEYWORDS:
        raise ConfigError(
            ["a flag is NAME=EXPRESSION, NAME letters, digits and '_' (not a keyword), e.g. "
             "known_to_social_care=linked(social_care)"],
            "flags",
        )  # fmt: skip
    if not expression.strip():
        raise ConfigError([f"flag {name!r}: the expression is empty"], "flags")
    expression = expression.strip()
    return FlagRule(name, expression, _Parser(expression, f"flag {name!r}").parse())


def parse_flags(texts: Sequence[str | FlagRule]) -> tuple[FlagRule, ...]:
    """Parse several flags (rules already parsed pass through); names must be distinct.

    Raises:
        ConfigError: every malformed flag and repeated name, listed at once.
    """
    problems: list[str] = []
    rules: list[FlagRule] = []
    for text in texts:
        try:
            rules.append(text if isinstance(text, FlagRule) else parse_flag(text))
        except ConfigError as exc:
            problems += exc.problems
    names = [r.name for r in rules]
    problems += [
        f"flag {n!r} is given twice" for n in sorted({n for n in names if names.count(n) > 1})
    ]
    if problems:
        raise ConfigError(problems, "flags")
    return tuple(rules)


def walk(node: Node) -> list[Node]:
    """Return ``node`` and every node inside it, ``linked(... where ...)`` conditions included."""
    found: list[Node] = [node]
    if isinstance(node, Not):
        found += walk(node.item)
    elif isinstance(node, And | Or):
        for item in node.items:
            found += walk(item)
    elif isinstance(node, Linked) and node.where is not None:
        found += walk(node.where)
    return found


def columns_read(node: Node) -> list[str]:
    """Return the columns ``node`` reads at its own level (not those inside ``linked``)."""
    if isinstance(node, Compare | InList | Missing):
        return [node.column]
    if isinstance(node, Not):
        return columns_read(node.item)
    if isinstance(node, And | Or):
        return [c for item in node.items for c in columns_read(item)]
    return []


def check_flags(
    rules: Sequence[FlagRule],
    source: str,
    columns: Mapping[str, Sequence[str]],
    *,
    reserved: Sequence[str] = (),
) -> None:
    """Check that every flag names known sources and columns.

    Args:
        rules: the parsed flags.
        source: the owner's source (the columns outside ``linked`` are its own).
        columns: each source's content columns (the owner's included).
        reserved: names a flag may not take (the return file's other columns).

    Raises:
        ConfigError: every unknown source or column, and every clash, listed at once.
    """
    problems: list[str] = []
    for rule in rules:
        where = f"flag {rule.name!r}"
        if rule.name in reserved:
            problems.append(f"{where}: the name is a column of the return file; rename the flag")
        problems += _unknown(where, columns_read(rule.node), source, columns)
        for node in walk(rule.node):
            if not isinstance(node, Linked):
                continue
            if node.source not in columns:
                problems.append(
                    f"{where}: unknown source {node.source!r} in linked(); "
                    f"the sources are {sorted(columns)}"
                )
                continue
            if node.where is not None:
                if any(isinstance(n, Linked) for n in walk(node.where)):
                    problems.append(f"{where}: linked() inside a where condition is not allowed")
                problems += _unknown(where, columns_read(node.where), node.source, columns)
    if problems:
        raise ConfigError(problems, "flags")


def _unknown(
    where: str, used: Sequence[str], source: str, columns: Mapping[str, Sequence[str]]
) -> list[str]:
    known = columns.get(source, ())
    return [
        f"{where}: {column!r} is not a content column of source {source!r} "
        f"(its content columns: {list(known)})"
        for column in dict.fromkeys(used)
        if column not in known
    ]


def condition(node: Node, linked: Callable[[Linked], pl.Expr]) -> pl.Expr:
    """The polars expression of ``node``: true or false for every row, never null.

    Args:
        node: a parsed expression.
        linked: gives the (boolean column) expression of each ``linked(...)`` node.

    Returns:
        A boolean expression over the frame holding the columns ``node`` names.
    """
    if isinstance(node, Compare):
        column, value = _typed(node.column, node.value)
        return _OPS[node.op](column, pl.lit(value)).fill_null(False)
    if isinstance(node, InList):
        if all(isinstance(v, float) for v in node.values):
            numbers = pl.col(node.column).cast(pl.Float64, strict=False)
            return numbers.is_in(list(node.values)).fill_null(False)
        return (
            pl.col(node.column)
            .cast(pl.String)
            .is_in([str(v) for v in node.values])
            .fill_null(False)
        )
    if isinstance(node, Missing):
        missing = pl.col(node.column).is_null()
        return ~missing if node.negated else missing
    if isinstance(node, Linked):
        return linked(node)
    if isinstance(node, Not):
        return ~condition(node.item, linked)
    parts = [condition(item, linked) for item in node.items]
    return pl.all_horizontal(parts) if isinstance(node, And) else pl.any_horizontal(parts)


def _typed(name: str, value: Scalar) -> tuple[pl.Expr, Scalar]:
    if isinstance(value, float):
        return pl.col(name).cast(pl.Float64, strict=False), value
    return pl.col(name).cast(pl.String), value
