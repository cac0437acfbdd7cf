/// The sample's people: the named cast (stars, experts, the bought account, the
/// ring) and the name pools the crowd and the bots are drawn from. Star and bought
/// names are invented; the experts borrow the names of historical pioneers of their
/// field, which is the point of the lesson: the quiet accounts are the ones that matter.
enum SampleNames {
    /// Stars by topic, head star first: (handle, display name, bio).
    static let stars: [[(String, String, String)]] = [
        [("nina_quark", "Nina Quark", "Particle physicist. Explains the universe one thread at a time."),
         ("omar_nebula", "Omar Nebula", "Astronomer, telescope nerd, night owl."),
         ("sofia_helix", "Sofia Helix", "Biologist. DNA, evolution and the odd cat picture.")],
        [("leo_kernel", "Leo Kernel", "Writes operating systems for fun and profit."),
         ("priya_stack", "Priya Stack", "Full-stack engineer. Talks about shipping."),
         ("sam_bytes", "Sam Bytes", "Gadget reviews and tech news.")],
        [("luna_chord", "Luna Chord", "Singer-songwriter. New album out now."),
         ("marco_vibe", "Marco Vibe", "DJ and producer."),
         ("ella_tempo", "Ella Tempo", "Drummer. Keeps time, loses keys.")],
        [("jay_sprint", "Jay Sprint", "Olympic sprinter."),
         ("kofi_goal", "Kofi Goal", "Footballer. Number 9."),
         ("rita_slam", "Rita Slam", "Tennis pro and commentator.")],
        [("chef_amara", "Amara Okafor", "Chef. Recipes that work on a Tuesday."),
         ("tom_saffron", "Tom Saffron", "Spice merchant, food writer."),
         ("yuki_umami", "Yuki Umami", "Ramen reviews across the world.")],
        [("zoe_compass", "Zoe Compass", "Travel writer. 90 countries and counting."),
         ("ravi_roams", "Ravi Roams", "Slow travel by train."),
         ("ana_atlas", "Ana Atlas", "Maps, routes and hidden places.")],
    ]

    /// Experts by topic, lead expert first: (handle, display name, bio).
    static let experts: [[(String, String, String)]] = [
        [("rosalind_franklin", "Rosalind Franklin", "X-ray crystallography. Photo 51."),
         ("lise_meitner", "Lise Meitner", "Nuclear physics.")],
        [("ada_lovelace", "Ada Lovelace", "Notes on the Analytical Engine."),
         ("alan_turing", "Alan Turing", "Computable numbers.")],
        [("clara_schumann", "Clara Schumann", "Pianist, composer, teacher."),
         ("nadia_boulanger", "Nadia Boulanger", "Taught half the composers you know.")],
        [("jim_thorpe", "Jim Thorpe", "Pentathlon, decathlon, football, baseball."),
         ("babe_didrikson", "Babe Didrikson", "Track, golf, basketball.")],
        [("julia_child", "Julia Child", "French cooking for everyone."),
         ("auguste_escoffier", "Auguste Escoffier", "Brigade system, mother sauces.")],
        [("ibn_battuta", "Ibn Battuta", "Rihla: thirty years on the road."),
         ("isabella_bird", "Isabella Bird", "Letters from the Rocky Mountains.")],
    ]

    static let bought = ("max_influence", "Max Influence", "Lifestyle | Travel | Luxury. DM for collabs.")

    /// The ring's first names; a member's handle is `NAME_growth`.
    static let ring = ["ava", "ben", "cleo", "dex", "eli", "faye", "gus", "hana", "ivo", "jade",
                       "kai", "lena", "milo", "nora", "otto", "pia", "quinn", "remy", "sia", "theo",
                       "uma", "vic", "wren", "xena", "yara", "zane", "bo", "cy", "di", "fen"]

    static let first = ["alex", "maria", "jun", "fatima", "liam", "sara", "diego", "aisha", "noah", "elena",
                        "kenji", "chloe", "omar", "ines", "lucas", "mei", "ivan", "zara", "tariq", "olga",
                        "pablo", "hana", "felix", "amina", "marta", "raj", "lea", "tomas", "nia", "erik",
                        "sofia", "yusuf", "anna", "hugo", "lina", "kwame", "julia", "arjun", "emma", "mateo",
                        "rosa", "samir", "ingrid", "tao", "carla", "david", "priya", "leon", "aya", "nils",
                        "grace", "ali", "vera", "marco", "eva", "kofi", "iris", "oscar", "dana", "luis"]

    static let last = ["garcia", "kim", "mueller", "rossi", "nguyen", "silva", "khan", "novak", "smith", "tanaka",
                       "cohen", "dubois", "ivanova", "okafor", "patel", "larsen", "moreau", "santos", "chen", "haddad",
                       "berg", "costa", "fischer", "lopez", "mendes", "yilmaz", "park", "adams", "bauer", "diaz",
                       "eriksen", "ferrari", "gomez", "hansen", "ito", "jansen", "kowalski", "lee", "marin", "nowak",
                       "oliveira", "perez", "quinn", "reyes", "sato", "torres", "vargas", "weber", "young", "zhang"]

    /// Bios the crowd writes about its topic (by topic index).
    static let crowdBios: [[String]] = [
        ["Science fan.", "PhD student, tired.", "Space, cells and coffee.", "Reads papers on the bus."],
        ["Developer.", "Building things.", "Open source, mostly.", "I fix computers for family."],
        ["Music is life.", "Guitar, badly.", "Concerts every weekend.", "Vinyl collector."],
        ["Runner.", "Season ticket holder.", "Weekend cyclist.", "Sports, stats, opinions."],
        ["Home cook.", "Bakes bread.", "Eats everything.", "Restaurant hunter."],
        ["Backpacker.", "Next trip loading.", "Photos from the road.", "Collects train tickets."],
    ]
}
