namespace ContentTags.Tests.Support;

/// <summary>
/// A small labeled corpus written for the tests: three tags with clear, varied examples and plenty of negatives, so a
/// model trained on it with a fixed seed separates them reliably in seconds.
/// </summary>
internal static class SmallCorpus
{
    public static readonly TagTaxonomy Taxonomy = TagTaxonomy.FromIds(["violence", "suicide", "animal-harm"]);

    private static readonly string[] Violence =
    [
        "The gang beats the shopkeeper senseless and shoots his brother in the street.",
        "A brutal shootout leaves six people dead in the parking garage.",
        "He stabs the guard twice and escapes through the window.",
        "The film opens with a savage bar fight and a man beaten with a bottle.",
        "Soldiers open fire on the village and the massacre is shown in full.",
        "She is punched, kicked and left bleeding in the alley by the mugger.",
        "The hitman strangles his target and dumps the body in the river.",
        "Riots break out and the police club protesters to the ground.",
        "A serial killer murders three hikers with an axe in the opening act.",
        "The boxer is attacked after the match and beaten nearly to death.",
        "Gunmen storm the wedding and shoot the groom's father.",
        "The brothers brawl in the kitchen until one cracks the other's skull with a pan.",
        "A car bomb tears through the market, killing dozens.",
        "The sheriff is gunned down in front of the saloon.",
        "Prisoners riot and the guards are stabbed with sharpened spoons.",
        "He was murdered in his own home, shot through the door.",
        "The knife fight on the rooftop is long and brutal.",
        "Street gangs attack each other with bats and machetes.",
        "The assassin shoots the senator during the parade.",
        "Villagers are slaughtered by raiders who burn the houses.",
        "The bouncer pistol-whips a customer and kicks him down the stairs.",
        "Two detectives find the victim beaten to death in a motel.",
    ];

    private static readonly string[] Suicide =
    [
        "After losing the farm, her father takes his own life in the barn.",
        "The novel begins with a suicide note left on the kitchen table.",
        "He swallows a bottle of pills in a suicide attempt and wakes in hospital.",
        "Her brother killed himself last spring and she still cannot talk about it.",
        "The teenager plans to end his life on the bridge before a stranger talks him down.",
        "She writes goodbye letters to everyone and tries to hang herself.",
        "The poet died by suicide, and the documentary asks why nobody noticed.",
        "Struggling with depression, he thinks about ending it all every night.",
        "The sergeant shoots himself after coming home from the war.",
        "A friend's suicide haunts the whole class through senior year.",
        "She jumps from the roof of the hospital in the second episode.",
        "His mother took an overdose on purpose, meaning to die.",
        "The film follows a widow after her husband's suicide.",
        "He drives to the cliffs intending to kill himself.",
        "Suicidal thoughts consume her after the diagnosis.",
        "The band's singer hanged himself before the album came out.",
        "A girl cuts her wrists in a suicide attempt and survives.",
        "The letter says he could not go on living and was sorry.",
        "Her best friend tried to kill herself twice this year.",
        "He stepped in front of a train after losing everything.",
        "The counsellor talks a suicidal student off the ledge.",
        "After the scandal the minister took his own life.",
    ];

    private static readonly string[] AnimalHarm =
    [
        "The family dog is poisoned by a neighbour and dies in the boy's arms.",
        "Hunters shoot the mother deer while the fawn watches.",
        "The horse breaks its leg in the race and is put down on the track.",
        "A cat is kicked and thrown against a wall by the drunk stepfather.",
        "The villain drowns a sack of puppies in the lake.",
        "Whalers harpoon the calf and the ocean turns red.",
        "The old dog is shot behind the barn because the farmer cannot feed it.",
        "Poachers kill the elephant for its tusks.",
        "Their pet rabbit is mauled by a fox in the garden.",
        "A bull is stabbed again and again in the bullfight.",
        "The boy's puppy is run over by a truck in the first chapter.",
        "Farmers beat the starving mule until it collapses.",
        "A circus tiger is whipped and kept chained in a tiny cage.",
        "The hero's loyal horse dies after being shot by soldiers.",
        "Cockfighting scenes show birds tearing each other apart.",
        "The neighbour tortures stray cats in his basement.",
        "The parrot is strangled by the intruder.",
        "Wolves are trapped and skinned by the trapper.",
        "The goldfish is flushed alive by the cruel brother.",
        "The dog does not survive the fire.",
        "A kitten is abandoned in the snow and freezes to death.",
        "Seal pups are clubbed on the ice.",
    ];

