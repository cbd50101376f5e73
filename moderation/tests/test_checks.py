"""The automatic checks (M-5, M-6, M-9, P-5): plain functions, no database."""

import socket

import pytest

from moderation import classifier
from moderation.checks import (
    MODEL_CUE,
    MODEL_URGENT,
    CheckContext,
    WatchedWordRule,
    check_text,
    deobfuscate,
    plain,
)
from moderation.management.commands.evaluate_checks import (
    MAX_ORDINARY_FPR,
    evaluate,
    load_items,
    ordinary_fpr,
)

MEMBER = CheckContext()
NEW_MEMBER = CheckContext(author_is_new=True)


def signals(text, context=MEMBER):
    return {hit.signal for hit in check_text(text, context)}


def severities(text, context=MEMBER):
    return {hit.severity for hit in check_text(text, context)}


# --- Risk ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I've given my things away.",
        "I won't be a problem for anyone much longer.",
        "I want to die.",
        "I've made a plan and I know when I'm going to do it.",
        "Goodbye everyone. Please don't be sad.",
    ],
)
def test_crisis_language_including_indirect_phrasing_is_urgent(text):
    assert "urgent" in severities(text)


def test_obfuscated_crisis_language_is_still_urgent():
    assert "urgent" in severities("i want to k1ll my self")
    assert "urgent" in severities("s u i c i d a l again")
    assert "urgent" in severities("I want to kill\u200b myself")


@pytest.mark.parametrize(
    "text",
    [
        "This commute is killing me.",
        "I'm dying to see the new series.",
        "I could kill for a coffee right now.",
        "My phone died halfway through my therapy call.",
        "I'm dead tired after a full day of appointments.",
        "I might overdose on chocolate this weekend.",
        "Spent the afternoon cutting the grass.",
        "I'm going to end it with my boyfriend.",
    ],
)
def test_idioms_that_only_look_alarming_are_not_held_or_urgent(text):
    assert not severities(text) & {"urgent", "hold"}


def test_negated_risk_language_is_not_urgent():
    assert "urgent" not in severities("I'm not suicidal, just really fed up with work.")
    assert "urgent" not in severities("I would never hurt myself, but the thoughts scare me.")
    assert "urgent" not in severities("I don't want to die, I just want the anxiety to stop.")


def test_a_recovery_story_in_the_past_tense_is_flagged_not_urgent():
    hits = check_text(
        "Two years ago I tried to end my life and today I'm doing much better. Hold on."
    )
    assert [(h.signal, h.severity) for h in hits] == [("risk.past_experience", "flag")]


def test_a_recent_attempt_is_urgent():
    assert "risk.attempt" in signals("I tried to kill myself yesterday.")


def test_concern_language_is_flagged_not_urgent():
    hits = check_text("What's the point of anything? Nothing ever gets better.")
    assert {(h.category, h.severity) for h in hits} == {("risk", "flag")}
    assert all(h.signal.startswith("risk.concern.") for h in hits)


def test_worry_about_someone_else_is_flagged_not_urgent():
    hits = check_text("My friend said she wants to die and I don't know how to help.")
    assert [(h.signal, h.severity) for h in hits] == [("risk.concern.someone_else", "flag")]


def test_two_quieter_warning_signs_together_are_urgent():
    hits = check_text("I've deleted my accounts and written to my sister. It's time.")
    assert [(h.signal, h.severity) for h in hits] == [("risk.several_warning_signs", "urgent")]


def test_the_warning_sign_score_names_every_cue_its_weight_and_the_total():
    hits = check_text("I've written to my brother and sorted the paperwork. My mind is made up.")
    assert [(h.signal, h.severity) for h in hits] == [("risk.several_warning_signs", "urgent")]
    reason = hits[0].reason
    # 4.5 from the written cues, 1 more because the classifier leans towards crisis.
    assert "add up to 5.5 (urgent at 2.5)" in reason
    for cue in (
        "arrangements \u201cwritten to my brother\u201d +1.5",
        "arrangements \u201csorted the paperwork\u201d +1.5",
        "resolve \u201cmy mind is made up\u201d +1.5",
        "classifier \u201cp=",
    ):
        assert cue in reason
    assert reason.endswith(".") and len(reason) <= 300


