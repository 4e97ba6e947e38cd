namespace ContentTags;

/// <summary>Chooses one tag's decision threshold from validation probabilities and labels.</summary>
internal static class ThresholdTuner
{
    // Thresholds stay inside this band: a tag that fires at 0.01 is noise, one that needs 0.99 never fires on new text.
    public const float Min = 0.05f, Max = 0.95f;

    /// <param name="probabilities">Each validation text's probability for the tag.</param>
    /// <param name="truth">Whether each text carries the tag.</param>
    /// <param name="objective">F1, or F2 when recall matters more.</param>
    /// <param name="tolerance">
    /// The highest threshold whose F-score is within this much of the best is taken: on validation data the F-score is
    /// flat near its peak, and the best point is often a low threshold that buys a sliver of recall with false alarms
    /// on text unlike the training data.
    /// </param>
    public static float Tune(float[] probabilities, bool[] truth, ThresholdObjective objective, double tolerance = 0)
    {
        int positives = truth.Count(y => y);
        if (positives == 0) return 0.5f;
        double beta2 = objective == ThresholdObjective.FavorRecall ? 4 : 1; // F-beta with beta 2 weighs recall 4x

        // Every cut between distinct scores, from the highest threshold down: its F-score and its threshold, midway
        // between the last tagged score and the next lower one (which generalises better than the score itself).
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ToArray();
        var cuts = new List<(double F, float Threshold)>();
        int tp = 0, predicted = 0;
        for (int k = 0; k < order.Length; k++)
        {
            predicted++;
            if (truth[order[k]]) tp++;
            if (k + 1 < order.Length && probabilities[order[k + 1]] == probabilities[order[k]]) continue;
            double precision = (double)tp / predicted, recall = (double)tp / positives;
            double f = precision + recall == 0 ? 0 : (1 + beta2) * precision * recall / (beta2 * precision + recall);
            float next = k + 1 < order.Length ? probabilities[order[k + 1]] : 0f;
            cuts.Add((f, (probabilities[order[k]] + next) / 2));
        }

        double best = cuts.Max(c => c.F);
        // The first cut (highest threshold) close enough to the best; with no tolerance, the first best one.
        var chosen = cuts.First(c => c.F >= best - tolerance);
        return Math.Clamp(chosen.Threshold, Min, Max);
    }
}
