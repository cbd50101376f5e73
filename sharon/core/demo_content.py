"""The demo community that `manage.py seed_demo` creates: plain data, no database work.

Everything here is made up. Members are pseudonymous; posts are Markdown as a member would
type it. Thread times are given as (days ago, UK time of day) for the opening post, and
each reply as hours after the opening post, so the command can lay them out relative to
the day it runs. Keep `time of day + the last reply's hours` below `24 * days ago`, or the
thread would end in the future (the command checks).
"""

from textwrap import dedent


def _md(text: str) -> str:
    return dedent(text).strip()


# The three accounts the README and the Makefile tell people to sign in with.
SIGN_INS = [
    ("member", "robin", "sharon-demo-member"),
    ("moderator", "kim", "sharon-demo-moderator"),
    ("admin", "admin", "sharon-demo-admin"),
]

# role: "member", "moderator" (added to the Moderators group) or "admin" (staff, superuser).
# Members not in SIGN_INS get an unusable password: they exist only to have written posts.
# Who moderates the demo, and one member's report left open in the queue.
MODERATOR = "kim"
REPORTER = "robin"
REPORTED_THREAD = "Weekends feel so empty"
# A moderator's welcome, as on the live service: members may always answer a moderator, and
# robin signs in to one unread message.
CONVERSATION = [
    (
        "kim",
        "robin",
        "Hi robin, welcome to SHaRON. I'm one of the moderators. If anything here ever "
        "worries you, you can report it or message me. Take things at your own pace.",
    ),
    ("robin", "kim", "Thank you, that's kind. I'm still finding my feet but it feels friendly."),
    (
        "kim",
        "robin",
        "Glad to hear it. The *Introduce yourself* board is a gentle place to start, whenever "
        "you feel ready.",
    ),
]

MEMBERS = [
    {
        "username": "robin",
        "role": "member",
        "avatar": "kite",
        "joined_days_ago": 70,
        "bio": "Mid-thirties, office job, on the waiting list for talking therapy. Mostly "
        "here for the anxiety threads, and the odd bad joke.",
    },
    {
        "username": "kim",
        "role": "moderator",
        "avatar": "sun",
        "joined_days_ago": 400,
        "bio": "One of the SHaRON moderators, usually around on weekday evenings. I'm not a "
        "therapist, but I can point you to the right place and help keep this space kind.",
    },
    {
        "username": "admin",
        "role": "admin",
        "avatar": "star",
        "joined_days_ago": 420,
        "bio": "",
    },
    {
        "username": "tea_and_toast",
        "role": "member",
        "avatar": "cloud",
        "joined_days_ago": 160,
        "bio": "Retired teacher and early riser (not by choice). Fond of crosswords, gentle "
        "walks and a good cup of tea.",
    },
    {
        "username": "quietotter",
        "role": "member",
        "avatar": "wave",
        "joined_days_ago": 45,
        "bio": "Late twenties, job hunting, and learning that anxiety tells me a lot of "
        "things that turn out not to be true.",
    },
    {
        "username": "northern_sky",
        "role": "member",
        "avatar": "mountain",
        "joined_days_ago": 120,
        "bio": "Yorkshire, one cat who thinks 5am is breakfast time. Getting better at "
        "sitting with uncertainty, slowly.",
    },
    {
        "username": "fern.w",
        "role": "member",
        "avatar": "leaf",
        "joined_days_ago": 300,
        "bio": "Two years into recovering from depression and a big fan of behavioural "
        "activation. Happy to cheer on your small steps.",
    },
    {
        "username": "maple_and_moss",
        "role": "member",
        "avatar": "tree",
        "joined_days_ago": 24,
        "bio": "Moved to a new city last spring and found it harder than I expected. "
        "Working through a CBT workbook, one page at a time.",
    },
    {
        "username": "sam_walks",
        "role": "member",
        "avatar": "moon",
        "joined_days_ago": 90,
        "bio": "Night owl turned early riser. Out walking most days, rain or shine. "
        "Practising being a bit less hard on myself.",
    },
]

FORUM_CATEGORIES = [
    {
        "slug": "announcements",
        "name": "Announcements",
        "description": "News from the moderators and the SHaRON team. Only moderators post "
        "here, so nothing important gets lost.",
        "order": 0,
        "is_read_only": True,
    },
    {
        "slug": "introduce-yourself",
        "name": "Introduce yourself",
        "description": "New here? Say hello, as much or as little as you like. Reading for a "
        "while first is fine too.",
        "order": 1,
    },
    {
        "slug": "anxiety",
        "name": "Anxiety",
        "description": "Worry, panic, nerves and the what-ifs. Share what you're going "
        "through and what has helped.",
        "order": 2,
    },
    {
        "slug": "low-mood",
        "name": "Low mood",
        "description": "For the flat, heavy or hopeless days, and for the small steps that "
        "help us through them.",
        "order": 3,
    },
    {
        "slug": "sleep",
        "name": "Sleep",
        "description": "Trouble getting to sleep, early waking and racing thoughts at night. "
        "Swap ideas for calmer evenings and mornings.",
        "order": 4,
    },
    {
        "slug": "cbt-skills-practice",
        "name": "CBT skills practice",
        "description": "Try out thought records, worry time and other CBT skills, and get "
        "gentle feedback from people practising too.",
        "order": 5,
    },
    {
        "slug": "wins-and-progress",
        "name": "Wins and progress",
        "description": "Good news of any size. Got out of bed, made the phone call, went to "
        "the thing: tell us, we'd love to hear it.",
        "order": 6,
    },
]

