namespace ContentTags;

/// <summary>
/// Splits text into sentences for window scoring and evidence. Deliberately simple: a sentence ends at . ! ? or …
/// (with any closing quotes or brackets) followed by white space, or at a line break. Very long runs without an end
/// are cut so that one pathological "sentence" cannot dominate the cost of a huge input.
/// </summary>
internal static class SentenceSplitter
{
    public const int MaxSentenceLength = 1000;

    /// <summary>Appends the sentence ranges of <paramref name="text"/> (trimmed, non-empty) to <paramref name="into"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, List<Range> into)
    {
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int end = -1; // exclusive end of the sentence when one ends here
            int next = i + 1;
            if (c is '\n' or '\r')
            {
                end = i;
            }
            else if (c is '.' or '!' or '?' or '\u2026')
            {
                int j = i + 1;
                while (j < text.Length && (text[j] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '\u2026')) j++;
                if (j >= text.Length || char.IsWhiteSpace(text[j]))
                {
                    end = j;
                    next = j;
                }
            }
            else if (i - start >= MaxSentenceLength && char.IsWhiteSpace(c))
            {
                end = i;
            }
            else if (i - start >= 2 * MaxSentenceLength)
            {
                end = i; // no white space at all: cut anyway
            }

            if (end >= 0)
            {
                Add(text, start, end, into);
                start = next;
            }
            i = next;
        }
        Add(text, start, text.Length, into);
    }

    private static void Add(ReadOnlySpan<char> text, int start, int end, List<Range> into)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add(new Range(start, end));
    }
}
