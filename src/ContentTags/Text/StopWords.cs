using System.Collections.Frozen;

namespace ContentTags;

/// <summary>
/// English function words. Removing "her" or "the" can move a score (they sit inside character n-grams), but a person
/// reading evidence wants the words that carry meaning, so these are never reported as evidence words.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> s_words = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had", "it", "its",
        "he", "she", "him", "her", "his", "hers", "they", "them", "their", "we", "us", "our", "you", "your", "i", "me", "my",
        "this", "that", "these", "those", "there", "here", "who", "whom", "which", "what", "when", "where", "while", "so",
        "than", "then", "too", "very", "just", "not", "no", "all", "any", "some", "one", "set", "up", "out", "about", "after",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_lookup = s_words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => s_lookup.Contains(word);
}