THREADS = [
    {
        "category": "announcements",
        "author": "kim",
        "title": "Welcome to SHaRON: please read this first",
        "started": (30, "10:00"),
        "pinned": True,
        "body": _md(
            """
            Hello, and welcome. I'm Kim, one of the moderators here.

            SHaRON is a place for adults living with anxiety or low mood to support each
            other, alongside a library of CBT self-help resources. Some people post every
            day; some read quietly for months. Both are completely fine: **you don't have
            to post to belong here.**

            ### A few things that keep this space safe

            - **Use your username, not your real name.** Please don't share your address,
              workplace, phone number or anything else that could identify you or someone
              else.
            - **Be kind, including to yourself.** Share what has helped you rather than
              telling others what they should do.
            - **No diagnosing and no medication advice.** Your GP or care team is the right
              person for that.
            - **Add a content warning** when you write about something others might find
              hard to read.
            - **Report anything that worries you.** Every post has a Report link, and
              reports only go to the moderators.

            The full [community guidelines](/guidelines/) explain these in more detail.

            Moderators are around at set hours, shown at the top of each page. We read the
            forums, look at reports and step in when needed. We aren't therapists and we
            can't offer one-to-one support.

            ### This is not a crisis service

            If you are in crisis or worried about your safety, please don't wait for a
            reply here:

            - **Samaritans**: call 116 123, free, any time of day or night
            - **NHS 111**: choose option 2 for the mental health crisis line (England)
            - **Shout**: text SHOUT to 85258
            - **999**, or go to A&E, if a life is at risk

            The *Need urgent help?* link on every page has these details too.

            When you're ready, **Introduce yourself** is a gentle place to start.
            We're glad you're here.

            Kim (moderator)
            """
        ),
        "replies": [],
    },
    {
        "category": "introduce-yourself",
        "author": "robin",
        "title": "Hello from a long-time lurker",
        "started": (24, "20:40"),
        "body": _md(
            """
            Hi everyone,

            I've been reading here for about two months and have finally plucked up the
            courage to post. My GP mentioned SHaRON while I'm on the waiting list for
            talking therapy, and honestly, just reading other people's threads has helped
            more than I expected. It's a relief to know the 3am what-ifs aren't just me.

            A bit about me: mid-thirties, office job, and anxiety that mostly shows up as
            worrying about work and about my health. Some weeks are fine; some weeks my
            brain won't stop running through worst-case scenarios.

            I'm hoping to get better at actually *using* the CBT stuff rather than just
            reading about it. Nice to (sort of) meet you all.
            """
        ),
        "replies": [
            {
                "author": "tea_and_toast",
                "after_hours": 1.2,
                "body": _md(
                    """
                    Welcome, robin! The first post is the hardest one, so well done for
                    doing it. I lurked for weeks before I said a word.

                    The 3am what-ifs are very familiar round here. You're in good company.
                    """
                ),
            },
            {
                "author": "quietotter",
                "after_hours": 3.5,
                "body": _md(
                    """
                    Hi robin. *So* relatable about reading versus using the CBT stuff. I've
                    got a bookmarks folder full of worksheets I've never filled in. Maybe we
                    can nudge each other along?
                    """
                ),
            },
            {
                "author": "kim",
                "after_hours": 14.5,
                "body": _md(
                    """
                    Welcome, robin, and thank you for introducing yourself.

                    If you'd like somewhere to start with the practical side, the **CBT
                    skills practice** board is a friendly place to try things out, and
                    members often share a thought record there for gentle feedback. The
                    resources section also has a short guide to
                    [worry time](/resources/worry-time/), which some people find handy
                    for the 3am thoughts.

                    Glad you're here.
                    """
                ),
            },
        ],
    },
    {
        "category": "introduce-yourself",
        "author": "maple_and_moss",
        "title": "New here and not sure what to write",
        "started": (21, "13:05"),
        "body": _md(
            """
            Hi. I've typed and deleted this about five times, so I'm just going to press
            post.

            I moved to a new city last spring for work. I thought it would be a fresh
            start, but I've ended up feeling flat most of the time. Not sad exactly, more
            like everything is grey and takes a lot of effort. I don't really know anyone
            here yet.

            I've started a CBT workbook my sister recommended. Not sure what else to say
            really, except hello.
            """
        ),
        "replies": [
            {
                "author": "fern.w",
                "after_hours": 2,
                "body": _md(
                    """
                    Hello, and well done for pressing post. "Grey and takes a lot of
                    effort" is such a good description. That's exactly how low mood felt
                    for me.

                    No pressure to say more than hello. If you fancy it, there's a *tiny
                    steps* thread in Low mood where we share one small thing we did each
                    day. It's very low-key.
                    """
                ),
            },
            {
                "author": "northern_sky",
                "after_hours": 6,
                "body": _md(
                    """
                    Hi maple_and_moss. Moving somewhere new is so much harder than people
                    make it sound, especially without your usual people around. Glad you
                    found your way here.
                    """
                ),
            },
        ],
    },
    {
        "category": "anxiety",
        "author": "northern_sky",
        "title": "Stuck in the googling loop (health anxiety)",
        "started": (16, "22:50"),
        "body": _md(
            """
            Does anyone else get stuck in a checking loop? I notice a twinge or a headache,
            so I look it up, then I read something scary, then I check my body again, then
            I look it up again... Two hours later I feel ten times worse.

            My GP has checked me over properly and says it's anxiety rather than anything
            physical, and in the daytime I believe her. At night it's a different story.

            How do you break the cycle?
            """
        ),
        "replies": [
            {
                "author": "fern.w",
                "after_hours": 0.8,
                "body": _md(
                    """
                    Yes, very familiar. What I learnt in therapy is that checking and
                    googling give a *tiny* bit of relief in the moment, which is exactly
                    why the loop keeps going: your brain learns that checking means safety.
                    The relief never lasts, so you have to check again.

                    What helped me was putting a bit of space between the urge and the
                    action. I'd tell myself *I can look it up in 30 minutes if I still
                    want to*, and do something else. Often the urge had faded by then. Not
                    always! But often enough to notice.
                    """
                ),
            },
            {
                "author": "maple_and_moss",
                "after_hours": 9,
                "body": _md(
                    """
                    I moved the browser off my phone's home screen. Sounds silly, but that
                    little bit of extra effort stops me searching on autopilot.
                    """
                ),
            },
            {
                "author": "kim",
                "after_hours": 12.5,
                "body": _md(
                    """
                    Thanks for sharing this, northern_sky, and good for you for getting
                    checked by your GP first. That's the right order of things, and if
                    anything new or different comes up physically, your GP is always the
                    person to ask.

                    The guide to [what anxiety is](/resources/what-anxiety-is/) explains
                    the checking and reassurance cycle fern.w describes, if you'd like to
                    read more.
                    """
                ),
            },
        ],
    },
    {
        "category": "low-mood",
        "author": "fern.w",
        "title": "Tiny steps thread: one small thing you did today",
        "started": (20, "09:15"),
        "body": _md(
            """
            When my mood was at its lowest, my therapist introduced me to *behavioural
            activation*. Instead of waiting until you feel like doing things, you do small
            things first, and your mood often follows (a bit, eventually).

            The key word is **small**. So this is a thread for tiny steps. No step is too
            small, and no comparing. Just post one thing you did today.

            I'll start: I opened the curtains, made a proper breakfast and ate it at the
            table instead of on the sofa.
            """
        ),
        "replies": [
            {
                "author": "sam_walks",
                "after_hours": 5,
                "body": "Walked to the postbox and back. It's only five minutes, but I went "
                "out without having to.",
            },
            {
                "author": "maple_and_moss",
                "after_hours": 50,
                "body": "Showered, got dressed and put an album on while I tidied the kitchen. "
                "Felt more human afterwards.",
            },
            {
                "author": "robin",
                "after_hours": 146,
                "body": _md(
                    """
                    Replied to a friend's message I'd been avoiding for a week. She was
                    just pleased to hear from me. Why do I always imagine it'll be awful?
                    """
                ),
            },
            {
                "author": "tea_and_toast",
                "after_hours": 460,
                "body": "Did the crossword in the café instead of at home. Small, but it got "
                "me out and among people for an hour.",
            },
        ],
    },
    {
        "category": "low-mood",
        "author": "sam_walks",
        "title": "Weekends feel so empty",
        "started": (18, "16:20"),
        "body": _md(
            """
            During the week there's work, so there's at least some structure. Then
            Saturday arrives and I can't make myself do anything. I end up lying in bed
            scrolling until it's dark, then feel rubbish about wasting the day, which makes
            Sunday worse.

            Does anyone else find weekends harder than weekdays? What do you do with them?
            """
        ),
        "replies": [
            {
                "author": "tea_and_toast",
                "after_hours": 1.5,
                "body": _md(
                    """
                    Very much so. Since I retired, *every* day can feel like a weekend, so
                    I had to learn this one the hard way.

                    What helps me is one fixed thing in the morning that isn't up for
                    negotiation. For me it's walking to the bakery for a loaf. Once I'm up
                    and out, the rest of the day is easier to get going.
                    """
                ),
            },
            {
                "author": "northern_sky",
                "after_hours": 4,
                "body": _md(
                    """
                    I plan my weekend on Friday evening, when I have a bit more energy.
                    Nothing big, just:

                    - one thing that needs doing (the washing)
                    - one thing I used to enjoy (baking, even if I don't fancy it)
                    - one thing with another person, even if it's just a phone call

                    If I manage one of the three, I count it as a win.
                    """
                ),
            },
            {
                "author": "fern.w",
                "after_hours": 26,
                "body": _md(
                    """
                    Please go easy on yourself about "wasting the day", too. Low mood makes
                    everything heavier. A day spent resting isn't a moral failing, and you
                    can always try again tomorrow.
                    """
                ),
            },
        ],
    },
    {
        "category": "sleep",
        "author": "tea_and_toast",
        "title": "Waking at 4am every morning",
        "started": (14, "05:10"),
        "body": _md(
            """
            For the last few weeks I've been waking at around 4am and not getting back to
            sleep. My mind starts going over things straight away, and by six I give up and
            get up feeling like I've been dragged through a hedge backwards.

            I've cut down on tea after lunch (a real sacrifice, as my username suggests).
            Anything else worth trying?
            """
        ),
        "replies": [
            {
                "author": "sam_walks",
                "after_hours": 1.5,
                "body": "Same here, usually about half four. You're not alone in the early club.",
            },
            {
                "author": "fern.w",
                "after_hours": 4,
                "body": _md(
                    """
                    Two things that helped me, both from the sleep guide here:

                    - **If I'm awake for more than 20 minutes or so, I get up** and do
                      something dull in dim light (folding washing, a boring book) until I
                      feel sleepy, then go back to bed. Lying there fighting it made it
                      worse.
                    - **Worry time in the early evening**: fifteen minutes writing down
                      what's on my mind, so there's less waiting for me at 4am.

                    It took a couple of weeks before I noticed a difference, so stick with
                    it if you try it.
                    """
                ),
            },
            {
                "author": "kim",
                "after_hours": 9,
                "body": _md(
                    """
                    Early waking is really common with low mood and anxiety, so you're
                    definitely not alone. [Looking after your
                    sleep](/resources/looking-after-your-sleep/) has a few more ideas
                    alongside fern.w's.

                    If it carries on or is really getting you down, it's worth mentioning
                    to your GP as well. It helps them get the full picture.
                    """
                ),
            },
        ],
    },
    {
        "category": "anxiety",
        "author": "quietotter",
        "title": "Job interview this week and my mind won't stop",
        "started": (12, "19:30"),
        "body": _md(
            """
            I've got an interview on Thursday for a job I really want, and my brain has
            decided to rehearse every way it could go wrong.

            What I keep thinking:

            - I'll go blank on the first question
            - they'll see I'm nervous and think I can't cope with the job
            - I've been out of work for eight months, so they'll assume something's wrong
              with me

            I know these are *thoughts*, not facts, but knowing that doesn't seem to turn
            the volume down. Has anything helped you before an interview?
            """
        ),
        "replies": [
            {
                "author": "robin",
                "after_hours": 1,
                "body": _md(
                    """
                    Oh, I feel this. A few things that helped me last time:

                    1. **Prepare three stories, not thirty answers.** A time something went
                       well, a time something went wrong and what you did about it, and why
                       you want this job. Most questions can be steered towards one of them.
                    2. **Write down your first sentence** for "tell us about yourself", so
                       the first thirty seconds are on autopilot.
                    3. **It's fine to pause.** "Good question, let me think for a moment"
                       sounds thoughtful, not panicky.

                    And for what it's worth, interviewers expect nerves. Usually it just
                    reads as someone who cares.
                    """
                ),
            },
            {
                "author": "tea_and_toast",
                "after_hours": 2.5,
                "body": _md(
                    """
                    robin's list is excellent. One thing to add from my teaching days, when
                    I sat on a lot of interview panels: we never once marked anyone down
                    for being nervous. We were rooting for people.

                    When my thoughts run away with me, I ask myself *what would I say to a
                    friend who told me this?* I'd never tell a friend that eight months out
                    of work means something's wrong with them. I'd say it's ordinary, and
                    they can explain it in a sentence.
                    """
                ),
            },
            {
                "author": "sam_walks",
                "after_hours": 5,
                "body": _md(
                    """
                    Slow breathing in the loo beforehand helps me: in for four, out for six
                    or seven, a few rounds. Making the out-breath longer seems to tell my
                    body it can stand down a bit.

                    Good luck on Thursday. Let us know how it goes?
                    """
                ),
            },
            {
                "author": "quietotter",
                "after_hours": 22,
                "body": _md(
                    """
                    Thank you, all of you. I've written my three stories on an index card
                    and I'm practising my first sentence out loud in the mirror.
                    tea_and_toast, knowing that panels are rooting for people helps a lot.
                    """
                ),
            },
        ],
    },
    {
        "category": "sleep",
        "author": "robin",
        "title": "Does anyone else use a 'worry time'?",
        "started": (10, "21:35"),
        "body": _md(
            """
            Inspired by the 4am thread, I've been trying worry time for about a week. Half
            six every evening, fifteen minutes, a notebook, and I write down everything I'm
            worrying about. If a worry pops up at another time, I jot down one word and
            tell myself I'll deal with it at half six.

            Honest report: it felt daft at first. But I've noticed that by the time half six
            comes round, some of the worries don't seem worth writing down any more. Sleep
            is a little better too.

            Does anyone else do this? Any tips for sticking with it?
            """
        ),
        "replies": [
            {
                "author": "quietotter",
                "after_hours": 1.5,
                "body": _md(
                    """
                    I do! What made it stick for me was splitting the page into two
                    columns: *things I can do something about* and *things I can't*. For
                    the first column I write one next step. The second column I just let
                    sit on the page.
                    """
                ),
            },
            {
                "author": "northern_sky",
                "after_hours": 3,
                "body": "Doing it in the same place every day helped me. I use the kitchen "
                "table, never in bed, so bed stays for sleeping.",
            },
        ],
    },
    {
        "category": "wins-and-progress",
        "author": "quietotter",
        "title": "I went to the interview (and I'm proud of myself)",
        "edit_note": "they rang this morning and offered me the job. Thank you all so much.",
        "started": (9, "17:20"),
        "body": _md(
            """
            Update from my interview thread: I went!

            I didn't sleep brilliantly and my hands were shaking when I walked in. But I
            did the slow breathing in the loo, my first sentence came out more or less as
            planned, and when I went blank on one question I said "let me think about that
            for a moment", and it was *fine*. Nobody looked at me strangely.

            I don't know yet whether I've got it. But a year ago I'd have cancelled the
            night before, so whatever happens, I'm counting this one.

            Thank you to everyone who replied. I read your posts on the bus on the way
            there.
            """
        ),
        "replies": [
            {
                "author": "robin",
                "after_hours": 0.5,
                "body": "This is brilliant news. Going when every part of you wants to run "
                "is the hard bit, and you did it. Really pleased for you.",
            },
            {
                "author": "tea_and_toast",
                "after_hours": 1.5,
                "body": "Well done! That's not a small win, that's a big one. Whatever they "
                "decide, you've shown yourself you can do it.",
            },
            {
                "author": "kim",
                "after_hours": 4,
                "body": _md(
                    """
                    Congratulations, quietotter. It's lovely to see a thread go from
                    worries to a win like this, and thank you for coming back to tell
                    everyone. It will encourage people who are facing something similar.
                    """
                ),
            },
            {
                "author": "sam_walks",
                "after_hours": 7,
                "body": "Brilliant. Fingers crossed for you.",
            },
            {
                "author": "quietotter",
                "after_hours": 70,
                "body": _md(
                    """
                    Small update: they've invited me back for a second interview! Same
                    plan as before: three stories, slow breathing, and a pause whenever I
                    need one.
                    """
                ),
            },
        ],
    },
    {
        "category": "cbt-skills-practice",
        "author": "maple_and_moss",
        "title": "My first go at a thought record (feedback welcome)",
        "started": (8, "14:00"),
        "body": _md(
            """
            I've been putting off the thought record in my workbook, so here's my first
            real attempt. Feedback welcome, but please be gentle!

            **Situation:** I messaged two colleagues to ask if they wanted to get lunch.
            Neither replied for three hours.

            **Feelings:** embarrassed (80%), low (70%)

            **Automatic thought:** *They don't like me and they're working out how to say
            no.* (How much I believed it: 85%)

            **Evidence for:** They didn't reply straight away. I'm new, and they've known
            each other for years.

            **Evidence against:** It was a busy day with a big deadline. One of them asked
            how my weekend was on Monday. Neither of them has ever been unfriendly.

            **Balanced thought:** *They were probably busy. Not replying straight away
            doesn't mean they don't like me.* (How much I believe it: 60%)

            **Feelings now:** embarrassed (40%), low (50%)

            (One of them did reply in the end. She'd been in meetings all afternoon and
            suggested Friday.)
            """
        ),
        "replies": [
            {
                "author": "fern.w",
                "after_hours": 1,
                "body": _md(
                    """
                    This is a really good thought record! You've done the hardest part,
                    which is catching the thought and writing it down word for word.

                    One idea: your evidence against is great, and you could also ask
                    *what would I say to a friend in this situation?* That question often
                    unlocks a kinder balanced thought. And 85% down to 60% is a real
                    shift. It doesn't need to reach zero.
                    """
                ),
            },
            {
                "author": "robin",
                "after_hours": 3,
                "body": _md(
                    """
                    I'd have had exactly the same thought. Seeing it laid out like this
                    makes me want to try one myself.

                    Also: lunch on Friday!
                    """
                ),
            },
            {
                "author": "kim",
                "after_hours": 20,
                "body": _md(
                    """
                    Lovely work, maple_and_moss, and thank you for sharing it. Real
                    examples help members who feel nervous about trying one. If you'd like
                    to put a name to the pattern next time, there's a guide to
                    [common thinking traps](/resources/common-thinking-traps/) in the
                    resources.
                    """
                ),
            },
        ],
    },
    {
        "category": "cbt-skills-practice",
        "author": "northern_sky",
        "title": "Thinking traps I caught this week",
        "started": (6, "18:45"),
        "body": _md(
            """
            After maple_and_moss's thought record I've been trying to notice my thinking
            traps as they happen. This week's collection:

            - **Mind reading**: "My manager's email was short, so she must be annoyed with
              me." (She was typing on her phone on a train.)
            - **Catastrophising**: a headache became something terrible in about four
              minutes.
            - **Discounting the positive**: someone thanked me for my help and I thought
              "they're just being polite".

            Naming them doesn't make them disappear, but it does make them feel a bit less
            like the truth. Anyone want to add theirs?
            """
        ),
        "replies": [
            {
                "author": "quietotter",
                "after_hours": 2,
                "body": _md(
                    """
                    **Fortune telling** is my big one: "the interview will go badly"
                    before it has even happened. I've started adding *or it might not* to
                    the end of those thoughts. It sounds simple, but it helps.
                    """
                ),
            },
            {
                "author": "sam_walks",
                "after_hours": 6,
                "body": _md(
                    """
                    **"Should" statements** for me. "I should be over this by now." "I
                    should be able to cope with a weekend on my own." I'm trying to swap
                    them for *it would be nice if*, which feels much less like a telling-off.
                    """
                ),
            },
        ],
    },
    {
        "category": "low-mood",
        "author": "sam_walks",
        "title": "Missing my old dog, Biscuit",
        "started": (5, "20:10"),
        "content_warning": "loss",
        "body": _md(
            """
            Biscuit, my old Labrador, died last month. She was fourteen, and the vet said
            she wasn't in pain at the end, which I'm grateful for.

            It's the mornings that get me. For years I walked her at seven every day,
            whatever the weather, and I think those walks kept me going more than I
            realised. Now I wake up and the house is so quiet.

            I know some people would say she was "just a dog". She wasn't, to me. I don't
            really need advice. I think I just wanted to say her name somewhere.
            """
        ),
        "replies": [
            {
                "author": "tea_and_toast",
                "after_hours": 1,
                "body": _md(
                    """
                    Biscuit. What a lovely name. I'm so sorry, sam_walks.

                    She wasn't "just" anything. Fourteen years of morning walks is fourteen
                    years of companionship, and it makes complete sense that the quiet
                    feels so loud now. Thank you for telling us about her.
                    """
                ),
            },
            {
                "author": "fern.w",
                "after_hours": 3,
                "body": _md(
                    """
                    I'm so sorry. Grief for a pet is real grief. When I lost my cat, keeping
                    a small part of the old routine helped me: I still went out at the same
                    time, just for a shorter walk, and thought about her while I went. Be
                    gentle with yourself.
                    """
                ),
            },
            {
                "author": "northern_sky",
                "after_hours": 11,
                "body": "Sending you a lot of warmth. It sounds like she had a long, "
                "well-loved life with you.",
            },
        ],
    },
    {
        "category": "wins-and-progress",
        "author": "maple_and_moss",
        "title": "Small win: I registered with a GP and booked an appointment",
        "started": (2, "11:40"),
        "body": _md(
            """
            Since moving I've been putting off registering with a GP here, partly because
            the thought of ringing up and explaining how I feel made my stomach turn.

            This morning I filled in the form online, then rang to book an appointment to
            talk about my mood. I nearly hung up while I was in the queue, but I stayed
            on. The appointment is next week.
            """
        ),
        "replies": [
            {
                "author": "fern.w",
                "after_hours": 1,
                "body": "That's a big one, well done! Staying in a phone queue when your "
                "stomach is churning takes real determination.",
            },
            {
                "author": "northern_sky",
                "after_hours": 2.5,
                "body": "Phone queues are the worst. So pleased you stayed on. Fingers "
                "crossed the appointment goes well.",
            },
            {
                "author": "kim",
                "after_hours": 5,
                "body": _md(
                    """
                    Well done, maple_and_moss. It can help to jot a few notes before the
                    appointment, as it's easy to go blank in the room:

                    - how long you've been feeling like this
                    - how it affects your sleep, eating, work and time with other people
                    - what you'd like help with

                    Let us know how you get on, if you'd like to.
                    """
                ),
            },
        ],
    },
]

