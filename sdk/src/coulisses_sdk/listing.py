"""Lists: the one envelope, the one set of list parameters, for core and plugins alike.

Every list route of the API answers ``Page[Item]`` = ``{items, page, page_size, total}``
(a list may add documented context keys, e.g. ``unread`` or ``next_cursor``) and takes
the same query parameters, parsed and checked here (docs/api.md, "Listes"):

- ``page`` (from 1, default 1), ``page_size`` (1..200, default 50): else 400
  ``pagination.invalid``;
- ``sort``: comma list of keys from the route's whitelist, ``-`` for descending
  (``sort=starts_at,-id``); the item key (``id``) always closes the order (stable
  pages); else 400 ``request.invalid_sort``;
- ``fields``: comma list of item keys to keep (the item key always allowed); else 400
  ``request.invalid_fields``.

Every error names its parameter in ``details.field``. A route declares what it allows
once, as a :class:`Listing`, and takes the parsed :class:`ListQuery` through its
dependency::

    GREETINGS = Listing(
        sorts={"id": Greeting.id, "email": Greeting.email}, default="id", item=GreetingOut
    )

    @get("/greetings", dependencies={"listing": GREETINGS.dependency()})
    async def list_greetings(request: Request, listing: ListParams) -> GreetingPage:
        mine = Greeting.org_id == current_principal(request).org_id
        total = await Greeting.count().where(mine)
        listing.check_page(total)
        select = Greeting.select().where(mine).limit(listing.page_size).offset(listing.offset)
        rows = await GREETINGS.order(select, listing)  # sorted in SQL, whitelist only
        return listing.page_of(GreetingPage, [GreetingOut(**r) for r in rows], total)

The host applies ``fields`` to the response after its privacy step, so a route never
projects items itself.
"""

# No ``from __future__ import annotations``: the dependency functions built below carry
# real annotation objects, which Litestar reads to document and decode the parameters.

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, TypeVar

import msgspec
from litestar import Request
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

T = TypeVar("T")
P = TypeVar("P", bound="Page[Any]")

#: Largest ``page_size`` (and default of none: see :data:`DEFAULT_PAGE_SIZE`).
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
PageParam = Annotated[int, QueryParameter(description="1-based page number")]
SizeParam = Annotated[int, QueryParameter(description=f"1 to {MAX_PAGE_SIZE} items per page")]
CursorParam = Annotated[
    str | None,
    QueryParameter(
        description="the next_cursor of the previous page (same filters and sort), instead of page",
        max_length=500,
    ),
]
#: Key of ``request.state`` holding the request's :class:`ListQuery` (read by the host).
STATE_KEY = "coulisses_list_query"


