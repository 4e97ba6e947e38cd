namespace ContentTags;

/// <summary>How well one tag was predicted on a labeled set.</summary>
/// <param name="TagId">The tag.</param>
/// <param name="Support">How many texts truly carry the tag.</param>
/// <param name="Predicted">How many texts the model tagged with it.</param>
/// <param name="TruePositives">How many of those were right.</param>
/// <param name="Precision">Right tags over predicted tags (1 when nothing was predicted).</param>
/// <param name="Recall">Found tags over true tags (1 when the tag never occurs).</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="Threshold">The decision threshold that was in force.</param>
public sealed record TagMetrics(string TagId, int Support, int Predicted, int TruePositives, double Precision, double Recall, double F1, float Threshold);
