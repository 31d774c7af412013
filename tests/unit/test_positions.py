"""Positions: beliefs, wishes, demands and stances given to a source (issue 27)."""

import re

import pandas as pd
import pytest

from actorlens.attribution.extract import SPEECH, find_attributions, voiced
from actorlens.core.parameters import SPEECH as SPEECH_VALUES
from actorlens.text.lexicon import LEXICON_FILE, LexiconError, read_lexicon


def _positions(text, mentions=(), persons=None):
    rows = find_attributions("d", text, [0], list(mentions), persons or {})
    return [(r["kind"], r["text"], r["cue"], r["speaker_text"]) for r in rows]


def test_a_mental_verb_with_a_clause_is_a_position():
    text = "Lord Fenwick believes the new tax is unfair to farmers."
    assert _positions(text) == [
        ("position", "the new tax is unfair to farmers", "believes", "Lord Fenwick")
    ]


def test_a_call_for_a_noun_phrase_is_a_position():
    text = "The Green Alliance has called for a ban on plastic bags, saying the sea suffers."
    kinds = _positions(text)
    assert ("position", "a ban on plastic bags", "called for", "The Green Alliance") in kinds


def test_criticised_for_is_reported_speech_not_a_position():
    text = "Mrs Hale criticised the council for closing the library."
    assert [k for k, *_ in _positions(text)] == ["reported"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Mrs Hale denounced the new ferry timetable.", ["position"]),
        ("Mrs Hale denounced the new ferry timetable as a disgrace.", ["reported"]),
    ],
)
def test_denounced_alone_is_a_position_and_denounced_as_is_speech(text, kinds):
    assert [k for k, *_ in _positions(text)] == kinds


def test_a_holderless_expectation_is_no_position():
    assert _positions("The vote is expected to pass easily next week.") == []


def test_in_someones_view_is_a_position():
    text = "In the mayor's view, the bridge should be rebuilt."
    assert _positions(text) == [
        ("position", "the bridge should be rebuilt", "In the mayor's view", "the mayor")
    ]


def test_the_speakers_own_nested_wish_is_part_of_the_speech():
    mentions = [(0, 10, "dale")]
    rows = _positions(
        "Oscar Dale said he wanted a quick end to the strike.", mentions, {"dale": "he"}
    )
    assert [k for k, *_ in rows] == ["reported"]


def test_a_quotation_with_no_cue_inside_a_position_is_part_of_it():
    """ "X thought it was a “grave mistake”, and that “...”": X's view, no quote of its own."""
    text = ("Anna Ross thought the fence was a “grave mistake”, and also that “it will not stop"
            " anyone from crossing the border”.")  # fmt: skip
    assert [(k, cue, who) for k, _, cue, who in _positions(text)] == [
        ("position", "thought", "Anna Ross")
    ]
    # a quotation with a cue of its own stays apart
    text = "Anna Ross hopes the quay reopens, Jo Berg told reporters: “It will open in May.”"
    assert [(k, who) for k, _, _, who in _positions(text)] == [
        ("position", "Anna Ross"),
        ("direct", "Jo Berg"),
    ]


def test_a_position_inside_a_quotation_is_not_added():
    text = "“We believe the plan will fail,” Anna Ross said."
    assert [k for k, *_ in _positions(text)] == ["direct"]


def test_the_speech_parameter_picks_positions_apart():
    assert SPEECH["positions"] == ("position",)
    assert "position" not in SPEECH["both"] and "position" in SPEECH["all"]
    assert set(SPEECH) == set(SPEECH_VALUES)
    rows = find_attributions("d", "Oscar Dale opposed the new bridge.", [0], [(0, 10, "dale")],
                             {"dale": "he"})  # fmt: skip
    table = pd.DataFrame(rows)
    assert voiced(table, "all")["kind"].tolist() == ["position"]
    assert voiced(table, "both").empty


def test_a_lexicon_without_a_position_list_names_the_section(tmp_path):
    text = LEXICON_FILE.read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yml"
    broken.write_text(text.replace("  views: [", "  sights: ["), encoding="utf-8")
    with pytest.raises(LexiconError, match="position_cues: expected a mapping"):
        read_lexicon(broken)


