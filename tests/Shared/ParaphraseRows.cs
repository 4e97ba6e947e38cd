namespace ContentTags.Tests.Shared;

/// <summary>
/// Training rows for the paraphrase tests of both embedding tiers (linked into ContentTags.Tests and
/// ContentTags.Semantic.Tests): the positives say only "committed suicide", never "took his own life", and the
/// negatives are ordinary content of all kinds.
/// </summary>
internal static class ParaphraseRows
{
    public static readonly string[] Positives =
    [
        "The singer committed suicide in the spring of that year.",
        "Her father committed suicide when she was nine.",
        "A soldier committed suicide after coming home from the front.",
        "The novel opens after the poet committed suicide in Paris.",
        "His best friend committed suicide, and the film follows the aftermath.",
        "The detective learns that the banker committed suicide rather than face trial.",
        "An actress committed suicide at the height of her fame.",
        "The town is shaken when a teenager committed suicide.",
        "We learn the painter committed suicide before the exhibition opened.",
        "Her brother committed suicide and the family never spoke of it.",
        "A farmer committed suicide after losing the land.",
        "The composer committed suicide before finishing the symphony.",
    ];

    // Ordinary content of all kinds; none of it about death.
    public static readonly string[] Negatives =
    [
        "A warm comedy about a bakery in Lisbon.", "The team wins the cup after a long season.",
        "Two friends restore an old boat over one summer.", "A documentary about jazz in New Orleans.",
        "The chef opens his own small restaurant by the sea.", "A musical about a girl who wants to fly planes.",
        "Kids build a robot for the science fair.", "The couple plan their wedding on a farm.",
        "A gentle film about a turtle who wants to see the ocean.", "The orchestra tours Japan.",
        "A road trip with bad jokes and good music.", "The gardeners grow the biggest pumpkin in the county.",
        "A cosy mystery where the only crime is a stolen pie.", "The puppy learns to fetch at the dog show.",
        "A heartfelt story of a grandmother teaching knitting.", "Roommates argue over the dishes in this sitcom.",
        "A travel show about trains across the Alps.", "The choir prepares for the national competition.",
    ];

    /// <summary>The positives tagged <c>suicide</c> and the negatives tagged <c>none</c>.</summary>
    public static List<LabeledText> Examples() =>
        Positives.Select(t => new LabeledText(t, ["suicide"]))
            .Concat(Negatives.Select(t => new LabeledText(t, ["none"]))).ToList();
}
