"""The words of the large demo site: names, reviews, observations, profiles, transitions and
training (goals and plans are in :mod:`demo_large_plan_text`).

All invented for this project. Kept apart from the generator so the code that decides dates
and counts stays readable. ``{name}`` is replaced by the child's first name; text avoids
pronouns so that it reads well for any child.
"""

from __future__ import annotations


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
