"""Ordinary words that may be written with a capital in a plan, so are not suspected as names.

Kept short on purpose: a word missing here is only shown to the reviewer as a suspect, which
costs one tick; a name wrongly listed here could reach the printed pack.
"""

from __future__ import annotations

_WORDS = """
    a about after again all also always an and another any are around as ask at away
    baby back ball be because bed before being big book books both bring but by
    can carry change child children choose clap come could cup
    daily day dad do does don't down during each eat encourage end every
    family first five for four from
    game games get give go going good grandad gran
    had has have he help her here him his home how
    i if in into is it it's its
    just keep let lets like little look looking
    make many may me model more morning most much mum music my
    name new next nan night no not now
    of offer on once one only or other our out over
    parent parents pick place play playing please point practise praise
    put read ready repeat right
    same say see she show sing sit so some song songs start step steps still stop story
    take talk than that the their them then there these they this those three through time
    to today together too try turn two
    up us use using
    wait want was watch way we week weekly well what when where which while who will with
    would yes you your
    goal target small how agreed started review steps plan
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    portage makaton send ehcp nhs sencos senco english welsh british sign language bsl
    pecs ot salt eyfs
    """
ORDINARY_WORDS = frozenset(_WORDS.split())
