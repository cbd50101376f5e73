"""A newcomer's first visit in a real browser: sign up, verify by email, sign in.

Chromium is Debian's (/usr/bin/chromium); every page visited is checked with axe-core for
WCAG 2.2 A and AA violations.
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's Chromium is missing: `apt-get install chromium` (.ci/run does this).")
    # Playwright's sync API keeps an event loop on this thread; Django's ORM calls in the
    # test's fixtures are still synchronous, so its async-safety guard does not apply.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 390, "height": 844}
    )  # a phone first
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


class AccessibilityChecker:
    def __init__(self):
        self.axe = Axe()
        self.visited = []

    def check(self, page):
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        self.visited.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def test_newcomer_signs_up_verifies_email_and_signs_in(
    page, live_server, celery_worker, smtp_server
):
    a11y = AccessibilityChecker()

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "You don't have to manage it alone"
    )
    # On a phone too, the urgent-help link is in the header, not folded into a menu.
    expect(page.get_by_role("banner").get_by_role("link", name="Need urgent help?")).to_be_visible()
    a11y.check(page)

    page.get_by_role("link", name="Join SHaRON").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    a11y.check(page)

    page.get_by_label("Email").fill("hopeful@example.org")
    page.get_by_label("Username").fill("hopeful_hen")
    page.get_by_label("Password", exact=True).fill("gentle-steps-every-day")
    page.get_by_label("Password (again)").fill("gentle-steps-every-day")
    page.get_by_role("button", name="Sign Up").click()
    # Forgot the guidelines: told clearly, nothing typed is lost.
    expect(page.get_by_role("alert")).to_contain_text(
        "Please read and accept the community guidelines"
    )
    expect(page.get_by_label("Username")).to_have_value("hopeful_hen")
    a11y.check(page)

    page.get_by_label("Password", exact=True).fill("gentle-steps-every-day")
    page.get_by_label("Password (again)").fill("gentle-steps-every-day")
    page.get_by_label("I have read and accept the community guidelines").check()
    page.get_by_role("button", name="Sign Up").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Verify Your Email Address", re.I)
    )
    a11y.check(page)

    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "hopeful@example.org"
    link = re.search(
        r"http://\S+/accounts/confirm-email/\S+/", message.get_body(("plain",)).get_content()
    ).group(0)

    page.goto(link)
    a11y.check(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    a11y.check(page)

    page.get_by_label("Username or email").fill("hopeful_hen")
    page.get_by_label("Password").fill("gentle-steps-every-day")
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/forums/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Forums")
    expect(page.get_by_role("link", name="hopeful_hen")).to_be_visible()
    a11y.check(page)

    page.get_by_role("banner").get_by_role("link", name="Need urgent help?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Need urgent help?")
    a11y.check(page)
    assert len(a11y.visited) == 8


def sign_in(page, base_url: str, username: str, password: str, lands: str = r"/forums/$") -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(lands))


@pytest.fixture
def demo(live_server):
    from django.core.management import call_command

    call_command("seed_demo", "--not-production", "--quiet")
    return live_server.url


def test_members_pages_have_no_accessibility_violations(page, demo):
    a11y = AccessibilityChecker()
    sign_in(page, demo, "robin", "sharon-demo-member")
    a11y.check(page)

    page.get_by_role("link", name="Anxiety").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anxiety")
    a11y.check(page)
    page.locator(".sharon-thread-row__title > a").first.click()
    expect(page.locator("article").first).to_be_visible()
    a11y.check(page)

    page.get_by_role("navigation", name="Account").get_by_role("link", name="robin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("robin")
    a11y.check(page)
    page.get_by_role("link", name="Change your avatar or about me").click()
    a11y.check(page)
    # The avatar picker works from the keyboard: radio buttons behind picture labels.
    page.get_by_label("Moon").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    expect(page.locator("img.sharon-avatar").first).to_have_attribute("src", re.compile(r"moon"))

    for path in [
        "/resources/",
        "/about/",
        "/guidelines/",
        "/messages/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/export/",
        "/accounts/delete/",
    ]:
        page.goto(demo + path)
        a11y.check(page)
    page.goto(demo + "/accounts/sessions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Where you're signed in")
    expect(page.get_by_role("cell", name=re.compile("This one"))).to_contain_text("Chrome on Linux")
    a11y.check(page)
    page.get_by_role("link", name="Self-help resources").first.click()
    page.locator(".nhsuk-card__link").first.click()
    a11y.check(page)


def test_signing_in_and_reading_works_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, demo, "robin", "sharon-demo-member")
    page.get_by_role("link", name="Low mood").click()
    page.locator(".sharon-thread-row__title > a").first.click()
    expect(page.locator("article").first).to_be_visible()
    expect(page.get_by_role("banner").get_by_role("link", name="Need urgent help?")).to_be_visible()
    context.close()


def test_composer_autosaves_previews_and_posts_with_a_content_warning(page, demo):
    a11y = AccessibilityChecker()
    sign_in(page, demo, "robin", "sharon-demo-member")
    page.goto(demo + "/forums/c/sleep/new/")
    a11y.check(page)
    page.get_by_label("Title").fill("Trying a wind-down hour")
    page.get_by_label("Your message").fill("Phone off at *ten*, then a book.")
    expect(page.get_by_text(re.compile(r"Draft saved at \d\d:\d\d"))).to_be_visible(timeout=10_000)

    page.goto(demo + "/forums/")  # wander off, come back: the draft is there
    page.goto(demo + "/forums/c/sleep/new/")
    expect(page.get_by_text("We've restored the draft you were writing")).to_be_visible()
    expect(page.get_by_label("Your message")).to_have_value("Phone off at *ten*, then a book.")

    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".sharon-preview em")).to_have_text("ten")
    a11y.check(page)
    page.get_by_label("Content warning (optional)").select_option(label="Physical health")
    page.get_by_role("button", name="Post thread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trying a wind-down hour")
    summary = page.get_by_text("Content warning: Physical health. Show post")
    expect(summary).to_be_visible()
    expect(page.locator(".sharon-cw .sharon-post__body")).to_be_hidden()
    summary.click()
    expect(page.locator(".sharon-cw .sharon-post__body")).to_contain_text("Phone off at ten")
    a11y.check(page)


def test_reacting_and_quoting_from_a_thread(page, demo):
    sign_in(page, demo, "robin", "sharon-demo-member")
    page.goto(demo + "/forums/c/low-mood/")
    page.locator(".sharon-thread-row__title > a").first.click()
    first_other = page.locator(
        "article", has=page.get_by_role("button", name=re.compile("^Me too"))
    ).first
    button = first_other.get_by_role("button", name=re.compile("^Me too"))
    pressed = button.get_attribute("aria-pressed")
    button.click()
    button = page.locator(f"#{first_other.get_attribute('id')}").get_by_role(
        "button", name=re.compile("^Me too")
    )
    expect(button).to_have_attribute("aria-pressed", "false" if pressed == "true" else "true")
    page.locator(f"#{first_other.get_attribute('id')}").get_by_role(
        "link", name=re.compile("^Quote")
    ).click()
    expect(page.get_by_label("Your message")).to_have_value(re.compile(r"^> ", re.M))


def test_moderation_pages_have_no_accessibility_violations(page, demo):
    from conftest import totp_code

    a11y = AccessibilityChecker()
    # A moderator must set up two-step sign-in before anything else.
    sign_in(page, demo, "kim", "sharon-demo-moderator", lands=r"/accounts/reauthenticate/")
    expect(page.get_by_text("Moderators and admins need two-step sign-in")).to_be_visible()
    a11y.check(page)
    page.get_by_label("Password").fill("sharon-demo-moderator")  # allauth asks again first
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    a11y.check(page)
    key = page.locator("#authenticator-key").inner_text()
    page.get_by_label("Authenticator code").fill(totp_code(key))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator(".sharon-recovery-codes li")).to_have_count(10)
    a11y.check(page)
    page.goto(demo + "/accounts/2fa/")
    expect(page.get_by_text("Two-step sign-in is on")).to_be_visible()
    a11y.check(page)

    page.goto(demo + "/moderation/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation queue")
    a11y.check(page)
    page.locator(".sharon-thread-row__title > a").first.click()
    expect(page.get_by_role("heading", level=2, name="Reports")).to_be_visible()
    a11y.check(page)
    for path in [
        "/moderation/dashboard/",
        "/moderation/audit/",
        "/moderation/members/robin/",
        "/notifications/",
    ]:
        page.goto(demo + path)
        a11y.check(page)


def test_reporting_a_post_and_following_the_report(page, demo):
    a11y = AccessibilityChecker()
    sign_in(page, demo, "robin", "sharon-demo-member")
    page.goto(demo + "/forums/c/sleep/")
    page.locator(".sharon-thread-row__title > a").first.click()
    page.get_by_role("link", name=re.compile("^Report")).first.click()
    a11y.check(page)
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the reason that fits best.")
    a11y.check(page)
    page.get_by_label("Off-topic").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("Thank you for letting us know.")).to_be_visible()
    page.goto(demo + "/moderation/reports/mine/")
    expect(page.get_by_role("cell", name="Waiting for a moderator").first).to_be_visible()
    a11y.check(page)


def test_resource_library_pages_have_no_accessibility_violations(page, demo):
    a11y = AccessibilityChecker()
    page.goto(demo + "/resources/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-help resources")
    expect(page.get_by_role("heading", level=2, name="Start here")).to_be_visible()
    a11y.check(page)

    page.get_by_role("link", name="How to use a thought record").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How to use a thought record")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("^Thought record worksheet")).click()
    assert download.value.suggested_filename == "thought-record-worksheet.pdf"
    # Visitors are asked to sign in to say whether it helped.
    expect(page.locator("#helpful").get_by_role("link", name="Sign in")).to_be_visible()
    a11y.check(page)

    page.get_by_role("link", name="Unhelpful thoughts", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resources about Unhelpful thoughts")
    a11y.check(page)
    page.goto(demo + "/urgent-help/")
    expect(page.get_by_role("link", name="116 123")).to_have_attribute("href", "tel:116123")
    a11y.check(page)

    # Members say whether it helped, see where it is talked about, and find it in search.
    sign_in(page, demo, "robin", "sharon-demo-member")
    page.goto(demo + "/resources/worry-time/")
    page.get_by_role("button", name="Yes, this was helpful").click()
    expect(page.get_by_text("You said this was helpful.")).to_be_visible()
    expect(page.get_by_role("button", name="Yes, this was helpful")).to_have_attribute(
        "aria-pressed", "true"
    )
    a11y.check(page)
    page.get_by_role("link", name="Hello from a long-time lurker").click()
    card = page.locator(".sharon-post__resources").first
    expect(card.get_by_role("link", name=re.compile("^Worry time"))).to_be_visible()
    a11y.check(page)
    page.goto(demo + "/forums/search/?q=worry")
    expect(page.get_by_role("heading", level=2, name="Self-help resources")).to_be_visible()
    a11y.check(page)
    assert len(a11y.visited) == 7


def test_email_preferences_a_break_and_unsubscribing(page, demo):
    from sharon.accounts.models import User
    from sharon.notifications.services import unsubscribe_token

    a11y = AccessibilityChecker()
    sign_in(page, demo, "robin", "sharon-demo-member")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Notifications").click()
    a11y.check(page)
    page.get_by_role("link", name="Email preferences and taking a break").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Emails and taking a break")
    a11y.check(page)

    page.get_by_label("A daily summary").check()
    page.get_by_role("button", name="Save email preferences").click()
    expect(page.get_by_text("Your email preferences have been saved.")).to_be_visible()
    page.get_by_label("1 week").check()
    page.get_by_role("button", name="Start my break").click()
    expect(page.get_by_text("Your break has started.")).to_be_visible()
    a11y.check(page)

    page.goto(demo + "/forums/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're taking a break")
    a11y.check(page)
    page.get_by_role("button", name="Come back now").click()
    expect(page).to_have_url(re.compile(r"/forums/$"))
    expect(page.get_by_text("Welcome back.")).to_be_visible()

    robin = User.objects.get(username="robin")
    assert (robin.email_frequency, robin.break_until) == ("daily", None)
    page.goto(demo + f"/notifications/unsubscribe/{unsubscribe_token(user=robin, scope='email')}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop notification emails?")
    a11y.check(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're unsubscribed")
    a11y.check(page)
    robin.refresh_from_db()
    assert robin.email_frequency == "never"


def test_private_messages_reading_replying_and_blocking(page, demo):
    a11y = AccessibilityChecker()
    sign_in(page, demo, "robin", "sharon-demo-member")
    # On a phone the link may sit in the "More" menu; its text is the same.
    messages_link = page.locator("header a[href='/messages/']")
    expect(messages_link).to_contain_text("1 unread")
    page.goto(demo + "/messages/")
    expect(page.get_by_text("1 new message")).to_be_visible()
    a11y.check(page)
    page.get_by_role("link", name="kim").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with kim")
    expect(page.locator(".nhsuk-tag", has_text="New")).to_have_count(1)
    a11y.check(page)
    page.get_by_label("Your message").fill("Thanks kim, I'll *have a look* this evening.")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".sharon-post__body em", has_text="have a look")).to_be_visible()
    expect(messages_link).not_to_contain_text("unread")

    # Starting a conversation from a member's profile; the form keeps the text on errors.
    page.goto(demo + "/accounts/members/tea_and_toast/")
    page.get_by_role("link", name="Send a private message").click()
    a11y.check(page)
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("alert")).to_contain_text("Please write a message before sending.")
    a11y.check(page)
    page.get_by_label("Your message").fill("Your toast post made me smile today.")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with tea_and_toast")

    # Blocking folds their posts away, and is undone from the settings page.
    page.get_by_role("link", name="Block tea_and_toast").click()
    a11y.check(page)
    page.get_by_role("button", name="Block").click()
    expect(page.get_by_text("You've blocked tea_and_toast.")).to_be_visible()
    a11y.check(page)
    page.get_by_role("button", name="Unblock tea_and_toast").click()
    expect(page.get_by_text("You've unblocked tea_and_toast.")).to_be_visible()

    # A member robin has never talked with: the reason is shown instead of a form.
    page.goto(demo + "/messages/new/admin/")
    expect(page.get_by_text("admin isn't accepting private messages from you.")).to_be_visible()
    a11y.check(page)
