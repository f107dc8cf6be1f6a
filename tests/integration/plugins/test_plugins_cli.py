"""`coulisses plugins list` / `plugins check`: a broken plugin is reported, never fatal."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from coulisses import cli
from coulisses_hello.plugin import HelloPlugin
from coulisses_sdk import MemberAdded, Plugin, hookimpl
from coulisses_sdk.testing import installed


class Typo(Plugin):
    name = "typo"

    @hookimpl
    def member_addded(self, event: MemberAdded) -> None: ...


class DoubleJob(Plugin):
    name = "double"

    @hookimpl
    def register_jobs(self, register: Any) -> None:
        async def tick(ctx: dict[str, Any], *, org_id: int) -> None: ...

        register(tick)
        register(tick)


def test_plugins_list_shows_the_good_and_the_rejected_with_their_reason():
    with installed(Typo(), HelloPlugin()):
        result = CliRunner().invoke(cli.main, ["plugins", "list"])

    assert result.exit_code == 0, result.output
    assert "hello 0.1.0 - Hello" in result.stdout
    assert "typo ECARTE : invalid hook implementation" in result.stderr
    assert "Traceback" not in result.output


def test_plugins_check_fails_for_a_rejected_plugin_and_passes_for_a_good_one():
    runner = CliRunner()
    with installed(Typo(), DoubleJob(), HelloPlugin()):
        everything = runner.invoke(cli.main, ["plugins", "check"])
        good = runner.invoke(cli.main, ["plugins", "check", "hello"])
        double = runner.invoke(cli.main, ["plugins", "check", "double"])
        missing = runner.invoke(cli.main, ["plugins", "check", "catering"])

    assert everything.exit_code == 1
    assert "typo : ECARTE : invalid hook implementation" in everything.stderr
    assert "hello : ok" in everything.stdout
    assert good.exit_code == 0, good.output
    assert double.exit_code == 1
    assert "registration failed: job double.tick registered twice" in double.stderr
    assert missing.exit_code == 1
    assert "catering : non installe" in missing.stderr