def test_a_progressive_stance_and_a_short_form_keep_their_holder():
    text = "The Farmers Union (FU) has been pushing for lower fuel duty."
    assert _positions(text) == [("position", "lower fuel duty", "pushing for", "The Farmers Union")]


def test_a_stance_predicate_with_a_clause_is_a_position():
    text = "The Harbour Board is certain the new pier will pay for itself."
    assert _positions(text)[0][:3] == ("position", "the new pier will pay for itself", "certain")


def test_a_bare_stance_verb_needs_a_plural_holder_or_a_modal():
    assert _positions("The dockers support the new pay offer.") == [
        ("position", "the new pay offer", "support", "The dockers")
    ]
    assert _positions("They would oppose any rise in fares.")[0][:3] == (
        "position", "any rise in fares", "oppose")  # fmt: skip
    assert _positions("Labour support for the levy has grown.") == []
    assert _positions("Mr Ode's press officer arrived.") == []


def test_coordinated_holders_and_a_holder_among_those_calling():
    text = "Mayor Ann Cole and Governor Tim Hale are pushing for a new stadium."
    assert _positions(text) == [  # one item per named holder (convention 8)
        ("position", "a new stadium", "pushing for", "Mayor Ann Cole"),
        ("position", "a new stadium", "pushing for", "Governor Tim Hale"),
    ]
    text = "Dr Ivo Brant is amongst those calling for a public inquiry."
    assert _positions(text) == [("position", "a public inquiry", "calling for", "Dr Ivo Brant")]


def test_a_lower_case_holder_noun_ends_the_holder_phrase():
    text = "The regional government hopes to cut waiting times."
    assert _positions(text) == [
        ("position", "to cut waiting times", "hopes", "The regional government")
    ]


def test_a_second_position_of_the_same_holder_ends_the_first():
    text = "The Harbour Trust believes the pier is safe, and is opposed to any new tolls."
    assert _positions(text) == [
        ("position", "the pier is safe", "believes", "The Harbour Trust"),
        ("position", "any new tolls", "opposed to", "The Harbour Trust"),
    ]
    text = "The Rail Board is anxious to act soon as it fears that fares will rise."
    assert [row[1] for row in _positions(text)] == ["to act soon", "fares will rise"]


def test_a_passive_stance_is_held_by_its_agent():
    text = "The new ferry timetable has been strongly criticised by island residents."
    assert _positions(text) == [
        ("position", "The new ferry timetable", "criticised", "island residents")
    ]
    assert _positions("The bid was backed by evidence from the survey.") == []
    text = "Mr Lee was praised by the union for his remarks."
    assert [k for k, *_ in _positions(text)] != ["position"]


def test_a_stance_whose_holder_follows_it():
    text = "The new museum has the full support of Mayor Ann Cole."
    assert _positions(text) == [
        ("position", "The new museum", "has the full support of", "Mayor Ann Cole")
    ]
    assert _positions("A new mayor must have the support of the council.") == []


def test_a_holder_opening_its_own_clause_keeps_its_position():
    mentions = [(0, 9, "vale")]
    text = "Rita Vale said the talks went well, and she welcomed the draft agreement."
    kinds = [k for k, *_ in _positions(text, mentions, {"vale": "she"})]
    assert kinds == ["reported", "position"]
    text = "Ms Vale, MP for Kirkby, has welcomed the report and offered to help."
    assert ("position", "the report", "welcomed", "Ms Vale") in _positions(text)


def test_a_for_inside_a_call_keeps_it_a_position():
    text = "Ms Ray is calling for the recall of the candidate for Leeds North."
    assert _positions(text) == [
        ("position", "the recall of the candidate for Leeds North", "calling for", "Ms Ray")
    ]
    text = "The ban was opposed by some road safety advocates as well as by cyclists."
    assert [row[2] for row in _positions(text)] == ["opposed"]


