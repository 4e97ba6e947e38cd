namespace ContentTags;

/// <summary>The model's calibrated probability for one tag, and the threshold it is compared with.</summary>
/// <param name="TagId">The tag.</param>
/// <param name="Probability">The calibrated probability that the text warrants the tag, 0 to 1.</param>
/// <param name="Threshold">The decision threshold in force.</param>
public sealed record TagScore(string TagId, float Probability, float Threshold)
{
    /// <summary>Whether the tag fired: its probability reached the threshold.</summary>
    public bool IsTagged => Probability >= Threshold;
}
