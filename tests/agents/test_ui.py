"""The agents in the window: model and privacy settings, the outbound log, the Vibe Check page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.agents.providers import key_name
from app.core.settings import Settings, load_settings, save_settings
from tests.agents.conftest import API_KEY
from tests.ui.app_driver import running_app


def panel(settings_page, cls_name: str):  # type: ignore[no-untyped-def]
    return next(w for _t, w in settings_page.panels if type(w).__name__ == cls_name)


def test_model_settings_key_test_privacy_and_log(
    qapp, qloop, app_home, paths, fake, memory_keyring
):
    async def scenario() -> None:
        async with running_app(qapp, app_home) as app:
            app.window.set_onboarding(False)
            app.window.show_page("settings")
            page = app.page("settings")
            await app.until(lambda: page.panels, what="settings panels")
            model = panel(page, "ModelSettingsPanel")
            privacy = panel(page, "PrivacyPanel")
            log = panel(page, "OutboundLogView")

            model.provider.setCurrentIndex(model.provider.findData("openai-compatible"))
            model.model.setText("fake-model")
            model.base_url.setText(fake.base_url)
            model.key.setText(API_KEY)
            model.test_button.click()
            await app.until(lambda: model.verdict.text().startswith("✔"), what="the verdict")
            assert "answered in" in model.verdict.text()
            assert model.key.text() == ""  # stored, and never shown again
            assert memory_keyring.store[("jobagent-desktop", key_name("openai-compatible"))]
            assert "stored in the OS keyring" in model.key_state.text()

            model.key.setText("sk-wrong-key-000")
            model.test_button.click()
            await app.until(lambda: model.verdict.text().startswith("✖"), what="the 401")
            assert "refused the API key (401)" in model.verdict.text()
            model.key.setText(API_KEY)
            model.apply()

            privacy.local.setChecked(True)
            privacy.switches["redact_phone"].setChecked(False)
            page.save()
            assert page.status.text().startswith("✔"), page.status.text()

            await log.reload()
            assert log.table.rowCount() == 2
            assert log.table.item(0, 3).text() == "test"
            assert log.table.item(0, 8).text().startswith("failed: the provider refused")

            model.base_url.setText("")
            page.save()
            assert "needs its address" in page.status.text()

    qloop.run_until_complete(scenario())
    saved = load_settings(paths.settings_file)
    assert saved.model.provider == "openai-compatible" and saved.model.model == "fake-model"
    assert saved.privacy.redact_for_local_models and not saved.privacy.redact_phone
    assert API_KEY not in paths.settings_file.read_text()


def test_vibe_page_streams_and_survives_a_restart(
    qapp, qloop, app_home, paths, fake, memory_keyring
):
    settings = Settings()
    settings.model.provider = "openai-compatible"
    settings.model.model = "fake-model"
    settings.model.base_url = fake.base_url
    save_settings(settings, paths.settings_file)
    memory_keyring.store[("jobagent-desktop", key_name("openai-compatible"))] = API_KEY
    fake.text = lambda body: "Hello! What kind of team brings out your best work?"

    async def first_visit() -> None:
        async with running_app(qapp, app_home) as app:
            app.window.set_onboarding(False)
            app.window.show_page("vibe")
            vibe = app.page("vibe")
            await app.until(lambda: vibe.start_button.isEnabled(), what="the page")
            vibe.start_button.click()
            await app.until(lambda: "brings out your best work?" in vibe.transcript_text())
            await app.until(lambda: vibe.input.isEnabled())
            QTest.keyClicks(vibe.input, "A small team that writes things down.")
            QTest.keyClick(vibe.input, Qt.Key.Key_Return)
            await app.until(lambda: vibe.transcript_text().count("Coach:") == 2)
            await app.until(lambda: vibe.persona_button.isEnabled())
            fake.structured = lambda body: {"summary": "You like calm, written teamwork."}
            vibe.persona_button.click()
            await app.until(lambda: "calm, written teamwork" in vibe.persona.text())
            assert fake.requests[1]["stream"] is True

    async def second_visit() -> None:
        async with running_app(qapp, app_home) as app:
            app.window.set_onboarding(False)
            app.window.show_page("vibe")
            vibe = app.page("vibe")
            await app.until(lambda: "writes things down" in vibe.transcript_text())
            assert "calm, written teamwork" in vibe.persona.text()
            assert not vibe.start_button.isVisible()

    qloop.run_until_complete(first_visit())
    qloop.run_until_complete(second_visit())


def test_improve_with_ai_on_the_profile_page(qapp, qloop, app_home, paths, fake, memory_keyring):
    from app.runtime import Runtime
    from tests.agents.conftest import add_profile, profile_now

    settings = Settings()
    settings.model.provider = "openai-compatible"
    settings.model.model = "fake-model"
    settings.model.base_url = fake.base_url
    save_settings(settings, paths.settings_file)
    memory_keyring.store[("jobagent-desktop", key_name("openai-compatible"))] = API_KEY
    summary = "Senior backend engineer building Python services at Acme GmbH since 2019."
    fake.structured = lambda body: {"profile_text": summary + " Ran the Google Rust team."}

    async def scenario() -> None:
        runtime = await Runtime.open(paths)
        try:
            await add_profile(runtime)
        finally:
            await runtime.close()
        async with running_app(qapp, app_home) as app:
            app.window.set_onboarding(False)
            app.window.show_page("profile")
            profile = app.page("profile")
            profile.enrich_button.click()
            bar = app.window.statusBar()
            await app.until(lambda: "Profile improved with AI" in bar.currentMessage())
            assert "left out" in bar.currentMessage()
            assert (await profile_now(app.runtime))["profile_text"] == summary

    qloop.run_until_complete(scenario())


def test_vibe_page_without_a_model_says_how_to_set_one(qapp, qloop, app_home):
    async def scenario() -> None:
        async with running_app(qapp, app_home) as app:
            app.window.set_onboarding(False)
            app.window.show_page("vibe")
            vibe = app.page("vibe")
            await app.until(lambda: vibe.start_button.isEnabled(), what="the page")
            QTest.keyClicks(vibe.input, "I like quiet offices.")
            QTest.keyClick(vibe.input, Qt.Key.Key_Return)
            await app.until(lambda: "No AI model is set" in vibe.status.text())
            assert "I like quiet offices." in vibe.transcript_text()  # kept for a retry
            assert vibe.start_button.text() == "&Retry"

    qloop.run_until_complete(scenario())
