namespace ContentTags;

/// <summary>A tag as a model knows it: its id and names, and the probability above which the model applies it.</summary>
/// <param name="Id">The stable tag id.</param>
/// <param name="DisplayName">A short name for people.</param>
/// <param name="Description">What the tag covers.</param>
/// <param name="Threshold">The tuned decision threshold: the tag fires when its probability is at least this.</param>
public sealed record TagDefinition(string Id, string DisplayName, string Description, float Threshold);