def test_worried_holders_views_without_a_comma_and_adverbs_after_a_comma():
    text = "Port officials are worried the new cranes will arrive late."
    assert _positions(text)[0][1:] == (
        "the new cranes will arrive late", "worried", "Port officials")  # fmt: skip
    text = "In the minister's view the new cranes arrived late."
    assert _positions(text)[0][1:3] == ("the new cranes arrived late", "In the minister's view")
    text = "The Senate passed the budget, effectively backing the new levy."
    assert _positions(text)[0][1:3] == ("the new levy", "backing")
    kinds = [k for k, *_ in _positions("The Senate pledged to cut the levy.")]
    assert "position" not in kinds


def test_the_cue_trie_matches_the_longest_word_first():
    from actorlens.text.lexicon import trie_alternation

    pattern = re.compile(trie_alternation(["back", "backed", "backs", "call for", "called for"]))
    assert [m.group() for m in pattern.finditer("backed, backs, call for, called for, back")] == [
        "backed", "backs", "call for", "called for", "back"]  # fmt: skip


def test_a_participle_is_held_by_the_subject_or_the_issuer_of_a_statement():
    text = "The Port Authority closed the quay, effectively backing the dockers."
    assert _positions(text) == [("position", "the dockers", "backing", "The Port Authority")]
    text = "The Chamber of Trade issued a statement condemning the new parking fees."
    assert _positions(text) == [
        ("position", "the new parking fees", "condemning", "The Chamber of Trade")
    ]


def test_a_generic_holder_is_unnamed_even_when_it_mentions_an_actor():
    rows = find_attributions("d", "Several Nordic countries oppose the new quota.", [0],
                             [(8, 14, "nordic")], {})  # fmt: skip
    assert [(r["kind"], r["speaker_id"], r["speaker_name"]) for r in rows] == [("position", "", "")]


def test_an_adverb_inside_a_cue_and_a_relative_that():
    text = "Ms Ode has disagreed openly with the harbour master."
    assert _positions(text) == [
        ("position", "the harbour master", "disagreed openly with", "Ms Ode")
    ]
    text = "The board published papers that demand a full audit of the port."
    assert _positions(text)[0][1:] == ("a full audit of the port", "demand", "papers")


def test_nouns_after_and_and_a_view_frame_inside_a_sentence_are_no_positions():
    text = "The count set off street protests and demands for a recount."
    assert _positions(text) == []
    text = "The museum shows the old city in the eyes of its first settlers."
    assert _positions(text) == []


def test_a_title_with_an_article_holds_and_a_noun_subject_does_not():
    text = "However, the president ruled out a state of emergency."
    assert _positions(text) == [("position", "a state of emergency", "ruled out", "the president")]
    assert _positions("The judges are untrained, and questions have been raised.") == []


def test_a_regarding_verb_holds_a_view_only_with_as():
    text = "Most dockers viewed the new rota as a breach of the deal."
    assert _positions(text) == [
        ("position", "the new rota as a breach of the deal", "viewed", "Most dockers")
    ]
    assert _positions("Ms Day saw the new rota on Monday.") == []


def test_a_quantified_holder_is_read_whole_and_unnamed():
    text = "At least one farmers group in Kent is certain the levy will fail."
    rows = find_attributions("d", text, [0], [(31, 35, "kent")], {})
    assert [(r["speaker_text"], r["speaker_id"]) for r in rows] == [
        ("At least one farmers group in Kent", "")
    ]
    assert _positions("Later, several MPs backed the levy.")[0][3] == "several MPs"


def test_the_content_of_a_held_stance_is_the_clauses_subject_and_keeps_a_negation():
    text = "The quay was full, but the plan has not been backed by the Port Board."
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["text"], r["negated"]) for r in rows] == [("the plan", True)]
    text = "It is no surprise that she has the support of the Port Board."
    assert _positions(text)[0][1:] == ("she", "has the support of", "the Port Board")


