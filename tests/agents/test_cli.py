"""The agents' commands, end to end: parse, run in the loop, print, exit code."""

from __future__ import annotations

import io
import json

import pytest

from app.cli.app import build_parser, run_cli
from app.core.settings import load_settings
from app.runtime import Runtime
from tests.agents.conftest import API_KEY, add_jobs, add_profile, review_answer


async def cli(*argv: str, stdin: str | None = None, monkeypatch=None) -> int:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return await run_cli(build_parser().parse_args(list(argv)))


async def point_at(fake, monkeypatch) -> None:
    base = fake.base_url
    assert await cli("model", "set", "openai-compatible", "--model", "fake-model",
                     "--base-url", base) == 0  # fmt: skip
    assert await cli("keys", "set", "openai-compatible", stdin=API_KEY + "\n",
                     monkeypatch=monkeypatch) == 0  # fmt: skip


async def test_model_set_show_and_mistakes(paths, capsys):
    assert await cli("model", "show") == 0
    assert "No AI model is set" in capsys.readouterr().out
    assert await cli("model", "set", "anthropic", "--model", "claude-x") == 0
    out = capsys.readouterr().out
    assert "Model set: anthropic:claude-x." in out and "jobagent keys set anthropic" in out
    assert load_settings(paths.settings_file).model.provider == "anthropic"
    assert await cli("model", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["key"] == "missing" and shown["redaction"] == "on"
    assert await cli("model", "set", "openai", "--model", "x", "--base-url", "http://h/v1") == 1
    err = capsys.readouterr().err
    assert (
        err.startswith("error: --base-url is only for openai-compatible") and err.count("\n") == 1
    )
    assert await cli("model", "test") == 1
    assert "No API key for anthropic" in capsys.readouterr().err


async def test_keys_from_stdin_never_echoed(paths, capsys, monkeypatch, memory_keyring):
    assert await cli("keys", "set", "openai", stdin="sk-secret-999\n", monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert out == "Stored the openai key in the OS keyring.\n"
    assert memory_keyring.store[("jobagent-desktop", "model:openai")] == "sk-secret-999"
    assert await cli("keys", "set", "openai", stdin="\n", monkeypatch=monkeypatch) == 1
    assert "No key was given" in capsys.readouterr().err
    assert await cli("keys", "delete", "openai") == 0
    assert capsys.readouterr().out == "Deleted the openai key.\n"
    assert ("jobagent-desktop", "model:openai") not in memory_keyring.store


async def test_test_review_enrich_vibe_and_the_log(paths, fake, capsys, monkeypatch):
    await point_at(fake, monkeypatch)
    capsys.readouterr()
    assert await cli("model", "test") == 0
    assert capsys.readouterr().out.startswith("ok: openai-compatible:fake-model answered in")

    runtime = await Runtime.open(paths)
    try:
        await add_profile(runtime)
        await add_jobs(runtime, 4)
    finally:
        await runtime.close()
    fake.structured = review_answer
    assert await cli("review", "--top", "3", "--json") == 0
    reviewed = json.loads(capsys.readouterr().out)
    assert [j["review"]["score"] for j in reviewed["jobs"]] == [80, 79, 78]
    assert await cli("review", "--top", "3") == 0
    assert "0 model call(s), 3 from cache" in capsys.readouterr().out

    summary = "Builds Python and PostgreSQL services at Acme GmbH."
    fake.structured = lambda body: {"profile_text": summary}
    assert await cli("profile", "enrich", "--json") == 0
    assert json.loads(capsys.readouterr().out)["profile_text"].startswith("Builds Python")

    fake.text = lambda body: "What pace of work suits you?"
    persona = {"summary": "You like a steady pace.", "values": ["calm"]}
    fake.structured = lambda body: persona
    stdin = "A steady pace, please.\n/done\n"
    assert await cli("vibe", stdin=stdin, monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert "coach> What pace of work suits you?" in out
    assert "Cultural Persona\nYou like a steady pace." in out

    assert await cli("outbound-log", "--json") == 0
    purposes = [c["purpose"] for c in json.loads(capsys.readouterr().out)]
    assert purposes.count("review") == 3 and {"test", "enrichment", "vibe"} <= set(purposes)
    assert await cli("outbound-log") == 0
    assert "PURPOSE" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["review"], ["profile", "enrich"], ["enrich"]])
async def test_without_a_model_one_line_and_exit_1(paths, capsys, argv):
    assert await cli(*argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: No AI model is set") and err.count("\n") == 1


def test_profile_enrich_joins_an_existing_profile_group():
    import argparse

    from app.cli import agents

    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    profile = commands.add_parser("profile")
    profile_sub = profile.add_subparsers(dest="profile_command")
    profile_sub.add_parser("show")
    agents.register(commands)
    args = parser.parse_args(["profile", "enrich", "--json"])
    assert args.handler is agents.enrich_profile and args.json
    assert parser.parse_args(["profile", "show"]).profile_command == "show"