RESOURCE_CATEGORIES = [
    {
        "slug": "understanding-anxiety",
        "name": "Understanding anxiety",
        "description": "What anxiety is, why it feels the way it does, and everyday ways to "
        "turn the volume down.",
        "order": 1,
    },
    {
        "slug": "low-mood",
        "name": "Low mood",
        "description": "Ways to get going again when everything feels like an effort.",
        "order": 2,
    },
    {
        "slug": "sleep",
        "name": "Sleep",
        "description": "Practical ideas for settling your mind and body at night.",
        "order": 3,
    },
    {
        "slug": "thinking-traps",
        "name": "Thinking traps",
        "description": "Spotting unhelpful patterns in our thinking, and finding more "
        "balanced ways of looking at things.",
        "order": 4,
    },
    {
        "slug": "staying-well",
        "name": "Staying well",
        "description": "Keeping hold of what helped, and a plan for the harder weeks that "
        "come to most of us now and then.",
        "order": 5,
    },
]

# Topics cut across categories: (slug, name).
RESOURCE_TOPICS = [
    ("worry", "Worry"),
    ("panic", "Panic and physical anxiety"),
    ("health-anxiety", "Health anxiety"),
    ("avoidance", "Avoidance"),
    ("motivation", "Motivation"),
    ("self-criticism", "Self-criticism"),
    ("sleep", "Sleep"),
    ("unhelpful-thoughts", "Unhelpful thoughts"),
    ("problem-solving", "Problem solving"),
    ("setbacks", "Setbacks"),
]

