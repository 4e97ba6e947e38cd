namespace ContentTags;

/// <summary>One tag of a taxonomy: a stable id, a name for people and a one-line description.</summary>
/// <param name="Id">The stable id written in CSV files and results, for example <c>animal-harm</c>.</param>
/// <param name="DisplayName">A short name for people, for example <c>Animal harm</c>.</param>
/// <param name="Description">What the tag covers, in one line.</param>
public sealed record ContentTag(string Id, string DisplayName, string Description);
