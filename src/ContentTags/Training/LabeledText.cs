namespace ContentTags;

/// <summary>A text and the tags it truly carries: one training or evaluation example.</summary>
/// <param name="Text">The review, synopsis or blurb.</param>
/// <param name="Tags">The tag ids it carries, in any order; empty for none.</param>
public sealed record LabeledText(string Text, IReadOnlyList<string> Tags)
{
    /// <summary>The file (or stream name) the example came from, for error messages.</summary>
    public string? Source { get; init; }

    /// <summary>The 1-based line the example starts on in <see cref="Source"/>, for error messages.</summary>
    public long? Line { get; init; }

    /// <summary>Creates an example from a <c>;</c>-separated tags cell, as written in CSV files.</summary>
    public static LabeledText Parse(string text, string? tags)
    {
        var ids = TagTaxonomy.SplitIds(tags, out string? error);
        return error is null ? new LabeledText(text, ids) : throw new ArgumentException(error, nameof(tags));
    }
}
