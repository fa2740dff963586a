"""The words of the large demo's goals and activity plans: goals in each of the three areas,
outlines of outcome-focused plans (with their small steps) and open-ended ones, and the notes
written on the week grid.

Invented for this project. ``{name}`` is replaced by the child's first name.
"""

from __future__ import annotations

from typing import NamedTuple

from portage_desktop.demo import plans as small_demo

GOALS = {
    "play_personal": (
        "We want {name} to play alongside other children and enjoy it",
        "We would like {name} to feed themself at mealtimes",
        "We would like {name} to enjoy building and making things",
        "We hope {name} can settle to sleep without so many tears",
        "We want {name} to cope better when it is time to stop an activity",
        "We would like {name} to take turns in a simple game with us",
        "We hope {name} can use the potty during the day",
        "We would like {name} to play with toys in new ways, not just lining them up",
    ),
    "learning_physical_communication": (
        "We want {name} to tell us what they want using words or signs",
        "We hope {name} can get their coat and shoes on to go outside",
        "We would like {name} to walk holding our hand to the shops",
        "We want {name} to understand simple instructions like 'get your cup'",
        "We hope {name} can use a spoon and a cup without help",
        "We would like {name} to climb the steps at the park safely",
        "We want {name} to point to show us things",
        "We would like {name} to join two words together",
    ),
    "participation_inclusion": (
        "We want {name} to join in at the library rhyme time with us",
        "We would like {name} to enjoy going to the park with their cousins",
        "We hope {name} can come to the supermarket without getting upset",
        "We would like {name} to join in family meals at the table",
        "We want {name} to enjoy swimming at the local pool",
        "We would like {name} to go to a friend's birthday party and stay for a while",
        "We hope {name} can take part in group time at nursery",
    ),
}


class OutcomePlan(NamedTuple):
    """The outline of an outcome-focused plan, before a child's name is put in."""

    area: str
    title: str
    method: str
    behaviour: str
    conditions: str
    steps: tuple[str, ...]
    materials: str
    routines: str
    if_hard: str
    praise: str


class OpenPlan(NamedTuple):
    """The outline of an open-ended play plan."""

    area: str
    title: str
    purpose: str
    play_ideas: str
    to_notice: str


def _small_demo(area: str, title: str) -> OutcomePlan:
    """A plan the small demo also uses, word for word, so the two never drift apart."""
    found = next(p for p in small_demo.OUTCOME_PLANS if p[0] == title)
    name, method, behaviour, conditions, steps, materials, routines, if_hard, praise = found
    return OutcomePlan(
        area,
        str(name),
        str(method),
        str(behaviour),
        str(conditions),
        tuple(steps),
        str(materials),
        str(routines),
        str(if_hard),
        str(praise),
    )


