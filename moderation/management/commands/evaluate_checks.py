"""Measure the automatic checks against the labelled evaluation set (M-5).

`manage.py evaluate_checks` prints recall per label (how many crisis, concern, spam and abuse
posts the checks caught) and false-positive rates (how many ordinary posts they would hold or
send to the urgent queue), and exits 1 when a target is missed, so CI can run it.
`--cv` shows how the trained classifier's thresholds were chosen: cross-validation on the
development split only.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from unittest import mock

from django.core.management.base import BaseCommand, CommandError

from moderation import checks, classifier
from moderation.checks import FLAG, CheckContext, Hit, check_text

DATA = classifier.DATA
POSITIVE = ("crisis", "concern", "spam", "abuse")
NEGATIVE = ("alarming_ordinary", "ordinary")
LABELS = ("crisis", "concern", "alarming_ordinary", "ordinary", "spam", "abuse")
TARGETS = {"crisis": 0.95, "spam": 0.90, "abuse": 0.90}
MAX_ORDINARY_FPR = 0.10
# How the classifier's thresholds are chosen (`--cv`, development split only).
CV_FOLDS = 5
CV_MAX_HOLD_FPR = 0.08  # MODEL_URGENT: the lowest threshold keeping urgent+hold FPR at most this

CV_GRID = tuple(round(0.30 + 0.05 * i, 2) for i in range(14))  # 0.30 to 0.95

HOW_THE_SET_WAS_MADE = (
    "How the set was made: moderation/evaluation/posts.jsonl holds 3,220 forum posts in "
    "UK English, written for this purpose (no real member's words): 1,360 by the three "
    "engineers who wrote the rules and 1,860 by ten writers (AI assistants, each briefed "
    "separately) who never saw the rules or the set (sittings d11 to d18, h10 and h11, below): "
    "crisis (explicit and indirect suicidal or self-harm intent: goodbyes, "
    "giving things away, plans, being a burden, not being around; never method details), "
    "concern (hopelessness, passive wishes, self-harm urges, worry about someone else), "
    "alarming_ordinary (idioms such as 'this commute is killing me', negations, recovery "
    "stories in the past tense, ordinary goodbyes, decisions and arrangements), ordinary, spam "
    "(some with new-member links, duplicates or bursts in their context) and abuse (insults, "
    "threats and harassment aimed at another member, not self-criticism). Development part: "
    "2,568 posts (1,808 before d15, 1,008 before d11, 726 before d10); held-out part: 652 (502 "
    "before h11, 352 before h10). The first engineer wrote 456 development posts in six "
    "sittings and 255 held-out posts in three (the first before any rule existed, the other two "
    "while the rules were frozen) and tuned in five rounds; on first contact those two later "
    "held-out sittings had 2 of 10 and 7 of 12 crisis posts caught. The second engineer first "
    "wrote held-out sitting h9 (97 posts: 35 crisis, 18 concern, 22 alarming_ordinary, 22 "
    "ordinary, in voices and styles not yet in the set) and measured it once before changing "
    "any rule: 12 of 35 crisis posts caught, 3 of 22 alarming_ordinary held. Then three tuning "
    "rounds on the development part only, adding the weighted warning-sign score and 270 "
    "development posts in sittings d7 to d9 (135 crisis, 25 concern, 80 alarming_ordinary, 30 "
    "ordinary); after each round the whole held-out part was run once and only per-label counts "
    "were read, never the missed posts: crisis 74, 74 and 75 of 87, ordinary false positives "
    "2, 2 and 2 of 154. The fresh development sittings, each measured on first contact with "
    "the rules of the time, had 3 of 65 (d7, original rules), 4 of 40 (d8, after round one) "
    "and 6 of 30 (d9, after round two) crisis posts caught: that, not the held-out figure, is "
    "the guide to phrasings nobody anticipated. The same "
    "person wrote h9 and then tuned the rules, so h9's later figures (26 of 35) flatter them. "
    "A third engineer then wrote development sitting d10 (282 posts: 122 crisis, 40 concern, "
    "80 alarming_ordinary, 40 ordinary, in dialects, text-speak, typos, metaphors, religious "
    "and gaming language, late-night and long posts, practical arrangements and burden "
    "framings) and measured it once with the rules and classifier of the time, before "
    "changing anything: 67 of 122 crisis posts caught (19 by the rules alone), 15 of 80 "
    "alarming_ordinary held or urgent (10 by the rules alone), 19 of 40 concern posts with a "
    "risk hit, 0 of 40 ordinary held. Two tuning rounds followed on the development part only "
    "(first: text-speak, typos and dialect words read in their standard spelling, more cues of "
    "the existing kinds, fewer ordinary posts held by the rules, classifier threshold from "
    "--cv; second: the classifier as one warning sign next to written ones, and not asked when "
    "a post gives an ordinary context); after each, the held-out part was run once and only "
    "per-label counts were read: crisis 82 and 81 of 87, ordinary false positives 4 and 4 of "
    "154 (3 alarming_ordinary and 1 ordinary each time; 3 of 154 before), concern 36 and 36 "
    "of 49, spam 30 of 30 and abuse 31 of 32 both times. The second round is the one kept: it "
    "was chosen on the development part before its held-out run, and going back to the first "
    "because it caught one more held-out post would be choosing on the held-out part. "
    "Then five writers (AI assistants, each briefed separately) who had never seen the rules, the set or each other's posts wrote "
    "development sittings d11 to d14 (200 posts each: 80 crisis, 30 concern, 60 "
    "alarming_ordinary, 30 ordinary; d11 unusual voices, d12 regional, older, younger and "
    "second-language English, d13 life situations such as farming, caring, debt, the forces, "
    "d14 writing styles such as lowercase, emoji, lists and quoted lyrics) and a sealed held-out "
    "sitting h10 (150 posts: 60 crisis, 20 concern, 40 alarming_ordinary, 30 ordinary, written as a "
    "typical week of a real forum; only its per-label counts were ever read). Decided before any "
    "of it was read: h10 joins the held-out part whatever it shows. On first contact with the "
    "checker of the time the new development sittings had 68, 65, 58 and 64 of 80 crisis posts "
    "caught (255 of 320, 0.80) and 58 of their 360 ordinary and alarming_ordinary posts held or "
    "urgent (0.16, against 0.03 on the old held-out part); h10 had 56 of 60 crisis caught and 10 "
    "of 70 ordinary held. One round followed on the development part only (d11 to d14 added, so "
    "the classifier learns from 1,808 posts; written cues for phrasings they showed; goodbyes and "
    "sports hyperbole that give an ordinary reason flagged rather than urgent; threshold from "
    "--cv), then one held-out run: crisis 139 of 147 (80 of the old 87, one fewer than before; 59 "
    "of h10's 60), ordinary false positives 8 of 224 (4 of the old 154; 4 of h10's 70). An "
    "unintended earlier look: running the test suite during the round evaluated the held-out "
    "part once and said only that the crisis target was still missed; nothing changed after it. "
    "Missing by one post, a second such round was decided before any of its posts were read: "
    "five more writers wrote development sittings d15 to d18 (760 posts: replies inside "
    "threads, understated and practical voices, long posts, lookalike pairs) and a sealed "
    "held-out sitting h11 (150 posts, like h10), again to join the held-out part whatever it "
    "showed. First contact with the checker of the first round: d15 74 of 80, d16 71 of 80, d17 "
    "55 of 60, d18 56 of 60 crisis posts caught (256 of 280, 0.91), 34 of 365 ordinary held or "
    "urgent (0.09); h11 58 of 60 crisis, 5 of 70 ordinary. After one round on the development "
    "part (written cues for what they showed, life admin and therapy exercises no longer read "
    "as preparations, threshold 0.60 from --cv) the held-out part was run once: crisis 197 of "
    "207 (0.952: 82 of the old 87, 58 of h10's 60, 57 of h11's 60), ordinary false positives 14 "
    "of 294. The checker of the first round would have caught the same 197 (80, 59 and 58) with "
    "13 false positives: the target is met because a further sealed sitting was added after it "
    "was missed by one post, by the smallest margin, not because the second round moved the "
    "held-out figure."
)
CLASSIFIER_METHOD = (
    "The trained classifier (signal risk.model, moderation/classifier.py): TF-IDF over word "
    "1-2-grams and character 3-5-grams, logistic regression with balanced class weights, crisis "
    "against every other label, trained on the 2,568 development posts only, once per process "
    "(about 0.8 s, plus about 0.6 s to import scikit-learn). Its urgent threshold is chosen by "
    "5-fold stratified cross-validation on the development part only (`--cv`), never on the "
    "held-out part: the lowest threshold (steps of 0.05) with at most 8% of ordinary and "
    "alarming_ordinary posts held or urgent. Now p >= 0.60 (out of fold: 7.3%; crisis recall "
    "0.83 for the model alone, 0.90 with the rules, which were tuned on these posts; 18.5% of "
    "concern posts sent to the urgent queue). Below it, p >= 0.50 (the model's own decision "
    "boundary, fixed, not tuned) counts as one warning sign of weight 1 next to a written sign "
    "about ending, burden, resolve, last words or hope, and a post whose present-tense "
    "sentences give an ordinary context (a party, 'wish me luck', 'lol') is not given to the "
    "classifier at all. History: trained on the 726 posts before d10, the threshold was 0.70 "
    "(out of fold 6.7%; crisis 0.56 alone, 0.98 with the rules) and the held-out part, run "
    "once, had crisis 79 of 87 (75 with rules alone), ordinary false positives 3 of 154 (2 "
    "with rules alone); after the first d10 round --cv chose 0.65 (out of fold 7.9%, crisis "
    "0.895 with the rules): held-out crisis 82 of 87; after the second, 0.70 (6.7%, 0.906): "
    "81 of 87; with d11 to d14, 0.65 (7.1%, 0.889): 139 of 147 on the held-out part with h10; "
    "with d15 to d18, 0.60 (7.3%, 0.900): 197 of 207 with h11. "
    "A pretrained sentence encoder (all-MiniLM-L6-v2, packaged offline on PyPI) was tried beside "
    "the TF-IDF features before that round and not adopted: trained on the other sittings and "
    "scored on each development sitting in turn, averaging it in changed the area under the ROC "
    "curve by -0.044 to +0.016 (mean below zero), not worth 1.5 GB of PyTorch in every worker. "
    "A flag level (p >= 0.55) was also chosen then, but dropped after it "
    "queued 5 of the 54 longer, ordinary demo posts; held-out crisis recall counts urgent hits "
    "only, so it is unchanged. The author is shown crisis options when a written rule "
    "fired, including a warning-sign score the classifier's sign helped complete; the "
    "classifier alone (risk.model) only alerts moderators. On the 54 demo posts (all "
    "ordinary, and longer than any post in the set) the checker now holds or makes urgent none "
    "(2 after the d10 rounds, a congratulations reply and a post about a dog that died). On the development split (`--split dev`) the classifier has seen every post, "
    "so those figures say nothing about it."
)


@dataclass(frozen=True)
class Item:
    text: str
    label: str
    split: str
    context: CheckContext


@dataclass(frozen=True)
class Row:
    label: str
    n: int
    caught: int  # positive labels: the hits that count; negative labels: urgent or hold hits
    any_hit: int

    @property
    def rate(self) -> float:
        return self.caught / self.n if self.n else 0.0

    @property
    def any_rate(self) -> float:
        return self.any_hit / self.n if self.n else 0.0


def load_items(split: str = "heldout") -> list[Item]:
    """The labelled posts of one split ("dev", "heldout" or "all")."""
    items = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if split != "all" and row["split"] != split:
            continue
        context = row.get("context", {})
        items.append(
            Item(
                text=row["text"],
                label=row["label"],
                split=row["split"],
                context=CheckContext(
                    author_is_new=context.get("author_is_new", False),
                    recent_texts=tuple(context.get("recent_texts", ())),
                    posts_in_last_10_minutes=context.get("posts_in_last_10_minutes", 0),
                    is_private_message=context.get("is_private_message", False),
                ),
            )
        )
    return items


def is_caught(label: str, hits: list[Hit]) -> bool:
    """Whether the hits count for the label: urgent for crisis, any hit of the kind otherwise;
    for the ordinary labels, whether the post would be held or sent to the urgent queue."""
    if label == "crisis":
        return any(h.severity == "urgent" for h in hits)
    if label == "concern":
        return any(h.category == "risk" for h in hits)
    if label in ("spam", "abuse"):
        return any(h.category == label for h in hits)
    return any(h.severity != FLAG for h in hits)


def evaluate(items: list[Item]) -> tuple[dict[str, Row], list[tuple[Item, list[Hit]]]]:
    """Rows per label, and the misses (positives not caught, ordinary posts held)."""
    rows, misses = {}, []
    for label in LABELS:
        n = caught = any_hit = 0
        for item in (i for i in items if i.label == label):
            hits = check_text(item.text, item.context)
            n += 1
            any_hit += bool(hits)
            if is_caught(label, hits):
                caught += 1
                if label in NEGATIVE:
                    misses.append((item, hits))
            elif label in POSITIVE:
                misses.append((item, hits))
        rows[label] = Row(label, n, caught, any_hit)
    return rows, misses


def ordinary_fpr(rows: dict[str, Row]) -> float:
    n = sum(rows[label].n for label in NEGATIVE)
    return sum(rows[label].caught for label in NEGATIVE) / n if n else 0.0


def missed_targets(rows: dict[str, Row]) -> list[str]:
    missed = [
        f"{label} recall {rows[label].rate:.3f} ({rows[label].caught} of {rows[label].n}) < {target:.2f}"
        for label, target in TARGETS.items()
        if rows[label].rate < target
    ]
    if ordinary_fpr(rows) > MAX_ORDINARY_FPR:
        missed.append(f"ordinary FPR {ordinary_fpr(rows):.2f} > {MAX_ORDINARY_FPR:.2f}")
    return missed


@dataclass(frozen=True)
class CvRow:
    threshold: float
    model_recall: float  # crisis posts the model alone rates at or above the threshold
    crisis_recall: float  # crisis posts with an urgent hit, rules and model together
    hold_fpr: float  # ordinary + alarming_ordinary posts held or urgent, rules and model
    any_risk: float  # ordinary + alarming_ordinary posts with any risk hit (flags included)
    concern_urgent: float  # concern posts sent to the urgent queue


class _Cached:
    """A fold's model with its answers remembered, so each threshold costs only the rules."""

    def __init__(self, model: classifier.CrisisModel):
        self.assess = lru_cache(maxsize=None)(model.assess)


