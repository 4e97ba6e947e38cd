namespace ContentTags;

/// <summary>
/// Sees every n-gram occurrence while <see cref="NgramFeaturizer.CountNgrams(ReadOnlySpan{char}, FeatureVector, IOccurrenceObserver?)"/>
/// counts a text, so a caller can split the text's score by sentence in the same pass. Word n-grams come first, then
/// character n-grams (<see cref="NextPass"/> between them), each pass in order of where the n-grams end; a slot only
/// ever occurs in one of the two passes.
/// </summary>
internal interface IOccurrenceObserver
{
    /// <summary>A buffer of at least <paramref name="length"/> entries for the normalized-to-original index map.</summary>
    int[] SourceIndexBuffer(int length);

    /// <summary>Called once the text is normalized, before any occurrence.</summary>
    /// <param name="normalizedLength">The length of the normalized text.</param>
    /// <param name="tableCapacity">Table positions passed to <see cref="Add"/> are below this.</param>
    void Begin(int normalizedLength, int tableCapacity);

    /// <summary>Between the word pass and the character pass.</summary>
    void NextPass();

    /// <summary>One occurrence.</summary>
    /// <param name="slot">Its feature slot.</param>
    /// <param name="end">One past the normalized position of its last character (the length plus one for the text-end marker).</param>
    /// <param name="tablePosition">Where the featurizer counts this slot for the current text (stable within a text).</param>
    /// <param name="first">Whether this is the slot's first occurrence in the text.</param>
    void Add(int slot, int end, int tablePosition, bool first);
}
