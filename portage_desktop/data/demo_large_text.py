"""The words of the large demo site: names, goals, plan outlines, review and observation text.

All invented for this project. Kept apart from the generator so the code that decides dates
and counts stays readable. ``{name}`` is replaced by the child's first name; text avoids
pronouns so that it reads well for any child.
"""

from __future__ import annotations

from typing import NamedTuple


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CHILD_FIRST = _words(
    "Aaliyah Abdi Ada Adam Aisha Alba Alfie Amara Amelia Amir Anaya Archie Aria Arlo Arthur "
    "Ava Ayaan Bea Bella Bilal Bobby Caleb Callum Chloe Cora Cormac Daisy Darius Dexter Dita "
    "Eden Edie Elif Eliza Ellis Elsie Emre Esme Ezra Fatima Felix Finley Finn Florence Freya "
    "Gabriel Grace Hana Harper Harry Hassan Hugo Ibrahim Idris Imani Isaac Isla Ivy Jack "
    "Jacob Jude Kai Kayden Kian Lara Layla Leo Lila Lily Louie Luca Lyra Mabel Maja Mason "
    "Mateo Maya Milo Mira Musa Nadia Nathan Nia Noah Nova Olu Orla Oscar Otis Penny Phoebe "
    "Priya Reggie Reuben Riya Ronnie Rosa Rowan Ruby Safa Sami Sienna Sofia Stanley Tayo "
    "Theo Tomasz Vinnie Willow Wren Yara Yusuf Zain Zara Zofia Zoya"
)
SURNAMES = _words(
    "Abbott Adeyemi Ahmed Ali Anderson Appiah Bailey Baker Banerjee Bell Bennett Brennan "
    "Brown Campbell Chen Chowdhury Clarke Collins Cooper Da-Silva Davies Dobson Doherty "
    "Edwards Ellis Evans Farah Fernandes Fletcher Foster Gallagher Green Greene Hale Hall "
    "Harris Hughes Hussain Iqbal Jackson James Jones Kaur Kelly Khan Kowalski Lee Lewis "
    "Lin Lopez Martin Mensah Mitchell Moore Morgan Murphy Nowak Novak Nwosu O'Brien Okafor "
    "Osei Owen Parker Patel Phillips Popescu Price Quinn Rahman Reid Roberts Robinson "
    "Santos Shah Shaw Singh Smith Stewart Taylor Thomas Thompson Turner Usman Walker Walsh "
    "Ward Watson Webb White Williams Wilson Wood Wright Yilmaz Young Zielinski"
)
STAFF_FIRST = _words(
    "Alison Amina Angela Beth Bridget Carmen Chantelle Claire Dawn Deborah Esther Farida "
    "Fiona Gemma Gillian Hannah Helen Imogen Jade Janet Joanne Karen Kerry Laura Leanne "
    "Lorna Marcia Michelle Nicola Olivia Pauline Precious Rachel Rebecca Sadia Sandra "
    "Sarah Shona Tanya Tracey Una Vicky Wendy Yasmin Zoe Amir Ben Daniel David Kwame Luke "
    "Marcus Sean Tom"
)
PARENT_WOMEN = _words(
    "Anna Asha Bola Carla Dana Emma Ewa Gita Ines Jo Kasia Kemi Lauren Leah Nadia Paula Shazia "
    "Steph Vera Zeynep"
)
PARENT_MEN = _words("Ade Chris Dan Femi Hassan Kofi Marek Mo Omar Rob Sam Tariq Tom Wale Yusuf")
MEN = {"Dad", "Grandad", "Uncle"}
LANGUAGES = (
    "English",
    "English",
    "English",
    "English",
    "Polish",
    "Urdu",
    "Bengali",
    "Romanian",
    "Somali",
    "Arabic",
    "Portuguese",
    "Turkish",
    "Punjabi",
    "Tigrinya",
)
# (first relation, second relation, does the second hold parental responsibility)
RELATIONS = (
    ("Mum", "Dad", True),
    ("Mum", "Dad", True),
    ("Mum", "Grandma", False),
    ("Dad", "Step-mum", False),
    ("Mum", "Mum", True),
    ("Mum", "Aunt", False),
    ("Dad", "Grandma", False),
)
OTHER_RELATIVES = ("Grandma", "Grandad", "Aunt", "Uncle", "Nan")
NICKNAMES = {
    "Gabriel": "Gabe",
    "Florence": "Flo",
    "Nathan": "Nate",
    "Alexander": "Alex",
    "Elizabeth": "Lizzie",
    "Stanley": "Stan",
    "Reginald": "Reggie",
    "Eliza": "Liza",
}
SCHOOLS = (
    "Riverside Primary School (demo)",
    "St Anne's Church of England Primary (demo)",
    "Hillcrest Community Primary (demo)",
    "Brookfield Special School (demo)",
    "Meadow Lane Infants (demo)",
)
NURSERIES = (
    "Little Acorns Pre-school (demo)",
    "Rainbow Day Nursery (demo)",
    "a childminder (demo)",
)

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
    OutcomePlan(
        "play_personal",
        "Stacking bricks",
        "demonstration",
        "{name} will build a tower of bricks",
        "sitting at a table with large soft bricks, after an adult shows them",
        (
            "Puts one brick on another",
            "Builds a tower of three",
            "Builds a tower of five",
            "Builds a tower of five, then knocks it down",
        ),
        "Large soft bricks",
        "Table-top time in the morning; at home after tea",
        "Use bigger bricks and hold the bottom one steady",
        "Clap and knock the tower down together",
    ),
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