def model_text(text: str) -> str:
    return checks.present_tense(checks.deobfuscate(checks.plain(text)))


def cross_validate(items: list[Item]) -> list[CvRow]:
    """Out-of-fold figures on the development split for each urgent threshold in CV_GRID."""
    from sklearn.model_selection import StratifiedKFold

    labels = [i.label for i in items]
    folds = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=classifier.RANDOM_STATE)
    models = {}
    for train, test in folds.split(labels, labels):
        model = classifier.CrisisModel(
            [items[k].text for k in train],
            [int(labels[k] in classifier.POSITIVE_LABELS) for k in train],
        )
        for k in test:
            models[k] = _Cached(model)
    fold_of = {k: id(m) for k, m in models.items()}
    by_fold = {id(m): m for m in models.values()}

    def run(urgent: float) -> CvRow:
        hits: dict[int, list[Hit]] = {}
        with mock.patch.object(checks, "MODEL_URGENT", urgent):
            for fold, model in by_fold.items():
                with classifier.using(model):
                    for k, item in enumerate(items):
                        if fold_of[k] == fold:
                            hits[k] = check_text(item.text, item.context)

        def share(label_set, test) -> float:
            chosen = [k for k in hits if labels[k] in label_set]
            return sum(bool(test(k)) for k in chosen) / len(chosen)

        return CvRow(
            urgent,
            share(
                {"crisis"},
                lambda k: models[k].assess(model_text(items[k].text)).probability >= urgent,
            ),
            share({"crisis"}, lambda k: any(h.severity == "urgent" for h in hits[k])),
            share(NEGATIVE, lambda k: any(h.severity != FLAG for h in hits[k])),
            share(NEGATIVE, lambda k: any(h.category == "risk" for h in hits[k])),
            share({"concern"}, lambda k: any(h.severity == "urgent" for h in hits[k])),
        )

    return [run(t) for t in CV_GRID]


