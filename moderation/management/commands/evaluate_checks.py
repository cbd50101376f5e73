"""Measure the automatic checks against the labelled evaluation set (M-5).

`manage.py evaluate_checks` prints recall per label (how many crisis, concern, spam and abuse
posts the checks caught) and false-positive rates (how many ordinary posts they would hold or
send to the urgent queue), and exits 1 when a target is missed, so CI can run it.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from moderation.checks import FLAG, CheckContext, Hit, check_text

DATA = Path(__file__).resolve().parents[2] / "evaluation" / "posts.jsonl"
POSITIVE = ("crisis", "concern", "spam", "abuse")
NEGATIVE = ("alarming_ordinary", "ordinary")
LABELS = ("crisis", "concern", "alarming_ordinary", "ordinary", "spam", "abuse")
TARGETS = {"crisis": 0.95, "spam": 0.90, "abuse": 0.90}
MAX_ORDINARY_FPR = 0.10

HOW_THE_SET_WAS_MADE = (
    "How the set was made: moderation/evaluation/posts.jsonl holds 1,078 short forum posts in "
    "UK English, written by hand for this purpose by the two engineers who wrote the rules (no "
    "real member's words): crisis (explicit and indirect suicidal or self-harm intent: goodbyes, "
    "giving things away, plans, being a burden, not being around; never method details), "
    "concern (hopelessness, passive wishes, self-harm urges, worry about someone else), "
    "alarming_ordinary (idioms such as 'this commute is killing me', negations, recovery "
    "stories in the past tense, ordinary goodbyes, decisions and arrangements), ordinary, spam "
    "(some with new-member links, duplicates or bursts in their context) and abuse (insults, "
    "threats and harassment aimed at another member, not self-criticism). Development part: "
    "726 posts; held-out part: 352. The first engineer wrote 456 development posts in six "
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
    "person wrote h9 and then tuned the rules, so h9's later figures (26 of 35) flatter them."
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
        f"{label} recall {rows[label].rate:.2f} < {target:.2f}"
        for label, target in TARGETS.items()
        if rows[label].rate < target
    ]
    if ordinary_fpr(rows) > MAX_ORDINARY_FPR:
        missed.append(f"ordinary FPR {ordinary_fpr(rows):.2f} > {MAX_ORDINARY_FPR:.2f}")
    return missed


class Command(BaseCommand):
    help = "Print recall and false-positive rate of the automatic checks on the labelled set."

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=["heldout", "dev", "all"], default="heldout")
        parser.add_argument("--show-misses", action="store_true")

    def handle(self, *args, split, show_misses, **options):
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
                out(f"{label:<18} {row.n:>4} {row.caught:>7} {row.rate:>7.2f} {'':>10} {'':>8}")
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
        if show_misses:
            for item, hits in misses:
                signals = ", ".join(f"{h.signal}/{h.severity}" for h in hits) or "no hits"
                out(f"[{item.label}] {item.text}\n    -> {signals}")
        missed = missed_targets(rows)
        if missed:
            out(self.style.ERROR("Targets missed: " + "; ".join(missed)))
            raise SystemExit(1)
        out(self.style.SUCCESS("All targets met."))
