namespace ContentTags;

/// <summary>
/// One n-gram occurrence in a text: its feature slot and the span of normalized text it covers (characters
/// <see cref="Start"/> to <see cref="End"/>, end exclusive), so a score can be traced back to words.
/// </summary>
internal readonly record struct NgramOccurrence(int Slot, int Start, int End);