# NHS pages members can read next.
_NHS_ANXIETY = (
    "Anxiety (Every Mind Matters)",
    "https://www.nhs.uk/every-mind-matters/mental-health-issues/anxiety/",
    "The NHS's self-help pages on anxiety, with a short video and tips.",
)
_NHS_GAD = (
    "Generalised anxiety disorder in adults (NHS)",
    "https://www.nhs.uk/mental-health/conditions/generalised-anxiety-disorder/overview/",
    "Symptoms, treatments and when to see a GP.",
)
_NHS_WORRIES = (
    "Tackling your worries (Every Mind Matters)",
    "https://www.nhs.uk/every-mind-matters/mental-wellbeing-tips/self-help-cbt-techniques/tackling-your-worries/",
    "An NHS guide to sorting worries you can act on from those you can't.",
)
_NHS_LOW_MOOD = (
    "Low mood, sadness and depression (NHS)",
    "https://www.nhs.uk/mental-health/feelings-symptoms-behaviours/feelings-and-symptoms/low-mood-sadness-depression/",
    "The difference between low mood and depression, and where to get help.",
)
_NHS_SLEEP = (
    "Insomnia (NHS)",
    "https://www.nhs.uk/conditions/insomnia/",
    "Causes of poor sleep, what you can do yourself and when to see a GP.",
)
_NHS_REFRAMING = (
    "Reframing unhelpful thoughts (Every Mind Matters)",
    "https://www.nhs.uk/every-mind-matters/mental-wellbeing-tips/self-help-cbt-techniques/reframing-unhelpful-thoughts/",
    "The NHS's short guide to catching and questioning unhelpful thoughts.",
)
_NHS_PHOBIAS = (
    "Phobias (NHS)",
    "https://www.nhs.uk/mental-health/conditions/phobias/overview/",
    "How phobias develop and how they are treated.",
)
_NHS_TALKING_THERAPIES = (
    "Find an NHS Talking Therapies service",
    "https://www.nhs.uk/service-search/mental-health/find-an-nhs-talking-therapies-service/",
    "Free CBT and other talking therapies in England; you can refer yourself.",
)
_CITIZENS_ADVICE = (
    "Citizens Advice",
    "https://www.citizensadvice.org.uk/",
    "Free, confidential advice on money, work, housing and more.",
)

