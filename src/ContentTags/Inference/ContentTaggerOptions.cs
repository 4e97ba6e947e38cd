namespace ContentTags;

/// <summary>Options for <see cref="ContentTagger"/>.</summary>
public sealed class ContentTaggerOptions
{
    /// <summary>
    /// One threshold for every tag instead of the model's tuned per-tag thresholds; <see langword="null"/> (the default)
    /// keeps the tuned ones.
    /// </summary>
    public float? Threshold { get; set; }

    /// <summary>Whether to find evidence (sentence and words) for fired tags. Turning it off saves a pass over the sentences.</summary>
    public bool IncludeEvidence { get; set; } = true;

    /// <summary>How many words to report per evidence sentence.</summary>
    public int EvidenceWords { get; set; } = 3;

    /// <summary>
    /// Texts longer than this many characters are tagged on their first this-many characters. The default (10 million)
    /// only guards against runaway inputs.
    /// </summary>
    public int MaxTextLength { get; set; } = 10_000_000;
}