class ListError(Exception):
    """A list parameter is invalid: the host answers ``status`` with ``code`` and
    ``details`` (which name the parameter in ``field``)."""

    def __init__(self, code: str, message: str, details: dict[str, Any], status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details
        self.status_code = status


class Page(msgspec.Struct, Generic[T], kw_only=True):
    """The one envelope of every list.

    A route names its envelope with a subclass that repeats ``items`` with its item
    type, so that the OpenAPI document (and the typed clients generated from it) shows
    a readable name and the item schema::

        class GreetingPage(Page[GreetingOut]):
            items: list[GreetingOut]

    A subclass may add context keys (``unread``, ``next_cursor``), documented with it.
    """

    items: list[T]
    #: 1-based page number (the first page of a cursor read is 1, then the count of pages read)
    page: int
    page_size: int
    #: items matching the filters, all pages together
    total: int


@dataclass(frozen=True)
class ListQuery:
    """The parsed list parameters of one request."""

    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    #: (key, descending) pairs, in order, from the whitelist; the item key closes it
    sort: tuple[tuple[str, bool], ...] = (("id", False),)
    #: item keys to keep, ``None`` for all
    fields: frozenset[str] | None = None
    #: opaque position of a cursor read (routes that accept ``cursor``), else ``None``
    cursor: str | None = None
    #: whether the request gave ``sort`` (a search may rank by relevance otherwise)
    sort_given: bool = False

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def check_page(self, total: int) -> None:
        """Page 1 always exists (possibly empty); a page past the last one is a 400
        ``pagination.out_of_range`` (details: ``field``, ``last_page``, ``total``)."""
        last = max(1, -(-total // self.page_size))
        if self.page > last:
            raise ListError(
                "pagination.out_of_range",
                f"page {self.page} is past the last page ({last})",
                {"field": "page", "last_page": last, "total": total},
            )

    def page_of(self, cls: type[P], items: Sequence[Any], total: int, **extra: Any) -> P:
        """The envelope ``cls`` (a :class:`Page` subclass) of one page of ``items``
        (already limited to the page); ``extra`` fills its context keys."""
        return cls(
            items=list(items), page=self.page, page_size=self.page_size, total=total, **extra
        )

    def window(self, cls: type[P], items: Sequence[Any]) -> P:
        """The envelope of this request's page of a short list held in memory (never a
        table: those page and sort in SQL), already sorted."""
        self.check_page(len(items))
        return self.page_of(cls, items[self.offset : self.offset + self.page_size], len(items))


#: A handler's parameter taking the request's :class:`ListQuery` from
#: :meth:`Listing.dependency`: ``listing: ListParams``.
ListParams = NamedDependency[ListQuery]


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


@dataclass(frozen=True)
class Listing:
    """What one list route allows: its sort keys and the fields of its items.

    ``sorts`` maps each public sort key to what it orders by, written in code, never
    taken from the request (the request only picks keys): an SQL expression for
    :meth:`order_by`, or a Piccolo column for :meth:`order`. ``key`` (default
    ``id``) identifies an item: it closes every order, in the direction of the first
    sort key, and is always allowed in ``fields``. ``default`` is the
    order without ``sort`` (``"-created_at"``, ``"starts_at"``). ``item`` is the item
    type (a msgspec Struct or dataclass) whose field names ``fields`` may keep; or give
    ``fields`` directly. ``cursor`` lets the route take ``cursor`` instead of ``page``.
    """

    sorts: Mapping[str, Any]
    default: str
    item: Any = None
    fields: Collection[str] = ()
    cursor: bool = False
    #: what identifies an item: always allowed in ``fields``, closes every order
    key: tuple[str, ...] = ("id",)
    _field_names: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        names = list(self.fields)
        if self.item is not None:
            if isinstance(self.item, type) and issubclass(self.item, msgspec.Struct):
                names += list(self.item.__struct_fields__)
            elif hasattr(self.item, "model_fields"):  # a pydantic model
                names += list(self.item.model_fields)
            else:
                names += [f.name for f in dataclasses.fields(self.item)]
        object.__setattr__(self, "_field_names", tuple(dict.fromkeys([*self.key, *names])))
        if any(k not in self.sorts for k in self.key):
            raise ValueError("a Listing's sorts must include its key (the stable tiebreak)")
        self.parse_sort(self.default)  # a wrong default fails at import

    @property
    def sort_keys(self) -> list[str]:
        return sorted(self.sorts)

    @property
    def field_names(self) -> list[str]:
        return list(self._field_names)

    def parse_sort(self, text: str | None) -> tuple[tuple[str, bool], ...]:
        keys = _names(text) or _names(self.default)
        order: list[tuple[str, bool]] = []
        for raw in keys:
            key = raw[1:] if raw.startswith("-") else raw
            if key not in self.sorts or any(key == k for k, _ in order):
                raise ListError(
                    "request.invalid_sort",
                    f"sort: unknown or repeated key {raw[:50]!r}",
                    {"field": "sort", "value": raw[:50], "allowed": self.sort_keys},
                )
            order.append((key, raw.startswith("-")))
        direction = order[0][1] if order else False
        order += [(k, direction) for k in self.key if all(k != o for o, _ in order)]
        return tuple(order)

    def parse_fields(self, text: str | None) -> frozenset[str] | None:
        names = _names(text)
        if not names:
            if text is not None:
                raise ListError(
                    "request.invalid_fields",
                    "fields: give at least one field",
                    {"field": "fields", "allowed": self.field_names},
                )
            return None
        unknown = [n for n in names if n not in self._field_names]
        if unknown:
            raise ListError(
                "request.invalid_fields",
                f"fields: unknown field {unknown[0][:50]!r}",
                {
                    "field": "fields",
                    "unknown": [u[:50] for u in unknown[:10]],
                    "allowed": self.field_names,
                },
            )
        return frozenset(names)

    def query(
        self,
        page: int = 1,
        page_size: int = DEFAULT_PAGE_SIZE,
        sort: str | None = None,
        fields: str | None = None,
        cursor: str | None = None,
    ) -> ListQuery:
        """Check the raw parameters (errors name the parameter) and parse them."""
        if page < 1:
            raise ListError("pagination.invalid", "page starts at 1", {"field": "page"})
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ListError(
                "pagination.invalid",
                f"page_size must be between 1 and {MAX_PAGE_SIZE}",
                {"field": "page_size", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            )
        if cursor is not None and page != 1:
            raise ListError(
                "pagination.invalid",
                "give either page or cursor, not both",
                {"field": "cursor"},
            )
        return ListQuery(
            page,
            page_size,
            self.parse_sort(sort),
            self.parse_fields(fields),
            cursor,
            sort_given=bool(_names(sort)),
        )

    def order_by(self, query: ListQuery) -> str:
        """The SQL ``ORDER BY`` list of ``query``'s sort (expressions from the whitelist
        only), ending with the key. Empty values follow PostgreSQL's default (last
        ascending, first descending), so that an index on the columns serves both ways."""
        return ", ".join(
            f"{self.sorts[key]} {'DESC' if desc else 'ASC'}" for key, desc in query.sort
        )

    def order(self, select: Any, query: ListQuery) -> Any:
        """A Piccolo ``select`` ordered by ``query``'s sort (``sorts`` maps to columns)."""
        for key, desc in query.sort:
            select = select.order_by(self.sorts[key], ascending=not desc)
        return select

    def sort_in_memory(self, items: Sequence[T], query: ListQuery) -> list[T]:
        """Sort a short list held in memory (installed plugins, computed occurrences) by
        ``query``: each item's attribute or key named by the sort key; empty values as
        in SQL (last ascending, first descending)."""

        def value(item: Any, key: str) -> Any:
            got = item.get(key) if isinstance(item, Mapping) else getattr(item, key)
            return (got is None, got if got is not None else 0)

        result = list(items)
        for key, desc in reversed(query.sort):
            result.sort(key=lambda item, k=key: value(item, k), reverse=desc)  # type: ignore[misc]
        return result

    def dependency(self) -> Provide:
        """The Litestar dependency giving a handler its ``ListQuery`` (and documenting the
        parameters with this route's whitelist): ``dependencies={"listing": ...}``."""
        listing = self
        sort_doc = (
            f"comma list of sort keys, '-' for descending; allowed: {', '.join(self.sort_keys)};"
            f" default: {self.default} ({', '.join(self.key)} always closes the order)"
        )
        fields_doc = (
            "comma list of item keys to keep (the others are left out of each item);"
            f" allowed: {', '.join(self.field_names)}"
        )
        sort_param = Annotated[str | None, QueryParameter(description=sort_doc, max_length=500)]
        fields_param = Annotated[
            str | None, QueryParameter(description=fields_doc, max_length=2000)
        ]

        if self.cursor:

            def provide_cursor(
                request: Request[Any, Any, Any],
                page: PageParam = 1,
                page_size: SizeParam = DEFAULT_PAGE_SIZE,
                sort: sort_param = None,
                fields: fields_param = None,
                cursor: CursorParam = None,
            ) -> ListQuery:
                query = listing.query(page, page_size, sort, fields, cursor)
                request.state[STATE_KEY] = query
                return query

            return Provide(provide_cursor, sync_to_thread=False)

        def provide(
            request: Request[Any, Any, Any],
            page: PageParam = 1,
            page_size: SizeParam = DEFAULT_PAGE_SIZE,
            sort: sort_param = None,
            fields: fields_param = None,
        ) -> ListQuery:
            query = listing.query(page, page_size, sort, fields)
            request.state[STATE_KEY] = query
            return query

        return Provide(provide, sync_to_thread=False)


def _builtins(value: Any) -> Any:
    """Items msgspec does not know: pydantic models (plugins' items)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot project {type(value).__name__}")


def project(content: Any, query: ListQuery | None) -> Any:
    """``content`` (a list envelope) with each item cut down to ``query.fields``; the
    host calls it on every response, after the privacy step."""
    if query is None or query.fields is None:
        return content
    body = msgspec.to_builtins(content, enc_hook=_builtins)
    if not isinstance(body, dict) or not isinstance(body.get("items"), list):
        return content
    keep = query.fields
    body["items"] = [
        {k: v for k, v in item.items() if k in keep} if isinstance(item, dict) else item
        for item in body["items"]
    ]
    return body