_MORE_HELP = _md(
    """
    ## When to get more help

    This guide is self-help information, not treatment, and it can't replace advice from
    a professional who knows you. If you've felt this way for more than a couple of
    weeks, or it's getting in the way of daily life, please talk to your GP. In England
    you can also refer yourself to NHS Talking Therapies, which is free.

    If you are in crisis or worried about your safety:

    - call **Samaritans** on 116 123 (free, any time)
    - call **NHS 111** and choose option 2 (England)
    - text **SHOUT** to 85258
    - call **999** or go to A&E if a life is at risk
    """
)


def _resource_body(text: str) -> str:
    # The resource page itself opens with a self-help-not-treatment notice; the guide ends
    # with where to get more help.
    return f"{_md(text)}\n\n{_MORE_HELP}"


RESOURCES = [
    {
        "category": "understanding-anxiety",
        "slug": "what-anxiety-is",
        "title": "What anxiety is, and why it feels so physical",
        "topics": ["panic", "health-anxiety", "avoidance"],
        "links": [_NHS_ANXIETY, _NHS_GAD],
        "summary": "Why a racing heart, a churning stomach and racing thoughts are your "
        "body's alarm system at work, and how avoidance and reassurance can keep the "
        "alarm ringing.",
        "order": 1,
        "body": _resource_body(
            """
            Anxiety is something everyone feels. It's the body's alarm system, and it
            exists to keep us safe: when we sense a threat, the body gets ready to act.
            The trouble starts when the alarm goes off too often, too loudly, or when
            there's no real danger.

            ## What happens in your body

            When the alarm goes off, your body prepares to deal with danger (sometimes
            called *fight, flight or freeze*). You might notice:

            - a racing or pounding heart
            - fast, shallow breathing, or feeling you can't get enough air
            - tense muscles, shaking or feeling jittery
            - a churning stomach, or needing the loo
            - feeling hot, sweaty or light-headed

            These feelings are very unpleasant, but they are your body doing its job. On
            their own they are not dangerous, and they pass.

            ## What happens in your mind

            Anxiety also changes how we think. It makes us scan for danger and expect the
            worst: *what if I go blank? What if this headache is something serious?* The
            more we focus on a worry, the bigger and more likely it can feel.

            ## Why anxiety can keep going

            When we feel anxious, it's natural to do things that bring quick relief:

            - **avoiding** the situation, or leaving early
            - **checking**, such as looking up symptoms online
            - **seeking reassurance** from other people, again and again

            These help in the moment, which is why we keep doing them. But they also
            teach the brain that the situation really was dangerous and that we only got
            through it because we avoided or checked. Next time, the alarm rings louder.

            ## Small things that can help

            - **Slow your breathing.** Breathe in gently for about four counts and out
              for six or seven. A longer out-breath tells your body it can stand down.
            - **Name it.** Saying "this is anxiety, and it will pass" can take away some
              of its power.
            - **Take small steps towards, not away.** Facing a situation a little at a
              time, and staying until the anxiety starts to settle, shows your brain it
              can cope.
            - **Delay the check.** When you feel the urge to check or ask for
              reassurance, wait a set time first. The urge often fades on its own.
            - **Look after the basics.** Regular meals, movement, less caffeine and a
              steady sleep routine all lower the background level of anxiety.
            """
        ),
    },
    {
        "category": "understanding-anxiety",
        "slug": "worry-time",
        "title": "Worry time: giving your worries an appointment",
        "topics": ["worry", "sleep"],
        "links": [_NHS_WORRIES],
        "worksheets": [
            {
                "file": "worry-time-log",
                "title": "Worry time log",
                "description": "Jot worries down in the day; sort them at worry time.",
                "intro": "During the day, write each worry down in a few words and postpone "
                "it. At worry time, cross off the ones that no longer matter, then sort the "
                "rest into those you can act on and those you can't.",
                "boxes": [
                    "Worries postponed today (a few words each)",
                    "Worries I can do something about: my next small step, and when",
                    "Worries I can't control: noticed, written down, and left on the page",
                    "How did worry time go? What did I notice about my worries?",
                ],
            }
        ],
        "summary": "A simple CBT technique for when worries follow you around all day: "
        "set aside fifteen minutes to worry on purpose, and postpone the rest until then.",
        "order": 2,
        "body": _resource_body(
            """
            If worries pop up all day long, or crowd in as soon as you switch off the
            light, *worry time* can help. The idea is not to stop worrying altogether,
            but to choose **when** you do it.

            ## How to try it

            1. **Pick a time and a place.** About fifteen minutes, at the same time each
               day. Early evening works well for many people. Avoid bedtime, and avoid
               doing it in bed.
            2. **Postpone worries during the day.** When a worry turns up, jot down a
               word or two to remind you, and tell yourself: *I'll think about this at
               worry time.* Then bring your attention back to what you were doing.
            3. **Use your worry time.** Look at your list. Some worries may not seem
               important any more, and you can cross those off. For the rest, sort them
               into two groups.
            4. **Finish on time.** When the fifteen minutes are up, stop, even if you
               haven't got through everything. There's always tomorrow's slot.

            ## Two kinds of worry

            - **Worries you can do something about** (a bill to pay, an email to send).
              Write down one small, practical next step and when you'll do it.
            - **Worries you can't control** (what someone thinks of you, something that
              might happen years from now). Notice them, write them down, and practise
              letting them sit on the page rather than solving them in your head.

            ## Getting the most from it

            - It often feels odd or even pointless at first. Give it two weeks.
            - You won't manage to postpone every worry, and that's fine. Each time you
              do is practice.
            - Many people notice that worries feel smaller by the time worry time comes
              round. That's a useful thing to learn about worry.
            """
        ),
    },
    {
        "category": "low-mood",
        "slug": "behavioural-activation",
        "title": "Behavioural activation: doing a little more of what matters",
        "topics": ["motivation"],
        "links": [_NHS_LOW_MOOD, _NHS_TALKING_THERAPIES],
        "worksheets": [
            {
                "file": "activity-planner",
                "title": "Activity planner",
                "description": "Plan a few small activities for the week and rate your mood.",
                "intro": "Choose a balance of routine, necessary and enjoyable activities. "
                "Keep each one small and write down when you will do it. Afterwards, rate "
                "your mood from 0 to 10 and what you got from it.",
                "boxes": [
                    "Routine activities (e.g. shower, cook a simple meal, laundry)",
                    "Necessary activities (e.g. pay a bill, make a phone call)",
                    "Enjoyable or meaningful activities (e.g. a short walk, call a friend)",
                    "My plan: day, time and activity",
                    "How it went: mood before and after (0-10), and what I noticed",
                ],
            }
        ],
        "summary": "When you feel low it's natural to do less, but doing less tends to "
        "make mood lower still. Behavioural activation is a step-by-step way to break "
        "that cycle, starting very small.",
        "order": 1,
        "featured": True,
        "body": _resource_body(
            """
            When we feel low, we tend to stop doing things: seeing friends, hobbies,
            even everyday jobs. It makes sense, because everything takes more energy.
            But doing less usually means fewer moments of enjoyment or achievement, and
            more time alone with our thoughts, so mood drops further. It becomes a
            cycle.

            *Behavioural activation* is one of the best-studied parts of CBT for low mood.
            The idea is simple: **don't wait to feel like it. Do a small thing first, and
            the motivation often follows.**

            ## Step 1: notice what you're doing now

            For a few days, jot down roughly what you do each hour and rate your mood
            from 0 to 10. You're not judging yourself; you're gathering information.
            Many people find their mood lifts a little during certain activities, even
            if only briefly.

            ## Step 2: make a list of activities

            Think about three kinds:

            - **Routine**: everyday things such as showering, cooking or laundry
            - **Necessary**: things that cause worry if left, such as paying a bill or
              making a phone call
            - **Pleasurable or meaningful**: things you enjoy, or that matter to you,
              such as a walk, music, or messaging a friend

            A balance of all three works best.

            ## Step 3: start small and plan ahead

            - Choose one or two activities and **break them down** until they feel
              manageable. "Go for a run" might become "put my trainers on and walk to
              the end of the road".
            - **Plan when** you'll do them, and write it down. A plan does the deciding
              for you when motivation is low.
            - Afterwards, notice how you feel, even if the change is small.

            ## Step 4: build up gradually

            As things become easier, add a little more. Expect ups and downs: a missed
            day isn't a failure, just information. Pick it up again tomorrow.

            ## Tips

            - Be kind about what counts. On a hard day, opening the curtains is an
              achievement.
            - Connecting with other people, even briefly, often helps mood more than we
              expect.
            - The forum's *Low mood* board has a tiny steps thread, if you'd like some
              company.
            """
        ),
    },
    {
        "category": "sleep",
        "slug": "looking-after-your-sleep",
        "title": "Looking after your sleep",
        "topics": ["sleep", "worry"],
        "links": [_NHS_SLEEP],
        "summary": "Practical ways to help your body and mind settle at night, and what to "
        "do when you can't get to sleep or wake too early.",
        "order": 1,
        "body": _resource_body(
            """
            Anxiety and low mood often disturb sleep, and poor sleep can make both feel
            worse. The good news is that a few steady habits can help, even if it takes a
            couple of weeks to notice a difference.

            ## Keep a regular rhythm

            - **Get up at the same time every day**, including weekends, even after a
              bad night. This is one of the most helpful things you can do.
            - Go to bed when you feel sleepy, rather than at a fixed early time.
            - Try not to nap in the day, or keep naps short and before mid-afternoon.

            ## Wind down in the evening

            - Give yourself half an hour or so of calm before bed: a bath, a book, gentle
              music.
            - Dim the lights and put screens away where you can.
            - If worries tend to crowd in at night, try [worry time](/resources/worry-time/)
              in the early evening.

            ## Look after the basics

            - Cut down on caffeine (tea, coffee, cola, energy drinks) after lunchtime.
            - Alcohol may help you drop off, but it makes sleep lighter and more broken.
            - Daylight in the morning and some movement during the day both help your
              body clock.
            - Keep your bedroom cool, dark and quiet if you can.

            ## When you can't sleep

            - If you've been lying awake for what feels like about 20 minutes, **get
              up**. Go to another room and do something quiet and dull in dim light, then
              go back to bed when you feel sleepy. This teaches your brain that bed is for
              sleeping, not for worrying.
            - Try not to keep checking the clock.
            - Remind yourself that one poor night is unpleasant but manageable. Worrying
              about not sleeping tends to keep us awake.

            ## Waking too early

            Waking in the early hours and not getting back to sleep is common with low
            mood. The same ideas apply: get up if you've been lying awake a while, and
            keep your getting-up time steady. If early waking carries on, mention it to
            your GP.
            """
        ),
    },
    {
        "category": "thinking-traps",
        "slug": "common-thinking-traps",
        "title": "Common thinking traps",
        "topics": ["unhelpful-thoughts", "self-criticism"],
        "links": [_NHS_REFRAMING],
        "summary": "Everyone falls into unhelpful thinking patterns, especially when "
        "anxious or low. Learning to recognise the common ones is the first step to "
        "looking at things in a more balanced way.",
        "order": 1,
        "body": _resource_body(
            """
            When we're anxious or low, our thoughts can become more negative and less
            accurate, without us noticing. CBT calls these patterns *thinking traps* (or
            unhelpful thinking styles). Everyone has them. Learning to spot them can make
            a thought feel less like a fact.

            ## Some common traps

            - **Mind reading**: assuming you know what others are thinking. *"She didn't
              smile, she must be annoyed with me."*
            - **Fortune telling**: predicting that things will go badly. *"I'll make a
              fool of myself."*
            - **Catastrophising**: jumping to the worst possible outcome. *"This headache
              must be something serious."*
            - **All-or-nothing thinking**: seeing things as total success or total
              failure. *"I didn't finish everything, so the day was a waste."*
            - **Overgeneralising**: one event becomes a rule. *"This always happens to
              me."*
            - **Mental filter**: noticing only the negatives and ignoring the rest.
            - **Discounting the positive**: *"They only said that to be nice."*
            - **"Should" and "must" statements**: harsh rules for yourself. *"I should be
              coping better by now."*
            - **Labelling**: *"I'm useless"* instead of *"I found that hard"*.
            - **Emotional reasoning**: *"I feel anxious, so something must be wrong."*

            ## What to do when you spot one

            1. **Notice and name it.** "That's mind reading again."
            2. **Ask some questions.** What's the evidence for and against this thought?
               Is there another way of looking at it? What would I say to a friend who
               thought this?
            3. **Look for a more balanced thought.** Not forced positivity, just
               something fairer and closer to all the facts.

            If you'd like to go further, a [thought record](/resources/thought-records/)
            walks you through these steps on paper.
            """
        ),
    },
    {
        "category": "thinking-traps",
        "slug": "thought-records",
        "title": "How to use a thought record",
        "featured": True,
        "topics": ["unhelpful-thoughts"],
        "links": [_NHS_REFRAMING, _NHS_TALKING_THERAPIES],
        "worksheets": [
            {
                "file": "thought-record",
                "title": "Thought record worksheet",
                "description": "The seven steps on one page, to print and fill in.",
                "intro": "Fill this in soon after a strong change in how you feel. Stick to "
                "the facts in the first and evidence boxes. Aim for a balanced thought, "
                "not a positive one.",
                "boxes": [
                    "1. Situation: where was I, what was happening, who was there?",
                    "2. Feelings, each rated 0-100%",
                    "3. Automatic thoughts (circle the 'hot' one) and how much I believe it",
                    "4. Evidence for the hot thought (facts only)",
                    "5. Evidence against the hot thought",
                    "6. Balanced thought, and how much I believe it (0-100%)",
                    "7. Feelings now, re-rated 0-100%",
                ],
            }
        ],
        "summary": "A step-by-step guide to one of the core CBT tools: writing down a "
        "difficult moment, the thoughts that came with it, and a more balanced way of "
        "seeing it.",
        "order": 2,
        "body": _resource_body(
            """
            A thought record is a way of slowing down a difficult moment on paper, so you
            can look at your thoughts rather than just through them. It takes practice,
            and your first few will probably feel clumsy. That's normal.

            ## When to use one

            Fill one in when you notice a strong change in how you feel: a wave of
            anxiety, a sudden drop in mood, embarrassment or anger. It's best to do it
            soon afterwards, while you can still remember your thoughts.

            ## The steps

            1. **Situation.** Where were you, what was happening, who was there? Stick to
               the facts, like a camera would record them.
            2. **Feelings.** Name each feeling and rate how strong it was from 0 to 100%.
            3. **Automatic thoughts.** What went through your mind? Write the thoughts
               down word for word, and circle the one that upset you most (the "hot"
               thought). Rate how much you believed it.
            4. **Evidence for the hot thought.** Facts only, not feelings or guesses.
            5. **Evidence against it.** What doesn't fit? Has it happened differently
               before? What would a friend point out?
            6. **Balanced thought.** Using both columns of evidence, write a fairer way
               of seeing things. Rate how much you believe it.
            7. **Feelings now.** Re-rate your feelings. Even a small drop counts.

            ## A short example

            > **Situation:** Sent a message to a friend. No reply after a day.
            >
            > **Hot thought:** *"She's fed up with me."* (80%)
            >
            > **Balanced thought:** *"She's often slow to reply when work is busy, and she
            > invited me round last week."* (65%)

            ## Tips

            - Aim for *balanced*, not *positive*. The goal is a thought that fits the
              facts.
            - The belief ratings rarely drop to zero, and they don't need to.
            - It gets quicker with practice. In time you may start doing it in your head.
            - The forum's *CBT skills practice* board is a friendly place to share one
              for feedback, if you'd like to.
            """
        ),
    },
    {
        "category": "understanding-anxiety",
        "slug": "facing-fears",
        "title": "Facing fears a step at a time",
        "summary": "Avoiding what makes us anxious brings quick relief but keeps the fear "
        "going. A fear ladder helps you face things gradually, at a pace you choose.",
        "order": 3,
        "topics": ["avoidance", "panic"],
        "links": [_NHS_PHOBIAS, _NHS_TALKING_THERAPIES],
        "worksheets": [
            {
                "file": "fear-ladder",
                "title": "Fear ladder",
                "description": "Plan your steps and keep a record of each practice.",
                "intro": "Write your goal, then the steps towards it, easiest first, with "
                "how anxious each would make you (0-10). Start around 3 or 4, stay with "
                "each step until your anxiety settles, and repeat it before moving up.",
                "boxes": [
                    "My goal: what anxiety is stopping me doing that matters to me",
                    "My ladder: steps from easiest to hardest, each with a rating (0-10)",
                    "Practice log: date, step, anxiety at the start and at the end",
                    "What I expected to happen, what actually happened, what I learnt",
                ],
            }
        ],
        "body": _resource_body(
            """
            Avoidance is one of the most natural responses to anxiety, and one of the main
            things that keeps it going. Each time we avoid something we feel relief, and
            our brain learns that the situation must have been dangerous. Over time, the
            list of things we avoid can quietly grow.

            CBT uses *graded exposure*: facing a feared situation in small, planned steps,
            staying long enough to learn that you can cope, and repeating it until it gets
            easier.

            ## Step 1: choose a goal

            Pick something anxiety is stopping you from doing that matters to you. Make it
            specific: "take the bus into town on my own" is easier to plan for than "stop
            being anxious about going out".

            ## Step 2: build a fear ladder

            List smaller steps towards your goal and rate how anxious each would make you,
            from 0 (not at all) to 10 (the most anxious you can imagine). Put them in order
            with the easiest at the bottom. For the bus goal, a ladder might look like this:

            | Step | Anxiety (0 to 10) |
            | --- | :---: |
            | Look up the bus times and walk to the stop | 2 |
            | Ride one stop with a friend | 4 |
            | Ride one stop on my own, at a quiet time | 5 |
            | Ride into town with a friend at a busy time | 7 |
            | Ride into town on my own at a busy time | 9 |

            ## Step 3: start near the bottom

            Begin with a step that feels challenging but manageable, around 3 or 4.

            - **Stay with it.** Anxiety usually rises, peaks and then settles if you stay.
              Leaving at the peak teaches your brain that escaping was what kept you safe.
            - **Drop the safety behaviours** when you can: gripping your phone, avoiding
              eye contact, keeping an escape route in view. They feel protective, but they
              stop you learning that you coped on your own.
            - **Repeat the step** several times, close together if you can, until your
              anxiety is noticeably lower. Then move up a rung.

            ## Step 4: notice what you learnt

            After each practice, jot down what you expected to happen, what actually
            happened, and how anxious you felt at the start and at the end. Over time this
            becomes your own evidence against the fear.

            ## Tips

            - Expect some anxiety. It's a sign that you're practising, not that it's going
              wrong.
            - Go at your own pace, but keep moving. If a step feels too big, add a smaller
              one in between.
            - Be proud of every rung. Facing fears takes real courage.
            - If your fear is linked to a traumatic experience, or you've avoided something
              for a very long time, it's best to work on it with a therapist's support.
            """
        ),
    },
    {
        "category": "thinking-traps",
        "slug": "quietening-your-inner-critic",
        "title": "Quietening your inner critic",
        "summary": "Many of us speak to ourselves far more harshly than we would to anyone "
        "else. Noticing your inner critic and answering it more kindly can ease both "
        "anxiety and low mood.",
        "order": 3,
        "topics": ["self-criticism", "unhelpful-thoughts"],
        "links": [_NHS_REFRAMING],
        "body": _resource_body(
            """
            When we're anxious or low, the voice in our head can turn harsh: *you're
            useless, you always mess things up, everyone else copes better than you.* It
            can feel as if this criticism keeps us in line, but usually it does the
            opposite. Being criticised, even by ourselves, leaves us feeling threatened and
            ashamed, and less able to try again.

            Self-compassion isn't letting yourself off the hook or pretending everything is
            fine. It means treating yourself with the understanding you'd offer a good
            friend, especially when things go wrong.

            ## Notice the critic

            For a few days, listen out for self-critical thoughts. They often turn up after
            a mistake, when you compare yourself with others, or when you're tired. Write
            some down, word for word. Watch for "should" statements, labels (*I'm
            pathetic*) and all-or-nothing words such as *always* and *never*.

            ## Ask what you'd say to a friend

            When you catch a critical thought:

            1. Imagine a friend you care about is in exactly your situation, saying this
               about themselves.
            2. What would you say to them, and in what tone of voice?
            3. Now try saying something similar to yourself, in the same warm tone.

            > **The critic:** *"I didn't manage to go to the shop again. I'm so pathetic."*
            >
            > **A friend:** *"You're having a hard week and you're worn out. You did get up
            > and make lunch. Maybe try the shop tomorrow morning, when you've more energy."*

            ## Other things that can help

            - **Name it.** "There's my inner critic again" puts a little distance between
              you and the thought.
            - **Remember you're not alone.** Struggling is part of being human, not proof
              that something is wrong with you.
            - **Notice effort, not only results.** Trying something hard counts, whatever
              the outcome.
            - **Write yourself a kind letter** about something you're finding difficult, as
              if from someone who cares about you and understands why it's hard.

            This can feel awkward at first, especially if you're used to being hard on
            yourself. Like any skill, it gets easier with practice.
            """
        ),
    },
    {
        "category": "low-mood",
        "slug": "problem-solving",
        "title": "Problem solving: from stuck to a next step",
        "summary": "When problems pile up, everything can feel overwhelming. Structured "
        "problem solving breaks things down into one problem, a few options and a small, "
        "clear plan.",
        "order": 2,
        "topics": ["problem-solving", "worry", "motivation"],
        "links": [_NHS_WORRIES, _CITIZENS_ADVICE],
        "body": _resource_body(
            """
            Worry and low mood often come with a sense of being buried under problems:
            bills, work, relationships, things that need sorting. It's hard to know where
            to start, so we put things off, and the pile grows.

            Problem solving is a structured way of tackling **practical** problems, one at
            a time. It works best for things you can do something about. For worries about
            things outside your control, [worry time](/resources/worry-time/) may help
            more.

            ## The six steps

            1. **Pick one problem and describe it clearly.** "Everything's a mess" is too
               big to work on. "I haven't replied to the letter about my council tax" is
               something you can tackle.
            2. **List as many solutions as you can.** Don't judge them yet, and include
               unlikely ones: they sometimes lead to good ideas. What might a friend
               suggest?
            3. **Weigh up the options.** Note the main pros and cons of each. How likely is
               it to help? Is it realistic for you right now?
            4. **Choose one.** It doesn't have to be perfect, just good enough to try.
            5. **Make a plan.** Break it into small steps. What will you do first, and
               when? What might get in the way? Will you need a phone number, a document or
               someone's help?
            6. **Do it, then look back.** If it helped, well done. If not, that's useful to
               know: go back to your list and try another option.

            ## Tips

            - Start with a fairly small problem while you get used to the steps.
            - Write it down. Problems feel bigger when they live only in our heads.
            - Plan the first step for a time of day when you usually have more energy.
            - Asking for help is a solution in its own right. Citizens Advice, for example,
              can help with money, housing and work problems.
            """
        ),
    },
    {
        "category": "staying-well",
        "slug": "staying-well-plan",
        "title": "Your staying-well plan",
        "summary": "Feeling better is a good time to plan how to stay well. A staying-well "
        "plan brings together what helped, your early warning signs and what to do if "
        "things start to slip.",
        "order": 1,
        "featured": True,
        "topics": ["setbacks"],
        "links": [_NHS_TALKING_THERAPIES],
        "worksheets": [
            {
                "file": "staying-well-plan",
                "title": "Staying-well plan",
                "description": "Your plan on one page, to keep somewhere easy to find.",
                "intro": "Fill this in while you are feeling fairly well. Keep it somewhere "
                "you will find it, and think about sharing it with someone you trust.",
                "boxes": [
                    "What has helped me (skills, routines, people)",
                    "My early warning signs (thoughts, feelings, body, behaviour)",
                    "Situations that make a setback more likely for me",
                    "What I will do if I notice the signs",
                    "Who I can contact (names and numbers), including my GP surgery",
                ],
            }
        ],
        "body": _resource_body(
            """
            Ups and downs are a normal part of recovery. Most people who have felt better
            have setbacks from time to time: a stressful month, a loss, a change in
            routine. A setback doesn't put you back at the start. You know much more now
            than you did, and a plan helps you use it quickly.

            The best time to write a staying-well plan is when you're feeling fairly well
            and can think clearly. Keep it somewhere easy to find, and think about sharing
            it with someone you trust.

            ## 1. What has helped me

            Look back at what made a difference. It might be CBT skills (thought records,
            worry time, planning activities), routines (a steady bedtime, walks, regular
            meals) or people (a friend you can be honest with, this community). Write down
            the ones that helped most.

            ## 2. My early warning signs

            Setbacks often creep up. What did you notice last time, when things started to
            slide?

            - **Thoughts**: more self-criticism, more "what ifs", *what's the point?*
            - **Feelings**: irritable, tearful, on edge, flat
            - **Body**: sleeping much more or less, eating differently, tense or tired
            - **Behaviour**: cancelling plans, avoiding things, staying in bed, drinking
              more

            It can help to ask someone close to you what they notice. They sometimes spot
            changes before we do.

            ## 3. Situations that raise the risk

            Some times make a setback more likely: anniversaries, busy periods at work,
            the winter months, money worries, being physically unwell. Knowing yours means
            you can plan a little extra support in advance.

            ## 4. What I'll do if I notice the signs

            Keep it short and practical, for example:

            - pick one skill that helped before, and start it again today
            - keep to my routine, especially getting up at the same time
            - tell someone I trust how I'm feeling
            - post in the forums, even just to say it's a hard week
            - book a GP appointment if things haven't improved in two weeks, or sooner if
              I'm worried

            ## 5. Who I can contact

            Write down names and numbers: a friend or relative, your GP surgery, NHS
            Talking Therapies if you've used them, and the
            [urgent help](/urgent-help/) services for any time you feel unsafe.
            """
        ),
    },
]