def test_an_act_in_support_of_a_cause_is_the_subjects_stance():
    text = "Hundreds of dockers marched in support of the striking crews."
    assert _positions(text) == [
        ("position", "the striking crews", "in support of", "Hundreds of dockers")
    ]
    assert _positions("The rise in support for the Greens is no surprise.") == []
    assert _positions("The council voted 9 to 2 in support of the plan.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Brevik Harbour Board is of the view that the quay is unsafe.",
         [("position", "the quay is unsafe", "of the view", "The Brevik Harbour Board")]),
        ("Mrs Hale is also concerned that the quay is unsafe.",
         [("position", "the quay is unsafe", "concerned", "Mrs Hale")]),
        ("Mrs Hale dismissed the harbour report.",
         [("position", "the harbour report", "dismissed", "Mrs Hale")]),
        ("Mrs Hale dismissed the harbour report as nonsense.",
         [("reported", "the harbour report as nonsense", "dismissed", "Mrs Hale")]),
    ],
)  # fmt: skip
def test_a_predicate_with_a_that_clause_and_dismissed_are_positions(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Mayor of Brevik, Greta Holm, has previously called for a ban on nets.",
         [("position", "a ban on nets", "called for", "Greta Holm")]),
        ("Greta Holm, the harbour chief, has openly backed the new quay.",
         [("position", "the new quay", "backed", "Greta Holm")]),
        ("The harbour union, BHU, criticised recently the new fees.",
         [("position", "the new fees", "criticised", "BHU")]),
    ],
)  # fmt: skip
def test_a_holder_is_read_as_a_speech_source_past_appositions_and_adverbs(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The couple also hopes to adopt a child.",
         [("position", "to adopt a child", "hopes", "The couple")]),
        ("Western governments have however feared the rise of the militia.",
         [("position", "the rise of the militia", "feared", "Western governments")]),
    ],
)  # fmt: skip
def test_a_plain_noun_phrase_opening_the_sentence_holds_a_position(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Hale defended the new ferry timetable.",
         [("position", "the new ferry timetable", "defended", "Mrs Hale")]),
        ("The Harbour Union denied the charges against its members.",
         [("reported", "the charges against its members", "denied", "The Harbour Union")]),
        ("Mr Berg appealed for calm on the quay.",
         [("position", "calm on the quay", "appealed for", "Mr Berg")]),
        ("The Brevik Greens are still seeking an apology from the board.",
         [("position", "an apology from the board", "seeking", "The Brevik Greens")]),
        ("The Harbour Board has concerns about the new quay.",
         [("position", "the new quay", "has concerns about", "The Harbour Board")]),
        ("Mrs Hale is adamant the quay is unsafe.",
         [("position", "the quay is unsafe", "adamant", "Mrs Hale")]),
        ("The Brevik Greens stood by their report on the quay.",
         [("position", "their report on the quay", "stood by", "The Brevik Greens")]),
        # a denial is speech, of a noun as of a that-clause
        ("Mrs Hale denied that the quay was unsafe.",
         [("reported", "the quay was unsafe", "denied", "Mrs Hale")]),
        ("Mrs Hale denied reports that the quay was unsafe.",  # the reports are hearsay too
         [("reported", "the quay was unsafe", "denied", "Mrs Hale"),
          ("reported", "the quay was unsafe", "reports", "")]),
    ],
)  # fmt: skip
def test_defending_appealing_seeking_and_concerns_are_positions_and_a_denial_speech(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania so far denies sending troops to the border.",
         [("reported", "sending troops to the border", "denies", "Ruritania")]),
        ("The Brevik Greens in the past opposed the quay.",
         [("position", "the quay", "opposed", "The Brevik Greens")]),
        ("The Brevik Greens are still asking for an apology.",
         [("position", "an apology", "asking for", "The Brevik Greens")]),
        ("The Brevik Greens today again backed the quay.",
         [("position", "the quay", "backed", "The Brevik Greens")]),
    ],
)  # fmt: skip
def test_a_time_adverbial_between_holder_and_cue_keeps_the_holder(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour experts view the new quay as a clear signal to Tarnland.",
         [("position", "the new quay as a clear signal to Tarnland", "view", "Harbour experts")]),
        ("Mrs Hale is viewing the report as a victory for her party.",
         [("position", "the report as a victory for her party", "viewing", "Mrs Hale")]),
        ("Mrs Hale is considering a new approach to the quay.",
         [("position", "a new approach to the quay", "considering", "Mrs Hale")]),
        ("Greta Holm, who visited Brevik today denounced the new fees.",
         [("position", "the new fees", "denounced", "Greta Holm")]),
    ],
)  # fmt: skip
def test_viewing_as_considering_and_a_holder_before_a_who_clause(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour officials have reported less violence on the quay.",
         [("reported", "less violence on the quay", "reported", "Harbour officials")]),
        ("The fire on the quay was reported by the Brevik Herald.",
         [("reported", "The fire on the quay", "reported", "the Brevik Herald")]),
        ("The Brevik Herald reported on Monday that the quay had shut.",
         [("reported", "the quay had shut", "reported", "The Brevik Herald")]),
    ],
)  # fmt: skip
def test_what_a_source_reported_is_speech_with_a_noun_or_a_clause(text, expected):
    assert _positions(text) == expected


