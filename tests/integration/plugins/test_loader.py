"""Loading plugins: compatibility checks, dependencies, loud failure on a misspelled hook."""

from __future__ import annotations

from typing import Any, ClassVar

from coulisses.plugins.loader import build_registry, discover_plugins
from coulisses_hello.plugin import HelloPlugin
from coulisses_sdk import MemberAdded, Plugin, hookimpl


def make(name: str, **attrs: Any) -> Plugin:
    cls: type[Plugin] = type(f"P_{name.replace('-', '_')}", (Plugin,), {"name": name, **attrs})
    return cls()


def test_hello_is_discovered_through_its_entry_point():
    assert [p for p in discover_plugins() if isinstance(p, HelloPlugin)]


def test_incompatible_core_version_is_left_out_with_the_reason():
    registry = build_registry([make("future", core_requires=">=9")])

    assert "future" not in registry.plugins
    assert registry.rejected["future"] == "requires core >=9, this core is 0.1.0"


def test_a_title_mapping_without_french_is_left_out():
    registry = build_registry(
        [make("intl", title={"en": "Catering"}), make("fine", title={"fr": "Traiteur"})]
    )

    assert registry.rejected == {
        "intl": "title maps locales to texts and needs a 'fr' text (the fallback)"
    }
    assert "fine" in registry.plugins


def test_invalid_core_specifier_and_invalid_name_are_left_out():
    registry = build_registry([make("oops", core_requires="not a spec"), make("Bad Name")])

    assert registry.rejected == {
        "oops": "invalid core_requires 'not a spec'",
        "Bad Name": "invalid plugin name 'Bad Name'",
    }
    assert registry.plugins == {}


def test_missing_dependency_leaves_the_plugin_and_its_dependents_out():
    registry = build_registry(
        [make("base"), make("mid", depends_on=("ghost",)), make("top", depends_on=("mid",))]
    )

    assert list(registry.plugins) == ["base"]
    assert registry.rejected == {
        "mid": "missing dependency: ghost",
        "top": "missing dependency: mid",
    }


def test_present_dependency_is_accepted_whatever_the_order():
    registry = build_registry([make("top", depends_on=("base",)), make("base")])

    assert set(registry.plugins) == {"top", "base"}
    assert registry.rejected == {}


def test_second_plugin_with_the_same_name_is_left_out():
    first, second = make("twin"), make("twin")

    registry = build_registry([first, second])

    assert registry.plugins == {"twin": first}
    assert registry.rejected == {"twin": "another installed plugin has the same name"}


def test_a_misspelled_hookimpl_leaves_that_plugin_out_and_the_others_in():
    class Typo(Plugin):
        name = "typo"

        @hookimpl
        def member_addded(self, event: MemberAdded) -> None: ...

    registry = build_registry([Typo(), HelloPlugin(), make("needs-typo", depends_on=("typo",))])

    assert set(registry.plugins) == {"hello"}
    assert registry.rejected["typo"].startswith("invalid hook implementation: ")
    assert "member_addded" in registry.rejected["typo"]
    assert registry.rejected["needs-typo"] == "missing dependency: typo"
    # The accepted plugins' hooks still run.
    assert registry.pm.hook.member_added.get_hookimpls()


def test_a_hookimpl_with_an_argument_the_spec_does_not_offer_leaves_the_plugin_out():
    class WrongArgs(Plugin):
        name = "wrong-args"

        @hookimpl
        def member_added(self, evt: MemberAdded) -> None: ...

    registry = build_registry([WrongArgs()])

    assert registry.plugins == {}
    assert "evt" in registry.rejected["wrong-args"]


def test_registration_hooks_are_collected_per_plugin():
    async def tick(ctx: dict[str, Any], *, org_id: int) -> None: ...

    async def nightly(ctx: dict[str, Any], *, org_id: int) -> None: ...

    class Jobs(Plugin):
        name = "jobs"
        routes: ClassVar[list[Any]] = [object()]

        @hookimpl
        def register_jobs(self, register: Any) -> None:
            register(tick)
            register(nightly, cron="0 3 * * *")

        @hookimpl
        def register_routes(self, register: Any) -> None:
            register(self.routes[0])

    plugin = Jobs()
    registry = build_registry([plugin, HelloPlugin()])

    assert registry.routes["jobs"] == plugin.routes
    assert len(registry.routes["hello"]) == 2
    assert {name: spec.cron for name, spec in registry.jobs.items()} == {
        "jobs.tick": None,
        "jobs.nightly": "0 3 * * *",
        "hello.deliver_greeting": None,
    }
    assert registry.apps == {"jobs": [], "hello": ["coulisses_hello.piccolo_app"]}


def test_same_job_registered_twice_leaves_the_plugin_out():
    async def tick(ctx: dict[str, Any], *, org_id: int) -> None: ...

    class Twice(Plugin):
        name = "twice"

        @hookimpl
        def register_jobs(self, register: Any) -> None:
            register(tick)
            register(tick)

    registry = build_registry([Twice(), HelloPlugin()])

    assert registry.rejected == {"twice": "registration failed: job twice.tick registered twice"}
    assert set(registry.plugins) == {"hello"}
    assert "twice.tick" not in registry.jobs


def test_a_name_the_core_uses_is_left_out():
    registry = build_registry([make("auth"), make("core")])

    assert registry.plugins == {}
    assert registry.rejected == {
        "auth": "plugin name 'auth' is reserved by the core",
        "core": "plugin name 'core' is reserved by the core",
    }


def test_an_object_that_is_not_a_plugin_is_left_out():
    class Impostor:
        name = "impostor"

    registry = build_registry([Impostor()])  # type: ignore[list-item]

    assert registry.plugins == {}
    assert "is not a coulisses_sdk.Plugin" in registry.rejected["impostor"]
