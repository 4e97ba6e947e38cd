namespace ContentTags;

/// <summary>Per-tag and averaged metrics of a model on a labeled set.</summary>
/// <param name="Rows">How many labeled texts were scored.</param>
/// <param name="Tags">Per-tag metrics, in taxonomy order.</param>
/// <param name="MicroF1">F1 over all tag decisions pooled together.</param>
/// <param name="MacroF1">The mean of the per-tag F1 scores of tags that occur at least once.</param>
/// <param name="MicroPrecision">Precision over all tag decisions pooled together.</param>
/// <param name="MicroRecall">Recall over all tag decisions pooled together.</param>
public sealed record ModelMetrics(int Rows, IReadOnlyList<TagMetrics> Tags, double MicroF1, double MacroF1, double MicroPrecision, double MicroRecall)
{
    /// <summary>The metrics of one tag, or <see langword="null"/> when the set has no such tag.</summary>
    public TagMetrics? For(string tagId) => Tags.FirstOrDefault(t => t.TagId == tagId);

    /// <summary>Computes metrics from true and predicted tag sets (index-aligned by taxonomy position).</summary>
    /// <param name="tagIds">The tag ids in taxonomy order.</param>
    /// <param name="truth">For every text, which tags it truly carries.</param>
    /// <param name="predicted">For every text, which tags the model gave it.</param>
    /// <param name="thresholds">The thresholds that were in force, in taxonomy order.</param>
    public static ModelMetrics Compute(IReadOnlyList<string> tagIds, IReadOnlyList<bool[]> truth, IReadOnlyList<bool[]> predicted, IReadOnlyList<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (truth.Count != predicted.Count) throw new ArgumentException("Truth and predictions differ in length.", nameof(predicted));
        int tags = tagIds.Count;
        var list = new TagMetrics[tags];
        long tpAll = 0, predAll = 0, suppAll = 0;
        double f1Sum = 0;
        int f1Count = 0;
        for (int t = 0; t < tags; t++)
        {
            int tp = 0, pred = 0, supp = 0;
            for (int r = 0; r < truth.Count; r++)
            {
                bool y = truth[r][t], p = predicted[r][t];
                if (y) supp++;
                if (p) pred++;
                if (y && p) tp++;
            }
            double precision = pred == 0 ? (supp == 0 ? 1 : 0) : (double)tp / pred;
            double recall = supp == 0 ? 1 : (double)tp / supp;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            list[t] = new TagMetrics(tagIds[t], supp, pred, tp, precision, recall, f1, thresholds[t]);
            tpAll += tp; predAll += pred; suppAll += supp;
            if (supp > 0) { f1Sum += f1; f1Count++; }
        }
        double microP = predAll == 0 ? 0 : (double)tpAll / predAll;
        double microR = suppAll == 0 ? 0 : (double)tpAll / suppAll;
        double microF1 = microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR);
        return new ModelMetrics(truth.Count, list, microF1, f1Count == 0 ? 0 : f1Sum / f1Count, microP, microR);
    }
}