def test_various_and_more_describe_holders_the_text_does_not_name():
    rows = find_attributions("d", "Various harbour leaders in Brevik want the quay closed.", [0],
                             [(27, 33, "brevik")], {})  # fmt: skip
    assert [(r["speaker_text"], r["speaker_id"], r["speaker_name"]) for r in rows] == [
        ("Various harbour leaders in Brevik", "", "")
    ]


def test_the_name_heading_an_apposition_before_who_holds_the_position():
    text = "Greta Holm, the harbour chief, who opposed the new quay, spoke on Monday."
    assert _positions(text) == [("position", "the new quay", "opposed", "Greta Holm")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Greta Holm visited the quay but opposed the new fees.",
         [("position", "the new fees", "opposed", "Greta Holm")]),
        ("The Brevik Harbour Association (BHA), has welcomed the new quay.",
         [("position", "the new quay", "welcomed", "The Brevik Harbour Association")]),
    ],
)  # fmt: skip
def test_a_verb_after_but_and_a_short_form_with_its_comma_keep_the_holder(text, expected):
    assert _positions(text) == expected


def test_it_s_believed_that_has_no_holder():
    assert _positions("It's widely believed that the quay will close in May.") == []
    assert _positions("It’s expected that the quay will close in May.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In denying the charges, Greta Holm said the quay was safe.",
         ("reported", "the charges", "denying", "Greta Holm")),
        ("In calling for a ban, the Brevik Greens named the quay.",
         ("position", "a ban", "calling for", "the Brevik Greens")),
    ],
)  # fmt: skip
def test_an_opening_in_with_a_participle_is_held_by_the_main_subject(text, expected):
    assert expected in _positions(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "consider" is a mental verb of the rule
        ("Greta Holm considered standing for mayor.",
         [("position", "standing for mayor", "considered", "Greta Holm")]),
        ("Mrs Hale considers the quay a danger to swimmers.",
         [("position", "the quay a danger to swimmers", "considers", "Mrs Hale")]),
        # a participle after a comma is a reduced passive: a view of its noun, no one's
        ("Mr Brown, widely considered the next leader, spoke on Monday.", []),
        ("Greta Holm, believed to be in Brevik, spoke on Monday.", []),
        ("Greta Holm, the harbour chief, believed the quay was unsafe.",
         [("position", "the quay was unsafe", "believed", "Greta Holm")]),
        # bare forms of judging verbs after a modal
        ("The Brevik Greens will denounce the new fees.",
         [("position", "the new fees", "denounce", "The Brevik Greens")]),
        ("Harbour workers would criticise the plan.",
         [("position", "the plan", "criticise", "Harbour workers")]),
        ("Farmers praise the new minister.",
         [("position", "the new minister", "praise", "Farmers")]),
        # a bare form after a singular noun is a noun ("the party's praise")
        ("The praise of the minister was loud.", []),
    ],
)  # fmt: skip
def test_consider_and_the_bare_forms_of_judging_verbs(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Harbour Board expressed a number of concerns about the new quay.",
         [("position", "the new quay", "expressed a number of concerns about",
           "The Harbour Board")]),
        ("Mrs Hale expressed deep disappointment at the ruling.",
         [("position", "the ruling", "expressed deep disappointment at", "Mrs Hale")]),
        ("Mrs Hale has expressed strong support for the quay.",
         [("position", "the quay", "expressed strong support for", "Mrs Hale")]),
        ("Greta Holm, of the Harbour Board, made the call for a ban on tankers.",
         [("position", "a ban on tankers", "made the call for", "Greta Holm")]),
        ("The Brevik Greens renewed their calls for an inquiry.",
         [("position", "an inquiry", "renewed their calls for", "The Brevik Greens")]),
        # a feeling with no object is no stance toward anything; calls something led to have
        # no holder
        ("Mrs Hale expressed her thanks.", []),
        ("The fire on the quay has led to calls for an inquiry.", []),
        # a title word that qualifies another noun heads no holder phrase
        ("An opposition rally was held in Brevik in support of the mayor.", []),
    ],
)  # fmt: skip
def test_an_attitude_expressed_or_a_call_made_toward_a_noun_phrase(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Holm praised the courage of the sisters' campaign for justice.",
         [("position", "the courage of the sisters' campaign for justice", "praised", "Mr Holm")]),
        ("Greta Holm earlier in the week welcomed the new quay.",
         [("position", "the new quay", "welcomed", "Greta Holm")]),
        ("Greta Holm on Monday welcomed the new quay.",
         [("position", "the new quay", "welcomed", "Greta Holm")]),
        ("Mr Holm has backed up the legislation.",
         [("position", "the legislation", "backed up", "Mr Holm")]),
        ("The Brevik Greens spoke out against the ruling.",
         [("position", "the ruling", "spoke out against", "The Brevik Greens")]),
        ("Mr Holm quickly brushed off allegations of fraud.",
         [("position", "allegations of fraud", "brushed off", "Mr Holm")]),
        ("The council affirmed its support for the harbour board.",
         [("position", "the harbour board", "affirmed its support for", "The council")]),
        ("Harbour workers were demonstrating against the new quay.",
         [("position", "the new quay", "demonstrating against", "Harbour workers")]),
        ("The government has refused to rule out new fees.",
         [("position", "new fees", "rule out", "The government")]),
        ("Jo Holm also proposed the nomination of Olga Berg.",
         [("position", "the nomination of Olga Berg", "proposed", "Jo Holm")]),
        # "proposed" after a possessive qualifies a noun; "blamed Y for Z" stays speech
        ("The treasurer warned that Labor's proposed changes would hurt.",
         [("reported", "Labor's proposed changes would hurt", "warned", "The treasurer")]),
        ("A coordinated set of Brevik protests against the quay began.", []),
    ],
)  # fmt: skip
def test_more_stance_verbs_and_a_time_between_holder_and_cue(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance verb coordinated with a speech verb of the same subject ends the speech
        ("The Harbour Court declared the new quay unlawful and endorsed the old one.",
         [("reported", "the new quay unlawful", "declared", "The Harbour Court"),
          ("position", "the old one", "endorsed", "The Harbour Court")]),
        ("Jo Holm has termed the fees “robbery” and has called for a new vote.",
         [("mixed", "the fees “robbery”", "termed", "Jo Holm"),
          ("position", "a new vote", "called for", "Jo Holm")]),
        # a wish inside the speaker's own clause stays part of the speech
        ("Jo Holm said he wanted a new vote.",
         [("reported", "he wanted a new vote", "said", "Jo Holm")]),
    ],
)  # fmt: skip
def test_a_coordinated_stance_verb_ends_the_speech_of_its_subject(text, expected):
    assert _positions(text) == expected


