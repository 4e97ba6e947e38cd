namespace ContentTags;

/// <summary>The tags of one text, a probability for every tag of the taxonomy, and the evidence for each fired tag.</summary>
/// <param name="Tags">The fired tag ids, in taxonomy order; empty for none.</param>
/// <param name="Scores">One score per tag of the taxonomy, in taxonomy order.</param>
/// <param name="Evidence">One entry per fired tag, in the order of <paramref name="Tags"/>.</param>
public sealed record ContentTagResult(IReadOnlyList<string> Tags, IReadOnlyList<TagScore> Scores, IReadOnlyList<TagEvidence> Evidence)
{
    /// <summary>Whether any tag fired.</summary>
    public bool HasTags => Tags.Count > 0;

    /// <summary>Whether the tag fired.</summary>
    public bool Has(string tagId) => Tags.Contains(tagId);

    /// <summary>The probability of a tag of the taxonomy.</summary>
    /// <exception cref="KeyNotFoundException">The model has no such tag.</exception>
    public float Probability(string tagId) =>
        Scores.FirstOrDefault(s => s.TagId == tagId)?.Probability ?? throw new KeyNotFoundException($"The model has no tag '{tagId}'.");

    /// <summary>The evidence for a fired tag, or <see langword="null"/> when it did not fire.</summary>
    public TagEvidence? EvidenceFor(string tagId) => Evidence.FirstOrDefault(e => e.TagId == tagId);

    /// <summary>The fired tag ids joined by <c>;</c>, as written in CSV files.</summary>
    public override string ToString() => string.Join(TagTaxonomy.Separator, Tags);
}