def chosen_threshold(rows: list[CvRow]) -> float:
    return next((r.threshold for r in rows if r.hold_fpr <= CV_MAX_HOLD_FPR), 1.0)


class Command(BaseCommand):
    help = "Print recall and false-positive rate of the automatic checks on the labelled set."

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=["heldout", "dev", "all"], default="heldout")
        parser.add_argument("--show-misses", action="store_true")
        parser.add_argument(
            "--cv",
            action="store_true",
            help="Choose the classifier's thresholds by cross-validation on the dev split only.",
        )

    def handle(self, *args, split, show_misses, cv, **options):
        if cv:
            return self.cross_validate()
        items = load_items(split)
        if not items:
            raise CommandError(f"No items in split {split!r} of {DATA}.")
        rows, misses = evaluate(items)
        out = self.stdout.write
        out(f"Automatic checks on the {split} split ({len(items)} posts)\n")
        out(f"{'label':<18} {'n':>4} {'caught':>7} {'recall':>7} {'FPR hold+':>10} {'any hit':>8}")
        for label in LABELS:
            row = rows[label]
            if label in POSITIVE:
                out(f"{label:<18} {row.n:>4} {row.caught:>7} {row.rate:>7.3f} {'':>10} {'':>8}")
            else:
                out(
                    f"{label:<18} {row.n:>4} {row.caught:>7} {'':>7} "
                    f"{row.rate:>10.2f} {row.any_rate:>8.2f}"
                )
        out(
            f"\nordinary FPR (urgent or hold, ordinary + alarming_ordinary): {ordinary_fpr(rows):.2f}"
        )
        out(
            "crisis counts urgent hits; concern any risk hit; spam and abuse any hit of their "
            "kind; FPR hold+ is urgent or hold, any hit includes flags.\n"
        )
        out(HOW_THE_SET_WAS_MADE + "\n")
        out(CLASSIFIER_METHOD + "\n")
        if show_misses:
            for item, hits in misses:
                signals = ", ".join(f"{h.signal}/{h.severity}" for h in hits) or "no hits"
                out(f"[{item.label}] {item.text}\n    -> {signals}")
        missed = missed_targets(rows)
        if missed:
            out(self.style.ERROR("Targets missed: " + "; ".join(missed)))
            raise SystemExit(1)
        out(self.style.SUCCESS("All targets met."))

    def cross_validate(self):
        out = self.stdout.write
        items = load_items("dev")
        rows = cross_validate(items)
        out(
            f"Classifier threshold by {CV_FOLDS}-fold stratified cross-validation on the dev "
            f"split ({len(items)} posts; each post scored by a model trained on the other folds; "
            "the rules were tuned on these posts, so the combined recall flatters them)\n"
        )
        out(
            f"{'T':>5} {'model':>6} {'crisis':>7} {'hold+':>6} {'any':>6} {'concern':>8}\n"
            f"{'':>5} {'alone':>6} {'recall':>7} {'FPR':>6} {'risk':>6} {'urgent':>8}"
        )
        for r in rows:
            out(
                f"{r.threshold:>5.2f} {r.model_recall:>6.3f} {r.crisis_recall:>7.3f} "
                f"{r.hold_fpr:>6.3f} {r.any_risk:>6.3f} {r.concern_urgent:>8.3f}"
            )
        out(
            f"\nChosen: MODEL_URGENT = {chosen_threshold(rows):.2f} (lowest with hold+ FPR <= "
            f"{CV_MAX_HOLD_FPR}); in moderation/checks.py: {checks.MODEL_URGENT:.2f}. Every row "
            f"counts the classifier as a warning sign at p >= MODEL_CUE = {checks.MODEL_CUE:.2f} "
            "(fixed, not tuned)."
        )