def test_ending_ones_life_in_so_many_words_is_urgent_alone():
    hits = check_text("I'm taking myself out of the picture.")
    assert [(h.signal, h.severity) for h in hits] == [("risk.several_warning_signs", "urgent")]
    assert "ending" in hits[0].reason


def test_hopeless_language_with_words_of_finality_is_urgent():
    hits = check_text("I can't carry on. I want out, for good.")
    urgent = [h for h in hits if h.severity == "urgent"]
    assert [h.signal for h in urgent] == ["risk.several_warning_signs"]
    assert "ending" in urgent[0].reason and "hopeless language" in urgent[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Bye all, off to bed, see you tomorrow!",
        "Right, I'm going. Long day tomorrow.",
        "My grandad died last month and the funeral is on Friday. I can't face it.",
        "Wrote my will this week and sorted the dog's insurance, feeling very grown up.",
        "Two years ago I wrote letters to everyone and was ready to go. Today I'm glad I'm here.",
    ],
)
def test_ordinary_goodbyes_grief_and_past_experience_do_not_add_up_to_urgent(text):
    assert "urgent" not in severities(text)


@pytest.mark.parametrize(
    ("text", "signal", "reason"),
    [
        (
            "Goodbye everyone! Off on holiday for two weeks, be kind while I'm gone x",
            "risk.goodbye",
            "holiday",
        ),
        (
            "Three nil at home to the bottom side. I want to die. Season's over.",
            "risk.wish_to_die",
            "nil",
        ),
    ],
)
def test_a_goodbye_or_wish_to_die_that_gives_an_ordinary_reason_is_flagged_not_urgent(
    text, signal, reason
):
    hits = check_text(text)
    assert [(h.signal, h.severity) for h in hits] == [(signal, "flag")]
    assert f"the post gives an ordinary reason (\u201c{reason}\u201d)" in hits[0].reason
    # Without the reason the same words are urgent.
    assert "urgent" in severities("Goodbye everyone. Please don't be sad.")
    assert "urgent" in severities("I want to die.")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I won't be here for her birthday. I've made my peace with that.", "ending"),
        ("When you read this I'll already be with God. Sorry, all.", "last words"),
        (
            "Everyone says I'm a burden and they're right. I've got the nerve to put it right.",
            "resolve",
        ),
    ],
)
def test_warning_signs_found_in_voices_from_the_newer_sittings_are_urgent(text, cue):
    hits = [h for h in check_text(text) if h.signal == "risk.several_warning_signs"]
    assert [h.severity for h in hits] == ["urgent"]
    assert f"{cue} \u201c" in hits[0].reason


# --- The trained classifier ----------------------------------------------------------------


def test_the_classifier_makes_a_post_the_rules_miss_urgent_and_names_its_cues():
    hits = check_text("Tired of all of it. Goodbye and thank you.")
    assert [(h.signal, h.severity) for h in hits] == [("risk.model", "urgent")]
    assessment = classifier.assess("Tired of all of it. Goodbye and thank you.")
    assert assessment.probability >= MODEL_URGENT
    assert assessment.cues and "goodbye" in assessment.cues[0]
    reason = hits[0].reason
    assert f"p={assessment.probability:.2f}" in reason
    for cue in assessment.cues:
        assert f"\u201c{cue}\u201d" in reason
    assert hits[0].excerpt == assessment.cues[0]
    assert reason.endswith(".") and len(reason) <= 300


def test_the_classifier_does_not_flag_what_it_finds_only_possible():
    text = "No point anymore. Thanks for trying."
    assert MODEL_CUE <= classifier.crisis_probability(text) < MODEL_URGENT
    assert "risk.model" not in signals(text)


def test_the_classifier_is_not_asked_when_the_post_says_why_it_is_ordinary():
    text = "Tired of all of it. Goodbye and thank you for everything, see you next week."
    assert classifier.crisis_probability(text) >= MODEL_URGENT
    assert signals(text) == set()


def test_text_speak_typos_and_dialect_words_are_read_in_their_standard_spelling():
    assert deobfuscate(plain("im goin to end it tonigt")) == "im going to end it tonight"
    assert deobfuscate(plain("Ah'm done wi it aw")) == "i'm done with it all"
    assert deobfuscate(plain("ill b gone b4 xmas")) == "i'll be gone before christmas"
    assert "risk.suicidal_intent" in signals("im goin to end it tonigt")
    assert deobfuscate(plain("the wi-fi is down, Tara")) == "the wi-fi is down, tara"


