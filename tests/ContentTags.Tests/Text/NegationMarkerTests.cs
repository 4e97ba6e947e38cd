namespace ContentTags.Tests.Text;

public sealed class NegationMarkerTests
{
    // The marked words, read back: full-width letters are the ones in a negation's scope.
    private static string[] Marked(string text) =>
        NegationMarker.Mark(text).Split([' ', ',', '.', '!', '?', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(c => c is >= '\uFF10' and <= '\uFF5A'))
            .Select(w => new string(w.Select(c => c is >= '\uFF41' and <= '\uFF5A' ? (char)('a' + (c - '\uFF41')) : c is >= '\uFF10' and <= '\uFF19' ? (char)('0' + (c - '\uFF10')) : c).ToArray()))
            .ToArray();

    [Theory]
    [InlineData("No animals were harmed in the making of this film.", new[] { "animals", "were", "harmed", "in", "the", "making" })]
    [InlineData("Despite the title there is no violence at all.", new[] { "violence", "at", "all" })]
    [InlineData("Nobody gets hurt, but the dog doesn't make it.", new[] { "gets", "hurt", "make", "it" })]
    [InlineData("It isn’t gory when the monster finally appears.", new[] { "gory" })]
    [InlineData("Never once does the 1980s setting feel cheap.", new[] { "once", "does", "the", "1980s", "setting", "feel" })]
    [InlineData("A killer soundtrack and a brutal final act.", new string[0])]
    public void Words_a_negation_governs_are_marked_up_to_punctuation_a_new_clause_or_six_words(string text, string[] expected) =>
        Assert.Equal(expected, Marked(text));

    [Theory]
    [InlineData("")]
    [InlineData("no")]
    [InlineData("no\uD800 harm \uDC00 done")]
    [InlineData("NO   blood\tor\nGORE")]
    [InlineData("😀 no 😀 emoji 😀")]
    public void Marking_keeps_every_character_position(string text)
    {
        string marked = NegationMarker.Mark(text);
        Assert.Equal(text.Length, marked.Length);
        for (int i = 0; i < text.Length; i++)
            if (!char.IsLetterOrDigit(text[i])) Assert.Equal(text[i], marked[i]);
    }

    [Fact]
    public void A_text_without_negation_is_unchanged()
    {
        const string text = "The sheriff is shot dead in the street, and his deputy takes the town's children hostage.";
        Assert.Equal(text, NegationMarker.Mark(text));
    }
}