# {who} is the parent who came (Mum, Dad, Grandma...), {name} the child.
REVIEW_VIEWS = (
    "{who} is pleased with how much more settled {name} is at drop-off.",
    "{who} says {name} is using more signs at home, especially for food.",
    "{who} has noticed {name} copies the songs in the car.",
    "The family say mealtimes are calmer and {name} stays at the table longer.",
    "{who} feels {name} understands a lot more than a few months ago.",
    "The family would like more ideas for play at the weekend.",
    "{who} says bedtimes are still hard but the new routine is helping.",
    "{who} is proud that {name} walked to the shop holding hands.",
    "The family are worried about the move to school and want to plan early.",
    "{who} says {name} now asks for favourite songs by name.",
)
REVIEW_VOICE = (
    "Pointed to the photos of the sand tray and smiled.",
    "Chose the bubbles card when asked what they like best.",
    "Signed 'more' when we showed the snack photo.",
    "Took us to the water tray to show us.",
    "Said 'park!' and laughed when we showed the picture.",
    "Clapped at the photo of group time.",
    "Chose the car photos and lined them up happily.",
    "Led us to the book corner and sat down with a favourite book.",
)
REVIEW_SUCCESSES = (
    "Learnt a new small step and loves showing us.",
    "Now asks for more at snack time every day.",
    "Puts their coat on with just a little help.",
    "Joins the song at group time and does the actions.",
    "Feeds themself for most of lunch.",
    "Played next to a friend at the sand tray for ten minutes.",
    "Walked up the garden steps holding the rail.",
    "Took turns with a ball three times with an adult.",
)
REVIEW_WISHES = (
    "We would like to carry on with the plans.",
    "We would like to keep going and try the next small steps.",
    "We would like more help with sleep.",
    "We are happy with the plans and want to keep the home chart going.",
    "We would like to work on talking next.",
    "We would like the speech therapist to come to the next review.",
)
REVIEW_TRANSITION = (
    "Moving to Reception in September: the school SENCO will come to the next review.",
    "Starting school in September: visits and a photo book are planned.",
    "Moving to a specialist setting: a transition meeting is booked.",
)
ISSUES = (
    ("Worried about the move to the pre-school room", "Key person"),
    ("Would like advice about sleep", "SENCO"),
    ("Asked about the speech therapy waiting list", "SENCO"),
    ("Would like help applying for Disability Living Allowance", "SENCO"),
    ("Finding it hard to get to the Friday session", "Manager"),
    ("Would like a copy of the home chart in Polish", "Key person"),
    ("Asked for a meeting with the health visitor", "SENCO"),
    ("Worried about eating: only a few foods accepted", "Key person"),
)

OBSERVATIONS = (
    "Played at the water tray for ten minutes, pouring from a jug and watching closely.",
    "Joined the goodbye song today and signed 'finished' at the end.",
    "Pulled up to stand at the low shelf and reached for the shakers.",
    "Took a friend's hand at outdoor time and ran to the slide together.",
    "Lined up the cars along the windowsill, then pushed one down the ramp.",
    "Said 'bye-bye' to the key person at home time without a prompt.",
    "Stayed at the messy tray for five minutes and touched the gloop with one finger.",
    "Handed the adult a book and sat down to share it.",
    "Climbed into the tunnel and came out laughing; did it four times.",
    "Pointed at the aeroplane in the sky and looked back at the adult.",
    "Copied the 'more' sign during snack after one model.",
    "Was upset when the music stopped; settled with a cuddle and the sand timer.",
    "Stacked three bricks, then knocked them down and clapped.",
    "Put their coat on with help at the elbows; flipped it over alone.",
    "Used two words together for the first time: 'more bubbles'.",
    "Sat for the whole of group time on the special cushion.",
    "Chose the red cup from two when asked, and drank with both hands.",
    "Watched the older children playing ball and rolled it back to them.",
    "Fell asleep quickly after lunch with the blue blanket.",
)
# Written by a parent, about home and family life.
HOME_OBSERVATIONS = (
    "At home: fed themself with a spoon for most of breakfast.",
    "Sang two words of Twinkle Twinkle in the bath tonight.",
    "At the library rhyme time: stayed for three songs and waved at the end.",
    "Went to the park with the cousins and had a go on the big slide.",
    "Brought me their shoes when I said it was time to go out.",
    "Slept through the night for the first time in weeks.",
    "At the supermarket: stayed calm in the trolley and held the bananas.",
    "Played with their big sister's dolls, feeding them with a spoon.",
)
ADVICE = (
    "Use a simple 'first, then' board for transitions. Keep language to two key words.",
    "Practise standing at a surface during play for short periods, twice a day.",
    "Offer choices between two items held apart, and wait ten seconds for a response.",
    "Use a chunky-handled spoon and a bowl with a lip; let the child finish each scoop.",
    "Model single words and signs for favourite snacks; avoid asking questions.",
    "Try a weighted lap cushion at group time; keep sessions to five minutes.",
    "Encourage crawling through tunnels and climbing low steps to build strength.",
    "Use now-and-next cards at home and in the setting, the same pictures in both.",
)
ADVICE_FROM = (
    ("Speech and language therapist", "speech_language_therapist"),
    ("Physiotherapist", "physiotherapist"),
    ("Occupational therapist", "occupational_therapist"),
    ("Educational psychologist", "educational_psychologist"),
    ("Portage home visitor", "portage_home_visitor"),
)
PROFESSIONALS = (
    ("speech_language_therapist", "Community Speech and Language Therapy"),
    ("portage_home_visitor", "Local Portage Service"),
    ("physiotherapist", "Children's Physiotherapy"),
    ("occupational_therapist", "Children's Occupational Therapy"),
    ("health_visitor", "Health Visiting Team"),
    ("paediatrician", "Child Development Centre"),
    ("educational_psychologist", "Educational Psychology Service"),
    ("social_worker", "Children's Social Care"),
)