def test_a_share_of_people_holds_a_view_unnamed():
    rows = find_attributions("d", "49% of Brevikers believe that the quay is safe.", [0], [], {})
    assert [(r["text"], r["speaker_text"], r["speaker_name"]) for r in rows] == [
        ("the quay is safe", "49% of Brevikers", "")
    ]


def test_a_name_in_commas_before_another_name_holds_nothing():
    text = "Aiming at better ties with its neighbours, Tarnland and Brevik, the Harbour League has been critical of both of them."
    assert _positions(text) == [("position", "both of them", "critical of", "the Harbour League")]


def test_cue_verbs_are_lemmas_read_in_every_form_but_a_preposition():
    from actorlens.text.lexicon import verb_forms

    assert verb_forms(("lobby for", "reported"), frozenset({"regarding"})) == (
        "lobby for", "lobbied for", "lobbying for", "lobbies for", "reported",
    )  # fmt: skip
    assert "regarding" not in verb_forms(("regard",), frozenset({"regarding"}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The union decried the new shift rota.",
            [("position", "the new shift rota", "decried", "The union")],
        ),
        (
            "Cab drivers are lobbying for lower licence fees.",
            [("position", "lower licence fees", "lobbying for", "Cab drivers")],
        ),
        (
            "The growers are sceptical of the new quota system.",
            [("position", "the new quota system", "sceptical of", "The growers")],
        ),
        (
            "Most residents fled, believing the dam unsafe.",
            [("position", "the dam unsafe", "believing", "Most residents")],
        ),
    ],
)
def test_a_stance_verb_or_predicate_in_any_form_is_a_position(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The academy expelled him for criticising the rector.",  # a gerund after a preposition
        "The mural was seen by thousands of visitors.",  # "seen" without "as" is no view
        "The miners protested because the vote was rushed.",  # no object
        "Planners drew up rules regarding the harbour wall.",  # a preposition
    ],
)
def test_no_position_without_a_holder_a_view_or_an_object(text):
    assert [k for k, *_ in _positions(text) if k == "position"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people a stance makes of their holder, as a predicate or an apposition
        ("The union has been a vocal critic of the new rota.",
         [("position", "the new rota", "a vocal critic of", "The union")]),
        ("Per Dahl, a long-time opponent of the rota, spoke on Monday.",
         [("position", "the rota", "a long-time opponent of", "Per Dahl")]),
        # a view whose holder is a passive's agent, a clause after it
        ("Per Dahl is believed by many to favour a merger.",
         [("position", "to favour a merger", "believed", "many")]),
        # an attitude made clear, a wish with "would like"
        ("Per Dahl made clear his opposition to the merger.",
         [("position", "the merger", "made clear his opposition to", "Per Dahl")]),
        ("Per Dahl would like the quay to stay open.",
         [("position", "the quay to stay open", "would like", "Per Dahl")]),
    ],
)  # fmt: skip
def test_stance_nouns_passive_views_and_attitudes_made_clear(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A method being considered by harbour officials in Tarnby is cheaper.",  # no view after
        "The board, which is seen by many as slow, met on Monday.",  # the subject is outside
        "A new poll showed a jump in support for the Greens.",  # a poll shows no one's stance
    ],
)
def test_no_position_from_a_passive_without_a_view_or_a_poll_showing_support(text):
    assert [k for k, *_ in _positions(text) if k == "position"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The unions have thrown their weight behind the plan.",
         [("position", "the plan", "thrown their weight behind", "The unions")]),
        ("Per Dahl came out against the merger.",
         [("position", "the merger", "came out against", "Per Dahl")]),
    ],
)  # fmt: skip
def test_support_thrown_behind_and_coming_out_against(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Per Dahl is also expected to back the merger.", []),  # a passive with an adverb
        ("The plan is often believed to be popular.",
         [("position", "to be popular", "believed", "")]),  # a view no one named holds
        ("Problems were also reported in Tarnby.", []),
    ],
)  # fmt: skip
def test_a_passive_with_an_adverb_has_no_holder(text, expected):
    assert _positions(text) == expected


