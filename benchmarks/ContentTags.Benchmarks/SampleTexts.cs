namespace ContentTags.Benchmarks;

/// <summary>Realistic review texts of three lengths, written for these benchmarks.</summary>
internal static class SampleTexts
{
    /// <summary>About 20 words: a one-line user review with one warning.</summary>
    public const string Short =
        "Great cast and a clever script, but a dog is beaten to death halfway through and the film lingers on it.";

    /// <summary>About 120 words: a typical user review with one warning.</summary>
    public const string Medium =
        "I went into The Quiet Orchard expecting a gentle family drama and came out shaken. The first hour is lovely: long " +
        "shots of the valley, a warm score, and a lead performance that is all glances and held breath. Then the husband " +
        "comes home drunk and the film refuses to look away. He shoves her against the kitchen counter, breaks her wrist, " +
        "and the next morning she tells the neighbours she fell. Those scenes are hard to sit through, and they keep coming " +
        "until the final act. The two child actors are excellent, and the ending earns its hope without pretending the damage " +
        "is undone. Four stars from me, but if domestic violence is something you need to avoid, skip this one or read a " +
        "detailed summary first.";

    /// <summary>About 1,500 words: a long multi-paragraph review, warning-free except one paragraph in the middle.</summary>
    public const string Long =
        """
        I have been recommending The Lighthouse Keeper's Almanac to everyone who will stand still long enough, so I suppose it is time to write down why. This is a big, slow, generous family novel, the kind that used to be called a saga before the word started to mean a fantasy trilogy with maps. It follows three generations of the Penhallow family, who run a small guest house on a windy headland in Cornwall, from the spring of 1962 to the autumn of 2019. Nothing explodes. Nobody discovers a secret twin. What happens is weather, marriages, bread, tourists, a failing roof, a successful roof, and the long patient work of people learning to forgive one another for being exactly who they are. If that sounds dull, the book is not for you. If it sounds like the best kind of comfort, read on.

        The structure is the first thing that wins you over. Each chapter is one year, and each opens with an entry from the almanac of the title, a battered notebook in which the family records tides, first swallows, the price of a pint of milk, who came to stay and how long they stayed. These entries are funny and terse and occasionally devastating in their brevity, and they let the author skip years at a time without ever losing the thread. By the middle of the book I was reading the almanac entries first, guessing what the chapter would hold, and being wrong in ways that delighted me. It is a clever device that never feels clever, which is the best thing you can say about a device.

        The characters are where the book really lives. Maud Penhallow, who inherits the guest house at twenty-three when her father retires to his allotment, is one of the great stubborn women of recent fiction. She is rude to guests she likes and charming to guests she despises, she keeps the accounts in pencil so she can rub them out, and she refuses for forty years to admit that she cannot bake a decent scone. Her husband Kit, a gentle boat builder from Falmouth, is the quiet centre of the first half, and the slow shifts in their marriage, from infatuation to irritation to a deep and almost wordless partnership, are drawn with enormous care. Their children, Rosie and Tam, are very different people, and the novel lets them be different without declaring one of them right.

        The writing itself is plain in the best sense. The author has a gift for the exact domestic detail: the smell of a wet dog drying by the range, the particular sound of a screen door in an Atlantic gale, the way a family rearranges the furniture every Easter and then puts it back by June. There are passages about the sea that made me want to get on a train immediately, and a long sequence about a village fete in 1977 that is as funny as anything I have read this year. The dialogue is sharp, especially between the sisters-in-law, who communicate almost entirely through remarks about each other's gardens. The humour never undercuts the feeling; it is how these people carry it.

        I should say something about pacing, because it is the thing most readers will either love or hate. The first third of the novel covers barely a decade and takes its time over every renovation and every disastrous summer booking. A friend who borrowed my copy gave up around page one hundred, complaining that nothing had happened except a new boiler. She is not wrong about the boiler. But the slowness is doing work: by the time the years start to accelerate in the second half, you know the house so well that a single sentence about a cracked window tells you everything about the state of the family. The book teaches you how to read it, and it repays the lesson.

        The one part of the novel I want to flag for other readers comes in the chapter for 1991. Tam, the younger child, has come home from university after a bad year, and the family, busy with the high season, misses how withdrawn he has become. One evening he takes an overdose of his mother's sleeping pills and writes a note to his sister; Rosie finds him in time, and the ambulance takes him to Truro. The suicide attempt is written without melodrama, but the chapter stays inside Tam's head in the days before, his sense of being a burden and his quiet planning, and it is heavy reading. The aftermath is handled with great tenderness, and the novel takes his recovery seriously over the following decades rather than treating it as a single dramatic episode, but if suicide is a difficult subject for you, know that it is there, and that the 1991 chapter is the one to skim.

        After that chapter the book opens out again, and the middle section, covering the nineties and the early two thousands, may be my favourite stretch. Rosie returns from London with a baby and no intention of explaining the father, and Maud, who has opinions about everything, surprises everyone by having none about this. The guest house nearly closes twice, once because of a planning dispute with a neighbour who wants to build holiday flats and once because Kit's health begins to fail. There is a wonderful subplot about the village choir, which Maud joins out of spite and stays in out of love, and a running argument about whether to put a television in the guest lounge that lasts, by my count, fourteen years.

        The final third belongs to the grandchildren, and here the novel becomes quietly ambitious. Rosie's daughter Nell grows up in the house and eventually takes it over, and through her eyes we see the headland change: the fishing fleet shrinking, the second homes multiplying, the almanac entries shifting from the price of milk to the price of parking. The author is clearly angry about what has happened to coastal towns, but the anger is channelled into character rather than speeches. Nell's decision at the end about what to do with the guest house is the emotional climax of the book, and I will not spoil it, except to say that it made me cry on a bus and I did not mind.

        Is the book perfect? No. It is too long by perhaps eighty pages, and some of the guests who pass through the middle chapters are sketched rather than drawn; a recurring pair of birdwatchers from Leeds in particular feel like they wandered in from a gentler and less interesting novel. The author also has a habit of ending chapters on a line of dialogue that is slightly too neat, the kind of line people only say in books. And readers who need a strong plot will find the second half, which moves quickly through years but not through events, frustrating. These are small complaints against a very large achievement, but they are real.

        A word on the edition, too, because it deserves one. The hardback is beautifully made, with a cloth spine the colour of a stormy sea, endpapers that reproduce a hand-drawn map of the headland, and a family tree that I consulted more often than I would like to admit. The almanac entries are set in a typewriter face with the family's crossings out and marginal notes preserved, so that you can watch Maud's handwriting give way to Rosie's and then to Nell's. Small things, perhaps, but they make the book a pleasure to hold, and they reward the kind of slow reading the novel asks for. It would make a lovely gift.

        I listened to part of it as an audiobook as well, and the narrator is superb, with a different and entirely convincing voice for each generation of Penhallows. She is especially good with Maud, whose voice she lets age over the course of the recording so gradually that you only notice when you go back to an early chapter. If you are a commuter, this is a lovely way to take the book in, though you will miss the almanac entries, which are read aloud but lose something without their typography and their crossings out.

        In the end, what stays with me is the house itself, which becomes a character as vivid as any of the people who live in it. The roof, the range, the room at the top of the stairs that no guest ever wants, the garden that Kit plants and Maud neglects and Nell restores: by the last page I felt I could walk through it with my eyes closed. The novel is about how places hold families together and how families hold places together, and about the cost of both. It is the most completely satisfying book I have read in years. Five stars, a permanent place on my shelf, and a strong recommendation to anyone who has ever loved a house that was slightly too big and always needed something fixing.
        """;

    /// <summary>The three texts by name, for <c>[Params]</c>.</summary>
    public static string ByName(string name) => name switch
    {
        "short" => Short,
        "medium" => Medium,
        "long" => Long,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use short, medium or long."),
    };

    /// <summary>Words in a text (runs between white space), for the docs.</summary>
    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