OUTCOME_PLANS = (
    OutcomePlan(
        "learning_physical_communication",
        "Asking for more",
        "shaping",
        "{name} will ask for 'more' with the word or the Makaton sign",
        "at snack time, when an adult holds up a favourite snack and waits",
        (
            "Looks at the snack and reaches",
            "Makes the 'more' sign with help",
            "Makes the 'more' sign alone",
            "Says or signs 'more' without being shown",
        ),
        "Favourite snacks in a clear box",
        "Snack time and lunch, at the table",
        "Show the sign yourself and wait a little longer",
        "Give the snack straight away and say 'more, well done!'",
    ),
    OutcomePlan(
        "learning_physical_communication",
        "Coat on",
        "backward_chaining",
        "{name} will put their coat on",
        "at home time and before going outside, with the coat laid on the floor",
        (
            "Pulls the coat up from the elbows",
            "Puts the second arm in",
            "Puts both arms in",
            "Flips the coat over the head",
            "Does the whole coat flip alone",
        ),
        "Their own coat; a mark inside the collar",
        "Going outside and home time",
        "Do more of the task yourself and let them finish the last part",
        "Cheer and say 'coat on, off we go!'",
    ),
    OutcomePlan(
        "learning_physical_communication",
        "Pointing to choose",
        "demonstration",
        "{name} will point with one finger to choose between two things",
        "when shown two toys or two snacks held apart, at arm's length",
        (
            "Reaches with the whole hand towards one",
            "Touches the chosen one with a finger",
            "Points from a short distance",
            "Points and looks back at the adult",
        ),
        "Two favourite toys or snacks at a time",
        "Snack time, choosing a song, choosing a book",
        "Hold the items closer and shape their hand into a point",
        "Hand over the choice at once and name it",
    ),
    OutcomePlan(
        "learning_physical_communication",
        "Following 'give me'",
        "demonstration",
        "{name} will give an adult an object when asked 'give me the ...'",
        "with two familiar objects in front of them and a hand held out",
        (
            "Gives an object when the adult points to it",
            "Gives the named object from one",
            "Gives the named object from two",
            "Gives the named object from three",
        ),
        "Cup, spoon, ball, teddy",
        "Tidy-up time; bath time at home",
        "Point to the object as you ask and hold your hand close",
        "Say 'thank you!' with a big smile and a high five",
    ),
    OutcomePlan(
        "learning_physical_communication",
        "Drinking from an open cup",
        "shaping",
        "{name} will drink from an open cup, holding it with two hands",
        "at the table, with a small amount of drink in a light cup",
        (
            "Holds the cup with an adult's hands over theirs",
            "Lifts the cup to the mouth with light help",
            "Drinks with the adult steadying the base",
            "Drinks and puts the cup down alone",
        ),
        "A small, light open cup; a few sips of water or milk",
        "Snack, lunch and tea",
        "Use less drink and guide the elbows",
        "Clap and say 'big drink!'",
    ),
    OutcomePlan(
        "learning_physical_communication",
        "Walking up steps",
        "whole_task",
        "{name} will walk up three steps holding a rail",
        "at the steps into the garden and at the park, with an adult beside them",
        (
            "Climbs one step holding two hands",
            "Climbs one step holding one hand and the rail",
            "Climbs three steps holding one hand and the rail",
            "Climbs three steps holding the rail only",
        ),
        "The garden steps; the park steps",
        "Going out to play; walks to the park",
        "Hold both hands and count each step together",
        "Say 'you did it!' and let them choose where to go next",
    ),
    OutcomePlan(
        "learning_physical_communication",
        "Two words together",
        "shaping",
        "{name} will put two words together to ask for something",
        "during play with favourite toys, when an adult models two words and waits",
        (
            "Copies a single word",
            "Says a single word without a model",
            "Copies two words together",
            "Says two words together without a model",
        ),
        "Bubbles, cars, a ball, snack",
        "Play times, snack, bath time",
        "Say the two words slowly and hold the toy up near your face",
        "Do what they asked right away and repeat the two words back",
    ),
    _small_demo("play_personal", "Stacking bricks"),
    OutcomePlan(
        "play_personal",
        "Feeding with a spoon",
        "backward_chaining",
        "{name} will feed themself with a spoon",
        "at mealtimes, with food that sticks to the spoon such as yoghurt",
        (
            "Takes the loaded spoon from the bowl edge to the mouth",
            "Brings the spoon to the mouth from the table",
            "Scoops with hand-over-hand help and feeds",
            "Scoops and feeds with a light touch at the elbow",
            "Scoops and feeds alone",
        ),
        "A chunky-handled spoon, a bowl with a lip",
        "Breakfast and lunch",
        "Help with the scoop and let them do the last part to the mouth",
        "Smile and say 'yum, you did it!'",
    ),
    OutcomePlan(
        "play_personal",
        "Taking turns",
        "demonstration",
        "{name} will take turns with an adult in a simple game",
        "in a quiet corner with a game such as rolling a ball or a marble run",
        (
            "Waits for one turn with help",
            "Takes a turn when given the item",
            "Gives the item back for the adult's turn",
            "Takes three turns each way with a friend nearby",
        ),
        "A ball, a marble run, a pop-up toy",
        "Morning play; after tea at home",
        "Keep the game short and say 'my turn, your turn' with gestures",
        "Cheer every turn and finish before it gets hard",
    ),
    OutcomePlan(
        "play_personal",
        "Finishing and tidying",
        "forward_chaining",
        "{name} will stop an activity and help tidy it away when the timer ends",
        "with a visual timer and a 'finished' box",
        (
            "Looks at the timer when it rings",
            "Puts one toy in the box with help",
            "Puts toys in the box when shown the 'finished' sign",
            "Moves on to the next activity calmly",
        ),
        "A sand timer, a 'finished' box, now-and-next cards",
        "Before snack and at home time",
        "Give a two-minute warning and show the next activity",
        "Praise calmly and go straight to the next fun thing",
    ),
    OutcomePlan(
        "play_personal",
        "Using the potty",
        "whole_task",
        "{name} will sit on the potty and use it",
        "at set times after meals and drinks, with a favourite book",
        (
            "Sits on the potty for a few seconds",
            "Sits on the potty for one minute",
            "Uses the potty at a set time",
            "Shows us when they need to go",
        ),
        "A potty, a picture sequence, a sticker chart",
        "After breakfast, after lunch, before bath",
        "Keep it short and relaxed; try again later",
        "A sticker and a big cheer",
    ),
    OutcomePlan(
        "participation_inclusion",
        "Sitting at group time",
        "shaping",
        "{name} will sit with the group for a song",
        "at group time, on a special cushion next to a familiar adult",
        (
            "Comes to the group area for the first song",
            "Sits on the cushion for one song with an adult",
            "Sits for two songs with an adult nearby",
            "Sits for the whole group time",
        ),
        "A cushion, a song choice board",
        "Morning and afternoon group times",
        "Let them hold a favourite toy and sit near the door",
        "Let them choose the next song",
    ),
    OutcomePlan(
        "participation_inclusion",
        "Holding hands on walks",
        "whole_task",
        "{name} will hold an adult's hand while walking to the shops",
        "on the pavement, with a 'hold hands' picture card shown before leaving",
        (
            "Holds hands from the door to the gate",
            "Holds hands to the end of the road",
            "Holds hands to the corner shop",
            "Holds hands all the way there and back",
        ),
        "A 'hold hands' picture card; a favourite small toy to carry",
        "Walks to the shop and the park",
        "Make the walk shorter and sing a walking song",
        "Let them choose something to look at in the shop",
    ),
)