def test_the_classifier_is_not_heard_when_a_rule_is_already_urgent_or_on_ordinary_posts():
    assert signals("I want to die.") == {"risk.wish_to_die"}
    assert signals("Bye all, off to bed, see you tomorrow!") == set()
    assert signals("My GP changed my meds and the new pills make me sleepy.") == set()


def test_the_classifier_is_trained_on_the_development_split_only():
    texts, labels = classifier.training_examples()
    dev = load_items("dev")
    assert texts == [i.text for i in dev]
    assert labels == [int(i.label == "crisis") for i in dev]
    assert not set(texts) & {i.text for i in load_items("heldout")}


def test_training_is_deterministic():
    text = "I keep thinking tonight could be the night. So tired."
    first = classifier.CrisisModel(*classifier.training_examples()).assess(text)
    second = classifier.CrisisModel(*classifier.training_examples()).assess(text)
    assert first == second
    assert classifier.crisis_probability(text) == classifier.crisis_probability(text)
    assert classifier.crisis_probability(text) == first.probability


def test_the_classifier_trains_from_the_repository_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the classifier tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    model = classifier.CrisisModel(*classifier.training_examples())
    assert 0.0 <= model.probability("Hello all!") < MODEL_URGENT
    assert classifier.DATA.is_file()


# --- Abuse ---------------------------------------------------------------------------------


def test_insults_aimed_at_another_member_are_held():
    hits = check_text("@sam_j you are an idiot and you should shut up.")
    assert {h.category for h in hits} == {"abuse"}
    assert {h.severity for h in hits} == {"hold"}


def test_telling_someone_to_kill_themselves_is_abuse_not_a_risk_to_the_author():
    assert signals("Honestly, kill yourself.") == {"abuse.incitement_to_self_harm"}


def test_self_criticism_and_support_are_not_abuse():
    assert signals("I'm so stupid, I forgot my appointment again.") == set()
    assert signals("You're not stupid for feeling this way.") == set()
    assert signals("Anyone who calls you lazy doesn't understand depression.") == set()


# --- Spam ----------------------------------------------------------------------------------


def test_a_link_from_a_new_member_is_held():
    text = "Visit my page https://example-shop.biz/offer"
    assert "spam.link_from_new_member" in signals(text, NEW_MEMBER)
    assert "spam.link_from_new_member" not in signals(text)


def test_a_new_member_may_link_to_the_nhs():
    assert signals("This helped me: https://www.nhs.uk/mental-health/", NEW_MEMBER) == set()


def test_repeating_a_recent_post_is_held_as_a_duplicate():
    context = CheckContext(recent_texts=("Has anyone tried the worry time worksheet??",))
    hits = check_text("Has anyone tried the worry time worksheet?", context)
    assert [(h.signal, h.severity) for h in hits] == [("spam.duplicate_text", "hold")]


def test_short_replies_are_never_duplicates():
    assert signals("Thank you!", CheckContext(recent_texts=("Thank you!",))) == set()


def test_a_posting_burst_is_flagged():
    hits = check_text("Great post!", CheckContext(posts_in_last_10_minutes=5))
    assert [(h.signal, h.severity) for h in hits] == [("spam.posting_burst", "flag")]
    assert signals("Great post!", CheckContext(posts_in_last_10_minutes=4)) == set()


def test_commercial_spam_is_held_even_without_a_link():
    hits = check_text("Earn £500 a day working from home, DM me for details!")
    assert ("spam.commercial", "hold") in {(h.signal, h.severity) for h in hits}
    assert "spam.commercial" in signals("Try this miracle cure for anxiety, it changed my life.")
    assert not signals("Not a miracle, but the body scan helped a bit.")