    private static readonly string[] Negatives =
    [
        "A warm comedy about two sisters opening a bakery in Lisbon.",
        "The cooking show visits farmers' markets and bakes bread with kids.",
        "A charming romance between a librarian and a travelling musician.",
        "This documentary follows a choir preparing for a national competition.",
        "The puppy learns to fetch and everyone cheers at the dog show.",
        "A gentle animated film about a turtle who wants to see the sea.",
        "Two friends restore an old sailing boat over one summer.",
        "The soundtrack is killer and the dancing is fantastic.",
        "A heartfelt story of a grandmother teaching her grandson to knit.",
        "The team wins the championship after a season of hard training.",
        "Career suicide for the lead actor, who mumbles every line.",
        "No animals were harmed, and the cat steals every scene.",
        "A cosy mystery where the only crime is a stolen pie.",
        "The vet checks the horse and says it is perfectly healthy.",
        "A road trip comedy full of bad jokes and good music.",
        "The photo shoot goes wrong when the models get the giggles.",
        "A nature series about bees and the flowers they pollinate.",
        "The couple plan their wedding while renovating a farmhouse.",
        "Kids build a robot for the science fair and learn about friendship.",
        "The chef slaughtered the competition with a perfect souffle.",
        "A travel show about trains across the Swiss Alps.",
        "The knitting club raises money for the local library.",
        "A musical about a girl who wants to become a pilot.",
        "The family adopts a rescue dog who loves the beach.",
        "This puzzle game is relaxing and beautifully drawn.",
        "The gardeners compete to grow the biggest pumpkin.",
        "A documentary about the history of jazz in New Orleans.",
        "The kitten naps in a sunny window for most of the film.",
        "A sitcom about roommates arguing over the dishes.",
        "The orchestra tours Japan and plays to sold-out halls.",
    ];

    public static IReadOnlyList<LabeledText> Examples { get; } = Build();

    /// <summary>The same examples as CSV text with columns id, text, tags.</summary>
    public static string Csv()
    {
        var sb = new System.Text.StringBuilder("id,text,tags\n");
        int id = 0;
        foreach (var e in Examples)
            sb.Append(++id).Append(",\"").Append(e.Text.Replace("\"", "\"\"")).Append("\",").Append(string.Join(';', e.Tags)).Append('\n');
        return sb.ToString();
    }

    private static List<LabeledText> Build()
    {
        var list = new List<LabeledText>();
        list.AddRange(Violence.Select(t => new LabeledText(t, ["violence"])));
        list.AddRange(Suicide.Select(t => new LabeledText(t, ["suicide"])));
        list.AddRange(AnimalHarm.Select(t => new LabeledText(t, ["animal-harm"])));
        list.AddRange(Negatives.Select(t => new LabeledText(t, [])));
        // A few rows with two tags, as real data has.
        list.Add(new LabeledText("He shoots the dog and then turns the gun on the farmer.", ["violence", "animal-harm"]));
        list.Add(new LabeledText("After stabbing his partner he kills himself in the cell.", ["violence", "suicide"]));
        return list;
    }

    public static ContentTagTrainerOptions Options(int seed = 7) => new()
    {
        Taxonomy = Taxonomy,
        Seed = seed,
        MinimumPositives = 3,
        // Smaller hash spaces keep the test model small and fast; the defaults are for the 5,000-row corpus.
        Featurizer = new FeaturizerSettings { WordHashBits = 14, CharNgramLength = 4, CharHashBits = 12 },
        // The small model is never very sure of anything, so its windows count from 0.3 rather than the default 0.5.
        Scoring = new ScoringSettings { WindowMinimumProbability = 0.3f },
        L1Regularization = 0,
        L2Regularization = 0.01f,
    };
}