PROFILE = {
    "admired_for": (
        "My big smile that lights up the room.",
        "How hard I try when something is tricky.",
        "I am kind to younger children and love to help.",
        "My giggle is infectious.",
        "I am brave about trying new foods.",
        "I notice everything: nothing gets past me.",
        "I give the best cuddles.",
    ),
    "important_to_me": (
        "My blue blanket at sleep time.",
        "Singing the same goodbye song every day.",
        "Being outside, whatever the weather.",
        "Knowing what is happening next.",
        "My big sister and my cousins.",
        "My toy cars, especially the red one.",
        "Having my drink in my own cup.",
    ),
    "how_to_support": (
        "Get down to my level and say my name first.",
        "Show me with objects or pictures what comes next.",
        "Give me time to answer; I will get there.",
        "Warn me before a change, with a countdown.",
        "Keep instructions short and show me.",
        "Let me watch first before I join in.",
        "A quiet space helps me when it gets noisy.",
    ),
    "interests": (
        "Water play, bubbles and anything that spins.",
        "Cars, trains and lining things up. Stickers are a great reward.",
        "Books with flaps, animal noises and songs with actions.",
        "Climbing, swinging and being chased in the garden.",
        "Dinosaurs, puzzles and the sand tray.",
        "Music, drums and anything that makes a noise.",
    ),
    "communication": (
        "I use some signs (more, finished, drink) and take your hand to show you.",
        "I say single words and lead you to what I want. I point when I am excited.",
        "I understand more than I can say; I use pictures to choose.",
        "I use two or three words together and love to copy you.",
        "I show you with my face and body how I feel; watch my hands.",
    ),
    "family_priorities": (
        "We would like mealtimes to be calmer and to feed themself.",
        "Saying a few more words so that we know what they want.",
        "Sleeping through the night.",
        "Being able to go to the shops and the park together.",
        "Getting ready for school.",
        "Playing with their brothers and sisters.",
    ),
}

TRANSITION_NEEDS = (
    "A visual timetable, a quiet corner, and time to get to know the teacher before September.",
    "Now-and-next cards, a named adult at drop-off, and help at lunch.",
    "Short visits with Mum first, then a longer visit with the key person.",
    "A photo book of the new room, and the same signs used at home and here.",
)
TRANSITION_ACTIONS = (
    ("Share the one-page profile with the school", "SENCO"),
    ("Arrange two visits with the family", "Key person"),
    ("Make a photo book of the new classroom", "Parent"),
    ("Invite the school SENCO to the last review", "SENCO"),
    ("Pass on the latest assessment and plans, with the parent's agreement", "SENCO"),
    ("Apply for a school place by the January closing date", "Parent"),
    ("Ask the school about help at lunchtime and in the playground", "Key person"),
)
START_ACTIONS = (
    ("Home visit before the first session", "Key person"),
    ("Share the one-page profile with the team", "Key person"),
    ("Settling-in sessions with a parent staying", "Parent"),
)

TRAINERS = (
    "Riverside Portage Service",
    "NPA regional trainer",
    "County Portage team",
    "Northgate Portage Service",
)
CPD = (
    ("Paediatric first aid", 36),
    ("Safeguarding refresher", 12),
    ("Makaton Level 1", None),
    ("Intensive interaction", None),
    ("Food hygiene", 36),
    ("Attention Autism", None),
    ("Speech and language: the basics", None),
)
PCPD = (
    "Supporting communication through play",
    "Portage and the graduated approach",
    "Working with families at home",
    "Play and sensory needs",
)
