"""Each kind's stored words as the code before alerts kept their figures wrote them."""

# Each kind's message and explanation as the code before figures were kept stored them for the
# clients of `every_kind` (read from a run of that code on the same seeded clients).
BEFORE = {
    "alliance-drop": (
        "The alliance fell from 8 to 5 since the last check-in.",
        "A drop of 1.3 or more is larger than measurement noise (provisional threshold). "
        "Check goals, tasks and bond.",
    ),
    "alliance-review": (
        "The alliance is 5, below 7.5 of 10.",
        "Most clients rate the alliance near the top, so a score below this line is worth a "
        "conversation about what could work better.",
    ),
    "checkins-missed": (
        "Missed 2 check-ins in a row",
        "The last check-in links sent expired unanswered. Ask the client in session how the "
        "check-in works for them (channel, timing, or the kiosk).",
    ),
    "not-on-track": (
        "Not on track: PHQ-9 24 at session 3, above the expected range 10.9 to 20.3.",
        "Clients of this clinic who started where this client did were expected to score about "
        "15.6 by now; most scored between 10.9 and 20.3. The range comes from the default "
        "curve: the clinic has too little history yet. Alliance at the latest check-in: goal 8 "
        "(own average 8.0), task 8 (own average 8.0), bond 8 (own average 8.0).",
    ),
    "risk-item-unanswered": (
        "The self-harm question (item 9) was left unanswered, so the total is prorated from the "
        "other 8 items: ask about it.",
        "Ask about it at the start of the next session.",
    ),
    "risk-self-harm": (
        "The client reported thoughts of self-harm (item 9 above 0).",
        "Patient Health Questionnaire, 9 items, item 9. Contact the client today and follow the "
        "clinic's risk procedure.",
    ),
    "rupture": (
        "Possible rupture. At session 5 the alliance was 1.3 points below the client's usual 8.0 "
        "of 10, mostly in the bond.",
        "Signs that raised it at session 5: the client said that something felt off; the "
        "alliance was 2.2 SD below the client's usual level; the bond fell 4.0 points further "
        "below goals and tasks than usual. Together with the alliance's own fall they came to "
        "6.3 SD. Found by the rules: the client said that something felt off; the scores alone "
        "pointed to a rupture: evidence of at least 4 SD. Usual level: the mean of the earlier "
        "check-ins, 8.0; 1 SD counts as 0.60 points. In the client's words: \"I did not feel "
        'heard today." In the client\'s words: about the task "Keep a sleep diary": "Writing '
        'it down every morning makes me anxious." Open the review for questions worth raising '
        "next session.",
    ),
    "rupture-reported": (
        "The client said something felt off between you.",
        "Ask about it at the start of the next session.",
    ),
    "task-disagreement": (
        'At session 1 the client agreed little with "Keep a sleep diary".',
        '"Keep a sleep diary": agreement 3 of 10, understanding 6 of 10. In their words: '
        '"Writing it down every morning makes me anxious." The line is 5 of 10 (clinic '
        "setting). Ask what would make the task fit better, explain again why it may help, or "
        "change it together.",
    ),
}