def test_an_adverb_between_a_speaker_and_the_cue_after_a_quote():
    from actorlens.attribution.extract import find_attributions

    rows = find_attributions("d", "“The quay is unsafe,” Anna Holm often said.", [0], [], {})
    assert [r["speaker_name"] for r in rows] == ["Anna Holm"]


def test_a_cue_word_after_a_preposition_is_a_noun():
    assert _positions("The bodies were left where they lay for fear that they were mined.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that passes its subject on to the stance after "to"
        ("The union went on to criticise the harbour plan.", ("the harbour plan", "The union")),
        ("Jo Holm appeared to back the harbour plan.", ("the harbour plan", "Jo Holm")),
        ("The farmers seem to oppose the new levy.", ("the new levy", "The farmers")),
        ("The council began to question the harbour plan.", ("the harbour plan", "The council")),
        # criticism and protest verbs with a noun phrase object (not "blasted", below)
        ("The mayor hit out at the new ferry timetable.", ("the new ferry timetable", "The mayor")),
        ("Students were protesting the proposed fee rise.", ("the proposed fee rise", "Students")),
        ("The farmers railed against the new levy.", ("the new levy", "The farmers")),
    ],
)  # fmt: skip
def test_stances_after_a_raising_verb_and_criticism_and_protest_verbs(text, expected):
    assert [(t, s) for k, t, _, s in _positions(text) if k == "position"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a plan after "to" is no stance; a protest as a noun holds none
        "Jo Holm plans to back the harbour plan next year.",
        "The protest against the new levy drew crowds.",
        # a stance verb used with no object
        "About 600 students protested in front of the embassy on Monday.",
        "Students protested peacefully - unlike last year.",
        "Hundreds protested and then marched to the harbour.",
        # "blast" is no cue: in war news it is mostly physical
        "Jets blasted the harbour wall.",
    ],
)
def test_no_stance_from_a_plan_a_protest_noun_or_a_storm(text):
    assert [k for k, *_ in _positions(text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inflected stance verb right after "that": a relative clause, its noun the holder
        ("Jo Holm heads the Harbour Trust, a group that supports the ban on trawling.",
         [("the ban on trawling", "a group")]),
        ("Jo Holm is among those who oppose the harbour plan.",
         [("the harbour plan", "Jo Holm")]),
        # after a complementizer "that" a bare form is a noun: "support" is no cue
        ("Jo Holm said that support for the harbour plan was weak.", []),
    ],
)  # fmt: skip
def test_a_relative_that_and_among_those_who(text, expected):
    assert [(t, s) for k, t, _, s in _positions(text) if k == "position"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # support given, requests made, a loyalty, and a predicate after "become"
        ("The Harbour Party did not give its full support for the new levy.",
         [("the new levy", "The Harbour Party")]),
        ("Jo Holm gave her backing to the harbour plan.", [("the harbour plan", "Jo Holm")]),
        ("The Red League has made repeated requests for access to the port.",
         [("access to the port", "The Red League")]),
        ("The militia are loyal to the cleric Jo Holm.", [("the cleric Jo Holm", "The militia")]),
        ("Farmers have become unhappy with the new levy.", [("the new levy", "Farmers")]),
    ],
)  # fmt: skip
def test_support_given_requests_made_loyalty_and_become(text, expected):
    assert [(t, s) for k, t, _, s in _positions(text) if k == "position"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning against a noun phrase is a stance, not speech ("again" is no filler there)
        ("Jo Holm cautioned against a quick deal.", [("position", "a quick deal", "Jo Holm")]),
        ("The mayor warned against any cuts to the ferry.",
         [("position", "any cuts to the ferry", "The mayor")]),
        # pushing back, taking issue, signing on, and a sceptical view of a clause
        ("The union pushed back against the new levy.",
         [("position", "the new levy", "The union")]),
        ("Jo Holm took issue with the harbour plan.",
         [("position", "the harbour plan", "Jo Holm")]),
        ("Farmers are sceptical that the levy will help.",
         [("position", "the levy will help", "Farmers")]),
    ],
)  # fmt: skip
def test_warnings_against_and_more_stance_phrases(text, expected):
    assert [(k, t, s) for k, t, _, s in _positions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is believed that the crew left early.", [("the crew left early", "")]),
        ("The captain is believed to be the only survivor.",
         [("to be the only survivor", "")]),  # no one named holds it, not the captain
        ("The result was widely seen as a blow to the board.", [("a blow to the board", "")]),
        ("It is feared that the quay will close.", [("the quay will close", "")]),
        ("The ferry is expected to sail on Monday.", []),  # a forecast
        ("Three sailors are feared dead.", []),
    ],
)  # fmt: skip
def test_an_agentless_passive_view_is_held_by_no_one_named(text, expected):
    assert [(content, source) for _, content, _, source in _positions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lord Fenwick's view is that the tax is unfair.",
         [("the tax is unfair", "Lord Fenwick")]),
        ("It is Lord Fenwick's opinion that the tax is unfair.",
         [("the tax is unfair", "Lord Fenwick")]),
        ("Lord Fenwick's view that the tax is unfair won support.", []),  # no position stated
    ],
)  # fmt: skip
def test_a_holder_s_view_is_that(text, expected):
    assert [(content, source) for kind, content, _, source in _positions(text)
            if kind == "position"] == expected  # fmt: skip