OPEN_PLANS = (
    OpenPlan(
        "participation_inclusion",
        "Playing alongside friends",
        "To enjoy playing near other children and share the fun",
        "Sand tray with two sets of diggers; bubbles outside with a friend; rolling a ball",
        "Who {name} looks at or goes near; any smiles, sounds or sharing",
    ),
    OpenPlan(
        "participation_inclusion",
        "Rhymes and songs",
        "To enjoy songs with actions and join in with some of them",
        "Row, row your boat on a lap; Twinkle twinkle with a torch; songs at nappy change",
        "Which songs {name} asks for, and which actions they copy",
    ),
    OpenPlan(
        "participation_inclusion",
        "Out and about",
        "To enjoy short trips in the local area with the family",
        "A visit to the library; feeding the ducks; a bus ride to the market",
        "What {name} notices and enjoys, and what helps when it gets busy",
    ),
    OpenPlan(
        "participation_inclusion",
        "Meals together",
        "To enjoy sitting with the family at mealtimes",
        "A special plate; a picture of who sits where; passing the bread basket",
        "How long {name} stays at the table and what helps",
    ),
    OpenPlan(
        "play_personal",
        "Messy play",
        "To explore new textures and enjoy getting messy",
        "Cornflour gloop; shaving foam on a tray; cooked spaghetti; painting with hands",
        "Which textures {name} touches, and for how long",
    ),
    OpenPlan(
        "play_personal",
        "Pretend play",
        "To enjoy simple pretend play with everyday things",
        "A teddy's picnic; feeding a doll; a toy phone; a washing-up bowl for the dolls",
        "Any pretend actions {name} does and who they copy",
    ),
    OpenPlan(
        "learning_physical_communication",
        "Sharing books",
        "To enjoy looking at books together and pointing at pictures",
        "Lift-the-flap books; photo books of the family; books with textures",
        "Pictures {name} points to or names, and how long they stay",
    ),
    OpenPlan(
        "learning_physical_communication",
        "Moving and climbing",
        "To enjoy moving in new ways and build strength",
        "Soft-play shapes; crawling through a tunnel; a low balance beam; pushing a trolley",
        "What {name} tries for the first time, and any help they need",
    ),
)

METHOD_FADING = {
    "shaping": "Start by praising any try; then praise only tries that get closer.",
    "backward_chaining": "Help with the start, then do less each week until they do it all.",
    "forward_chaining": "Let them do the first part, then add one more part each week.",
    "demonstration": "Start with a model, then a gesture, then just wait.",
    "whole_task": "Do it together each time, and take your hands away a little more each week.",
}
# (successes needed, tries out of, days in a row): the usual criteria, most common first.
CRITERIA = ((4, 5, 3), (4, 5, 3), (3, 5, 3), (4, 5, 2), (8, 10, 3))

RECORD_NOTES = (
    "Loved it today",
    "Tired after a busy morning",
    "Tried hard",
    "Did it with Grandma too",
    "Needed a little extra time",
    "Did it straight away",
    "Unsettled today; we kept it short",
    "Showed a friend how to do it",
    "Better after snack",
)
OPEN_NOTES = (
    "Stayed for ten minutes and giggled",
    "Watched the others, then joined in",
    "Asked for it again at home time",
    "Only a short while today",
    "Did it at home with a big brother",
    "Copied two actions",
    "Brought a friend over to join in",
    "Loved it; did not want to stop",
)