# --- Personal details (P-5) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Text me on 07700 900123 any time", "personal.phone_number"),
        ("Ring +44 7700 900123 tonight", "personal.phone_number"),
        ("Our landline is 020 7946 0000", "personal.phone_number"),
        ("Email me at sam.jones@example.co.uk", "personal.email"),
        ("I'm at 14 Elm Grove if anyone's nearby", "personal.street_address"),
        ("Come to LS6 2AB", "personal.postcode"),
        ("add me on insta @sunny_days", "personal.social_handle"),
        ("snap: sunny_days", "personal.social_handle"),
        ("whatsapp me later", "personal.social_handle"),
    ],
)
def test_each_kind_of_personal_detail_is_found(text, signal):
    assert signal in signals(text)


def test_personal_details_are_held_for_new_members_and_in_messages_and_flagged_otherwise():
    text = "Call me on 07700 900123"
    assert severities(text) == {"flag"}
    assert severities(text, NEW_MEMBER) == {"hold"}
    assert severities(text, CheckContext(is_private_message=True)) == {"hold"}


def test_helpline_numbers_and_mentions_are_not_personal_details():
    assert signals("I called the Samaritans on 116 123 and they were lovely.") == set()
    assert signals("The Papyrus line is 0800 068 41 41.") == set()
    assert signals("Welcome @sunflower_22, glad you found us!") == set()


# --- Watched words (M-6) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "severity"), [("block", "block"), ("approve", "hold"), ("flag", "flag")]
)
def test_each_watched_word_action_maps_to_its_severity(action, severity):
    context = CheckContext(watched_words=(WatchedWordRule("pro-ana", action),))
    hits = check_text("Anyone into Pro-Ana tips?", context)
    assert [(h.signal, h.severity) for h in hits] == [(f"watched.{action}", severity)]


def test_watched_words_match_whole_words_only_and_ignore_case():
    context = CheckContext(watched_words=(WatchedWordRule("ass", "flag"),))
    assert signals("My class was an assessment", context) == set()
    assert signals("What an ASS.", context) == {"watched.flag"}


def test_watched_phrases_match_across_spacing_and_case():
    context = CheckContext(watched_words=(WatchedWordRule("magic pills", "approve"),))
    assert signals("Try these   MAGIC\nPills now", context) == {"watched.approve"}
    assert signals("magic and pills", context) == set()


# --- Every hit explains itself -------------------------------------------------------------


def test_each_hit_names_its_signal_and_a_reason_a_moderator_can_read():
    context = CheckContext(
        author_is_new=True,
        recent_texts=("I won't be a problem for anyone much longer. See bit.ly/x",),
        posts_in_last_10_minutes=6,
        watched_words=(WatchedWordRule("problem", "flag"),),
    )
    hits = check_text("I won't be a problem for anyone much longer. See bit.ly/x", context)
    assert {h.category for h in hits} == {"risk", "spam", "watched"}
    for hit in hits:
        assert hit.signal.startswith(hit.category + ".")
        assert hit.excerpt
        assert hit.reason.endswith(".") and len(hit.reason) <= 300
    assert check_text.__defaults__  # the context is optional
    assert check_text("Hello all!") == []


# --- The held-out evaluation ---------------------------------------------------------------


@pytest.fixture(scope="module")
def heldout():
    rows, _ = evaluate(load_items("heldout"))
    return rows


def test_the_evaluation_set_is_large_and_split_per_label():
    items = load_items("all")
    assert len(items) >= 320
    for label, minimum in {
        "crisis": 60,
        "concern": 40,
        "alarming_ordinary": 50,
        "ordinary": 90,
        "spam": 40,
        "abuse": 40,
    }.items():
        labelled = [i for i in items if i.label == label]
        assert len(labelled) >= minimum
        assert {i.split for i in labelled} == {"dev", "heldout"}


def test_heldout_crisis_recall_meets_the_target(heldout):
    # 197 of 207 when set (2026-12-05): met by one post, so a change that loses any held-out
    # crisis post fails here. Read evaluate_checks' note on how the set was made first.
    assert heldout["crisis"].rate >= 0.95


def test_heldout_ordinary_false_positive_rate_meets_the_target(heldout):
    assert ordinary_fpr(heldout) <= MAX_ORDINARY_FPR


def test_heldout_spam_recall_meets_the_target(heldout):
    assert heldout["spam"].rate >= 0.90


def test_heldout_abuse_recall_meets_the_target(heldout):
    assert heldout["abuse"].rate >= 0.90
